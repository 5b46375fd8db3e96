package io.camelksm.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Re-encryption of stored credentials on PostgreSQL (issue 15): rows per second and heap for each batch size, beside
 * the floor measured in the same run (the same batched reads and compare-and-set writes without cryptography, and one
 * plain {@code UPDATE} of every row). Run it with {@code benchmarks/run-reencryption.sh}; see benchmarks/README.md.
 * <p>
 * Options: {@code --jdbc-url URL} (default {@code $KSM_TEST_POSTGRES_URL}; the data goes into a new schema that is
 * dropped at the end), {@code --credentials N} (100000), {@code --small N} (10000: the heap comparison),
 * {@code --batch-sizes a,b,c} (100,1000,10000).
 */
public final class ReencryptionBenchmark {

    /** The schemes' ids never include it, so the floor's walk selects every encrypted row. */
    private static final String NO_SCHEME = "-floor-";
    private static final int HEAP_BATCH = 1_000;

    /** One measured phase. */
    record Result(String phase, int dataSet, int batchSize, long rows, double seconds, HeapPeak.Peaks heap) {

        double rate() {
            return rows / seconds;
        }
    }

    private final ReencryptionDataSet data;
    private final RuntimeReencryptor reencryptor;
    private final ReencryptionRows floorRows;
    private final List<Result> results = new ArrayList<>();

    ReencryptionBenchmark(ReencryptionDataSet data, RuntimeReencryptor reencryptor, Connection floorConnection)
            throws SQLException {
        this.data = data;
        this.reencryptor = reencryptor;
        this.floorRows = new ReencryptionRows(floorConnection);
    }

    public static void main(String[] args) throws Exception {
        String url = option(args, "--jdbc-url", System.getenv("KSM_TEST_POSTGRES_URL"));
        if (url == null || url.isBlank() || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("The re-encryption benchmark runs on PostgreSQL: give --jdbc-url"
                                               + " jdbc:postgresql://... or set KSM_TEST_POSTGRES_URL"
                                               + " (eval \"$(bash .ci/start-postgres.sh)\" starts a server)");
        }
        int credentials = Integer.parseInt(option(args, "--credentials", "100000"));
        int small = Integer.parseInt(option(args, "--small", "10000"));
        int[] batchSizes = Arrays.stream(option(args, "--batch-sizes", "100,1000,10000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        String schema = "ksm_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        Path dir = Files.createTempDirectory("ksm-reencryption-bench");
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        long start = System.nanoTime();
        try (ReencryptionDataSet data = new ReencryptionDataSet(schemaUrl, dir.resolve("ksm.key"));
             Connection floorConnection = data.connection()) {
            ReencryptionBenchmark benchmark = new ReencryptionBenchmark(data, new RuntimeReencryptor(data),
                    floorConnection);
            String report = benchmark.run(small, credentials, batchSizes, url);
            String total = String.format(Locale.ROOT, "(total %.0f s)%n", (System.nanoTime() - start) / 1e9);
            System.out.print(report + total);
            Path summary = Path.of("target", "reencryption-summary.txt");
            Files.createDirectories(summary.getParent());
            Files.writeString(summary, report + total, StandardCharsets.UTF_8);
        } finally {
            try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs every phase and returns the report; fails if any value does not decrypt to what was seeded. */
    String run(int small, int credentials, int[] batchSizes, String where) throws Exception {
        long seedStart = System.nanoTime();
        data.seedUpTo(small);
        analyze();
        // warm-up (not reported): the JIT sees both walks before anything is measured
        floorRows.rewriteAll(NO_SCHEME, HEAP_BATCH);
        reencryptor.reencryptToNextScheme(HEAP_BATCH);
        measureFloor(HEAP_BATCH);
        measureReencryption(HEAP_BATCH);
        data.seedUpTo(credentials);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        analyze();
        for (int batchSize : batchSizes) {
            measureFloor(batchSize);
            measureReencryption(batchSize);
        }
        measurePlainUpdate();
        ReencryptionDataSet.Check check = data.checkAll(reencryptor.currentSchemeId());
        if (check.rows() != credentials || check.wrongValues() != 0 || check.onOtherScheme() != 0) {
            throw new IllegalStateException("After the runs: " + check + ", expected " + credentials
                                            + " rows, all on scheme '" + reencryptor.currentSchemeId() + "'");
        }
        return ReencryptionReport.format(results, where, seedSeconds, check, reencryptor.getClass().getSimpleName());
    }

    /** Fresh planner statistics on PostgreSQL after seeding (the smoke test runs the same driver on H2). */
    private void analyze() throws SQLException {
        try (Connection c = data.connection(); Statement s = c.createStatement()) {
            if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
                return;
            }
            s.execute("ANALYZE credential");
            s.execute("ANALYZE credential_field");
        }
    }

    private void measureReencryption(int batchSize) throws Exception {
        measure("re-encryption", batchSize, () -> reencryptor.reencryptToNextScheme(batchSize));
    }

    private void measureFloor(int batchSize) throws Exception {
        measure("floor: batched read + UPDATE", batchSize,
                () -> floorRows.rewriteAll(NO_SCHEME, batchSize));
    }

    private void measurePlainUpdate() throws Exception {
        measure("floor: one plain UPDATE", 0, () -> {
            try (Connection c = data.connection(); Statement s = c.createStatement()) {
                return (long) s.executeUpdate(
                        "UPDATE credential_field SET ciphertext = ciphertext WHERE scheme_id IS NOT NULL");
            }
        });
    }

    private interface Phase {
        long run() throws Exception;
    }

    private void measure(String phase, int batchSize, Phase work) throws Exception {
        HeapPeak heap = HeapPeak.start();
        long start = System.nanoTime();
        long rows = work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        Result result = new Result(phase, data.size(), batchSize, rows, seconds, heap.stop());
        results.add(result);
        System.out.println(ReencryptionReport.line(result));
        if (rows != data.size()) {
            throw new IllegalStateException(phase + " with batch size " + batchSize + " wrote " + rows
                                            + " rows of " + data.size());
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
