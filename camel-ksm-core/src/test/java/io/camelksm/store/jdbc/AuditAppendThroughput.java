package io.camelksm.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;

/**
 * A measurement, not a test: audit rows per second with several writer threads, single events and batches (as the
 * async writer sends them), on H2 and (with KSM_TEST_POSTGRES_URL) PostgreSQL. Uses only the public API, so the same
 * file runs against the code before the MAC chain. Its name keeps it out of the test suite; run it by name:
 * {@code mvn -o -pl camel-ksm-component test -Dtest=AuditAppendThroughput}. It prints and asserts nothing.
 */
class AuditAppendThroughput {

    private static final int THREADS = 8;

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        List<String> urls = new ArrayList<>(List.of("jdbc:h2:file:" + dir.resolve("db/ksm")));
        String pg = System.getenv("KSM_TEST_POSTGRES_URL");
        if (pg != null && !pg.isBlank()) {
            String schema = "ksm_measure_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            urls.add(pg + "&currentSchema=" + schema);
        }
        for (String url : urls) {
            try (KsmDatabase db = KsmDatabase.open(new DatabaseSettings(url, null, null, dir.resolve("ksm.key")))) {
                String vendor = url.startsWith("jdbc:h2") ? "H2" : "PostgreSQL";
                run(db, THREADS, 1, 200); // warm-up
                for (int round = 0; round < 3; round++) {
                    System.out.printf("MEASURE %s rows/s: 8 threads x single events %.0f; 1 thread x batches of 100"
                                      + " (the async writer) %.0f; 8 threads x batches of 100 %.0f%n", vendor,
                            run(db, THREADS, 1, 300), run(db, 1, 100, 100), run(db, THREADS, 100, 30));
                }
            }
        }
    }

    /** Rows per second with {@code threads} threads each writing {@code perThread} appends of {@code batch} events. */
    private static double run(KsmDatabase db, int threads, int batch, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        if (batch == 1) {
                            db.auditTrail().record(event(i));
                        } else {
                            List<AuditEvent> events = new ArrayList<>(batch);
                            for (int j = 0; j < batch; j++) {
                                events.add(event(j));
                            }
                            db.auditTrail().recordAll(events);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return threads * perThread * batch / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static AuditEvent event(int n) {
        return new AuditEvent(null, "Api", "authorize", "route-1", "exchange-" + n, "alice", Set.of("ops"), "invoices",
                "node-a", AuditOutcome.GRANTED, "access granted");
    }
}
