package io.camelksm.benchmarks;

import java.util.List;
import java.util.Locale;

/** The re-encryption benchmark's table: each phase's rate, its ratio to the batched floor, and its heap peaks. */
final class ReencryptionReport {

    private static final double GOAL_ROWS_PER_SECOND = 20_000;
    private static final double MIB = 1024.0 * 1024.0;

    private ReencryptionReport() {
    }

    static String line(ReencryptionBenchmark.Result r) {
        return String.format(Locale.ROOT, "%-30s | %8d | %6s | %8d | %7.2f s | %9.0f | %9.1f MiB | %11.1f MiB",
                r.phase(), r.dataSet(), r.batchSize() == 0 ? "all" : String.valueOf(r.batchSize()), r.rows(),
                r.seconds(), r.rate(), r.heap().used() / MIB, r.heap().afterCollection() / MIB);
    }

    static String format(List<ReencryptionBenchmark.Result> results, String where, double seedSeconds,
                         ReencryptionDataSet.Check check, String reencryptor) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "camel-ksm re-encryption benchmark (%s, PostgreSQL %s; %d cores,"
                                              + " max heap %.0f MiB)%n", reencryptor, host(where),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / MIB));
        out.append(String.format(Locale.ROOT, "Seeding took %.1f s. One row = one encrypted credential field"
                                              + " (one per credential).%n", seedSeconds));
        out.append(String.format(Locale.ROOT, "%-30s | %8s | %6s | %8s | %9s | %9s | %13s | %15s%n", "phase",
                "data set", "batch", "rows", "time", "rows/s", "peak heap", "peak after GC"));
        for (ReencryptionBenchmark.Result r : results) {
            out.append(line(r)).append(ratio(r, results)).append(System.lineSeparator());
        }
        out.append(String.format(Locale.ROOT, "Goal: >= %.0f rows/s. After the runs: %d rows, %d wrong values, %d"
                                              + " on another scheme.%n", GOAL_ROWS_PER_SECOND, check.rows(),
                check.wrongValues(), check.onOtherScheme()));
        return out.toString();
    }

    /** For re-encryption: its share of the batched floor with the same batch size and data set, and the goal. */
    private static String ratio(ReencryptionBenchmark.Result r, List<ReencryptionBenchmark.Result> results) {
        if (!r.phase().equals("re-encryption")) {
            return "";
        }
        return results.stream()
                .filter(f -> f.phase().startsWith("floor: batched") && f.batchSize() == r.batchSize()
                             && f.dataSet() == r.dataSet())
                .reduce((a, b) -> b)
                .map(f -> String.format(Locale.ROOT, " | %.2f x floor's time | goal %s", f.rate() / r.rate(),
                        r.rate() >= GOAL_ROWS_PER_SECOND ? "met" : "NOT met"))
                .orElse("");
    }

    /** The server part of the URL only: never its user or parameters. */
    private static String host(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }
}
