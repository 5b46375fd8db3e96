package io.camelksm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;
import io.camelksm.testsupport.LogCapture;

/** The asynchronous audit writer on the real audit table (embedded H2). */
class AsyncAuditTrailTest {

    @TempDir
    Path tempDir;

    private KsmDatabase database;
    private AuditTrail durable;
    private AsyncAuditTrail async;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        database = KsmDatabase.open(DatabaseSettings.embedded(tempDir));
        durable = database.auditTrail();
    }

    @AfterEach
    void close() throws InterruptedException {
        if (async != null) {
            async.close();
        }
        if (pool != null) {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        database.close();
    }

    private static AuditEvent event(String route, int n) {
        return new AuditEvent(Instant.parse("2026-11-25T10:00:00Z").plusMillis(n), "Graph", "authorize", route,
                "ex-" + n, null, Set.of("r"), route, "node", AuditOutcome.GRANTED, "access granted " + n);
    }

    private static List<String> reasons(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::reason).toList();
    }

    @Test
    void eventsAreWrittenInTheOrderRecordedAndTailSeesThemAtOnce() {
        async = new AsyncAuditTrail(durable, 64, 16);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            async.record(event("route", i));
            expected.add("access granted " + i);
        }

        // no waiting: tail flushes first
        assertThat(reasons(async.tail(1000))).containsExactlyElementsOf(expected);
        assertThat(reasons(durable.tail(1000))).containsExactlyElementsOf(expected);
    }

    @Test
    void eightThreadsLoseNoEventAndEachThreadKeepsItsOrder() throws Exception {
        async = new AsyncAuditTrail(durable, 128, 32);
        int threads = 8;
        int perThread = 500;
        pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String route = "route-" + t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    async.record(event(route, i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }

        List<AuditEvent> all = async.tail(threads * perThread + 10);
        assertThat(all).hasSize(threads * perThread);
        for (int t = 0; t < threads; t++) {
            String route = "route-" + t;
            List<String> ofThread = all.stream().filter(e -> e.routeId().equals(route)).map(AuditEvent::exchangeId)
                    .toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                expected.add("ex-" + i);
            }
            assertThat(ofThread).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void closeWritesEverythingStillQueued() {
        CountDownLatch release = new CountDownLatch(1);
        // holds the writer on its first batch, so the rest piles up in the queue
        async = new AsyncAuditTrail(new Gated(durable, release), 1000, 10);
        for (int i = 0; i < 300; i++) {
            async.record(event("route", i));
        }
        assertThat(async.queued()).isGreaterThan(200);

        release.countDown();
        async.close();

        assertThat(durable.tail(1000)).hasSize(300);
        // after close, recording still works: synchronously
        async.record(event("late", 1));
        assertThat(durable.tail(1000)).hasSize(301);
    }

    @Test
    void aFullQueueMakesTheCallerWaitInsteadOfDroppingTheEvent() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        async = new AsyncAuditTrail(new Gated(durable, release), 4, 1);
        // one event held by the writer, four in the queue: full
        for (int i = 0; i < 5; i++) {
            async.record(event("route", i));
        }
        waitFor(() -> async.queued() == 4);

        pool = Executors.newSingleThreadExecutor();
        Future<?> blocked = pool.submit(() -> async.record(event("route", 5)));
        assertThatThrownBy(() -> blocked.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        release.countDown();
        blocked.get(10, TimeUnit.SECONDS);
        assertThat(reasons(async.tail(10))).containsExactly("access granted 0", "access granted 1",
                "access granted 2", "access granted 3", "access granted 4", "access granted 5");
    }

    @Test
    void aFailingDurableTrailIsLoggedAndRetriedWithoutLossOrDuplicates() {
        Failing failing = new Failing(durable, 3);
        try (LogCapture log = new LogCapture()) {
            async = new AsyncAuditTrail(failing, 100, 50);
            for (int i = 0; i < 20; i++) {
                async.record(event("route", i));
            }
            assertThat(async.flush(Duration.ofSeconds(20))).isTrue();

            assertThat(failing.failures.get()).isEqualTo(3);
            assertThat(durable.tail(100)).hasSize(20);
            assertThat(log.messages(AsyncAuditTrail.class.getName()))
                    .anySatisfy(m -> assertThat(m).contains("Writing").contains("failed (attempt 1)")
                            .contains("database is down"));
        }
    }

    @Test
    void eventsThatCannotBeWrittenByCloseAreLoggedAsNotPersisted() {
        Failing failing = new Failing(durable, Integer.MAX_VALUE);
        try (LogCapture log = new LogCapture()) {
            async = new AsyncAuditTrail(failing, 100, 50, Duration.ofMillis(300));
            for (int i = 0; i < 3; i++) {
                async.record(event("route", i));
            }
            async.close();

            List<String> notPersisted = log.messages(Slf4jAuditTrail.LOGGER_NAME).stream()
                    .filter(m -> m.startsWith("NOT PERSISTED")).toList();
            assertThat(notPersisted).hasSize(3);
            assertThat(notPersisted.get(0)).contains("credential='Graph'").contains("exchange=ex-0");
        }
    }

    @Test
    void theAuditLoggerGetsEveryEventFromTheWriterThread() {
        try (LogCapture log = new LogCapture()) {
            async = new AsyncAuditTrail(new Slf4jAuditTrail(durable));
            for (int i = 0; i < 200; i++) {
                async.record(event("route", i));
            }
            assertThat(async.tail(500)).hasSize(200);

            assertThat(log.messages(Slf4jAuditTrail.LOGGER_NAME)).hasSize(200);
            assertThat(log.events().stream().filter(e -> e.getLoggerName().equals(Slf4jAuditTrail.LOGGER_NAME))
                    .map(e -> e.getThreadName()).collect(Collectors.toSet())).containsExactly("camel-ksm-audit-writer");
        }
    }

    @Test
    void badSizesAreRefused() {
        assertThatThrownBy(() -> new AsyncAuditTrail(durable, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }

    /** The real trail, behind a gate the first write waits at. */
    private record Gated(AuditTrail delegate, CountDownLatch gate) implements AuditTrail {
        @Override
        public void record(AuditEvent event) {
            recordAll(List.of(event));
        }

        @Override
        public void recordAll(List<AuditEvent> events) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delegate.recordAll(events);
        }

        @Override
        public List<AuditEvent> tail(int count) {
            return delegate.tail(count);
        }
    }

    /** The real trail, failing its first writes as a database outage would. */
    private static final class Failing implements AuditTrail {
        private final AuditTrail delegate;
        private final int failFirst;
        final AtomicInteger failures = new AtomicInteger();

        Failing(AuditTrail delegate, int failFirst) {
            this.delegate = delegate;
            this.failFirst = failFirst;
        }

        @Override
        public void record(AuditEvent event) {
            recordAll(List.of(event));
        }

        @Override
        public void recordAll(List<AuditEvent> events) {
            if (failures.get() < failFirst) {
                failures.incrementAndGet();
                throw new IllegalStateException("database is down");
            }
            delegate.recordAll(events);
        }

        @Override
        public List<AuditEvent> tail(int count) {
            return delegate.tail(count);
        }
    }
}
