package io.camelksm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        recordConcurrently(threads, perThread, AsyncAuditTrailTest::event);

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

    /** A trail of capacity 4 whose writer holds event 0 at the gate while events 1-4 fill the queue. */
    private CountDownLatch fullQueue() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        async = new AsyncAuditTrail(new Gated(durable, release), 4, 1);
        for (int i = 0; i < 5; i++) {
            async.record(event("route", i));
        }
        waitFor(() -> async.queued() == 4);
        return release;
    }

    @Test
    void aFullQueueMakesTheCallerWaitInsteadOfDroppingTheEvent() throws Exception {
        CountDownLatch release = fullQueue();

        pool = Executors.newSingleThreadExecutor();
        Future<?> blocked = pool.submit(() -> async.record(event("route", 5)));
        assertThatThrownBy(() -> blocked.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        release.countDown();
        blocked.get(10, TimeUnit.SECONDS);
        assertThat(reasons(async.tail(10))).containsExactly("access granted 0", "access granted 1",
                "access granted 2", "access granted 3", "access granted 4", "access granted 5");
    }

    @Test
    void aCallerInterruptedWhileWaitingForRoomStopsWaitingAndItsEventIsStillWritten() throws Exception {
        CountDownLatch release = fullQueue();

        pool = Executors.newSingleThreadExecutor();
        CountDownLatch waiting = new CountDownLatch(1);
        Future<Boolean> interrupted = pool.submit(() -> {
            waiting.countDown();
            async.record(event("route", 5)); // waits: the queue is full
            return Thread.currentThread().isInterrupted();
        });
        waiting.await(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> interrupted.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        pool.shutdownNow(); // interrupts the waiting caller

        assertThat(interrupted.get(10, TimeUnit.SECONDS)).as("the interrupt is kept for the caller").isTrue();
        release.countDown();
        // the event was queued before the wait: nothing lost, nothing written twice, order kept
        assertThat(reasons(async.tail(10))).containsExactly("access granted 0", "access granted 1",
                "access granted 2", "access granted 3", "access granted 4", "access granted 5");
    }

    @Test
    void anIdleWriterIsWokenByFlushInsteadOfWaitingOutItsPause() {
        async = AsyncAuditTrail.summarizing(durable);
        for (int round = 0; round < 20; round++) {
            async.record(event("route", round));
            long started = System.nanoTime();
            assertThat(async.flush(Duration.ofSeconds(10))).isTrue();
            // the writer's pauses are 1-2 ms; flush wakes it, so no flush waits for a batch to linger longer
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
        assertThat(durable.tail(100)).hasSize(20);
    }

    @Test
    void oldestUnwrittenIsTheFirstEventOfTheBatchTheWriterIsHeldOnAndEmptyOnceWritten() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        async = new AsyncAuditTrail(new Gated(durable, release), 100, 10);
        assertThat(async.oldestUnwritten()).isEmpty();
        async.record(event("route", 0));
        async.record(event("route", 1));

        waitFor(() -> async.oldestUnwritten().isPresent());
        assertThat(async.oldestUnwritten()).contains(event("route", 0).time());

        release.countDown();
        assertThat(async.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(async.oldestUnwritten()).isEmpty();
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

    // ------------------------------------------------------------------ auditMode=summary

    private static AuditEvent denied(String route, int n) {
        return new AuditEvent(Instant.parse("2026-11-25T10:00:00Z").plusMillis(n), "Graph", "authorize", route,
                "ex-" + n, null, Set.of("r"), route, "node", AuditOutcome.DENIED, "denied by [PROCESS]");
    }

    /** A granted read that is the same for every n but its time and exchange. */
    private static AuditEvent read(String route, int n) {
        return new AuditEvent(Instant.parse("2026-11-25T10:00:00Z").plusMillis(n), "Graph", "authorize", route,
                "ex-" + n, null, Set.of("r"), route, "node", AuditOutcome.GRANTED, "access granted");
    }

    private Connection sql() throws SQLException {
        return DriverManager.getConnection(DatabaseSettings.embedded(tempDir).jdbcUrl(), "sa", "");
    }

    private long longOf(String query) throws SQLException {
        try (Connection c = sql(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    @Test
    void aThreadRunClosedWhileItsThreadAddsCountsEveryJoinedDecisionAndEndsWithTheLastOne() throws Exception {
        ExecutorService closer = Executors.newSingleThreadExecutor();
        try {
            int decision = 0;
            for (int round = 0; round < 2_000; round++) {
                ThreadRun run = new ThreadRun(read("r1", decision++));
                int joined = 1;
                int lastJoined = decision - 1;
                Future<AuditEvent> closed = closer.submit(run::close);
                // this thread keeps joining until the writer's close wins; it never joins after that
                while (run.tryAdd(read("r1", decision))) {
                    lastJoined = decision++;
                    joined++;
                }
                decision++; // the decision that was refused goes to a new run (not modelled here)
                AuditEvent written = closed.get(10, TimeUnit.SECONDS);
                assertThat(written.occurrences()).isEqualTo(joined);
                assertThat(written.exchangeId()).isEqualTo("ex-" + (lastJoined - joined + 1));
                if (joined > 1) {
                    assertThat(written.lastExchangeId()).isEqualTo("ex-" + lastJoined);
                    assertThat(written.lastTime()).isEqualTo(read("r1", lastJoined).time());
                }
                assertThat(run.tryAdd(read("r1", decision))).isFalse(); // closed for good
            }
        } finally {
            closer.shutdownNow();
        }
    }

    @Test
    void aThreadRunTakesOnlyIdenticalGrantedReads() {
        ThreadRun run = new ThreadRun(read("r1", 0));
        assertThat(run.tryAdd(read("r2", 1))).isFalse(); // another route
        assertThat(run.tryAdd(denied("r1", 2))).isFalse();
        assertThat(run.tryAdd(read("r1", 3))).isTrue();
        AuditEvent written = run.close();
        assertThat(written.occurrences()).isEqualTo(2);
        assertThat(written.lastExchangeId()).isEqualTo("ex-3");
    }

    @Test
    void summaryMergesWhatQueuedUpTogetherAndKeepsDeniedDecisionsApart() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        async = AsyncAuditTrail.summarizing(new Gated(durable, release), 1000, 256);
        assertThat(async.isSummarizing()).isTrue();
        async.record(read("route", 0));
        waitFor(() -> async.queued() == 0); // the writer holds event 0 alone, at the gate
        for (int i = 1; i < 100; i++) {
            async.record(i == 50 ? denied("route", i) : read("route", i));
        }
        // the thread's reads joined its run while it waited: one run and the denial are queued, not 99 events
        assertThat(async.queued()).isEqualTo(2);
        release.countDown();

        List<AuditEvent> written = async.tail(100);

        assertThat(written).extracting(AuditEvent::exchangeId, AuditEvent::occurrences, AuditEvent::lastExchangeId,
                AuditEvent::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ex-0", 1, null, AuditOutcome.GRANTED),
                org.assertj.core.groups.Tuple.tuple("ex-1", 98, "ex-99", AuditOutcome.GRANTED),
                org.assertj.core.groups.Tuple.tuple("ex-50", 1, null, AuditOutcome.DENIED));
        assertThat(written.get(1).time()).isEqualTo(Instant.parse("2026-11-25T10:00:00.001Z"));
        assertThat(written.get(1).lastTime()).isEqualTo(Instant.parse("2026-11-25T10:00:00.099Z"));
        assertThat(longOf("SELECT SUM(occurrences) FROM audit_event")).isEqualTo(100);
    }

    @Test
    void summaryUnderLightLoadGivesEveryDecisionItsOwnEntry() {
        async = AsyncAuditTrail.summarizing(durable, 64, 16);
        for (int i = 0; i < 20; i++) {
            async.record(read("route", i));
            assertThat(async.flush(Duration.ofSeconds(10))).isTrue(); // the writer is idle before the next one
        }

        assertThat(async.tail(100)).hasSize(20).allSatisfy(e -> assertThat(e.occurrences()).isEqualTo(1))
                .extracting(AuditEvent::exchangeId).startsWith("ex-0", "ex-1").endsWith("ex-19");
    }

    @Test
    void summaryLosesNoDecisionUnderConcurrencyAndKeepsEachThreadsOrder() throws Exception {
        async = AsyncAuditTrail.summarizing(durable);
        int threads = 8;
        int perThread = 50_000;
        int deniedEvery = 1000;
        recordConcurrently(threads, perThread, (route, i) -> i % deniedEvery == 0 ? denied(route, i) : read(route, i));
        assertThat(async.flush(Duration.ofSeconds(60))).isTrue();

        long decisions = (long) threads * perThread;
        long denials = (long) threads * (perThread / deniedEvery);
        assertThat(longOf("SELECT SUM(occurrences) FROM audit_event")).isEqualTo(decisions);
        assertThat(longOf("SELECT COUNT(*) FROM audit_event WHERE outcome = 'DENIED'")).isEqualTo(denials);
        assertThat(longOf("SELECT COUNT(*) FROM audit_event WHERE outcome = 'DENIED' AND occurrences <> 1")).isZero();
        long rows = longOf("SELECT COUNT(*) FROM audit_event");
        assertThat(rows).as("entries written for %d decisions", decisions).isLessThan(decisions);

        // per thread, the entries cover its exchanges in order, none twice
        try (Connection c = sql(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT route_id, exchange_id, last_exchange_id, occurrences, outcome FROM audit_event ORDER BY id")) {
            int[] nextGranted = new int[threads];
            int[] nextDenied = new int[threads];
            long[] granted = new long[threads];
            while (rs.next()) {
                int t = Integer.parseInt(rs.getString("route_id").substring("route-".length()));
                int first = Integer.parseInt(rs.getString("exchange_id").substring(3));
                String lastExchange = rs.getString("last_exchange_id");
                int last = lastExchange == null ? first : Integer.parseInt(lastExchange.substring(3));
                if (rs.getString("outcome").equals("DENIED")) {
                    assertThat(first).isGreaterThanOrEqualTo(nextDenied[t]).isEqualTo(last);
                    nextDenied[t] = first + 1;
                } else {
                    assertThat(first).isGreaterThanOrEqualTo(nextGranted[t]);
                    assertThat(last - first + 1).isGreaterThanOrEqualTo(rs.getInt("occurrences"));
                    nextGranted[t] = last + 1;
                    granted[t] += rs.getInt("occurrences");
                }
            }
            for (int t = 0; t < threads; t++) {
                assertThat(granted[t]).isEqualTo(perThread - perThread / deniedEvery);
            }
        }
    }

    @Test
    void theAuditLoggerShowsHowManyAMergedEntryStandsFor() {
        CountDownLatch release = new CountDownLatch(1);
        try (LogCapture log = new LogCapture()) {
            async = AsyncAuditTrail.summarizing(new Gated(new Slf4jAuditTrail(durable), release), 100, 50);
            async.record(read("route", 0));
            waitFor(() -> async.queued() == 0);
            for (int i = 1; i <= 3; i++) {
                async.record(read("route", i));
            }
            release.countDown();
            assertThat(async.tail(10)).hasSize(2);

            List<String> lines = log.messages(Slf4jAuditTrail.LOGGER_NAME);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).contains("exchange=ex-0").doesNotContain("occurrences=");
            assertThat(lines.get(1)).contains("exchange=ex-1").endsWith(" occurrences=3"
                    + " first=2026-11-25T10:00:00.001Z last=2026-11-25T10:00:00.003Z lastExchange=ex-3");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void closeInSummaryModeWritesEverythingStillQueued() {
        CountDownLatch release = new CountDownLatch(1);
        async = AsyncAuditTrail.summarizing(new Gated(durable, release), 1000, 10);
        for (int i = 0; i < 300; i++) {
            async.record(read("route", i));
        }

        release.countDown();
        async.close();

        assertThat(durable.tail(1000).stream().mapToInt(AuditEvent::occurrences).sum()).isEqualTo(300);
    }

    @Test
    void badSizesAreRefused() {
        assertThatThrownBy(() -> new AsyncAuditTrail(durable, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }

    /** Threads route-0, route-1, ... each record their events 0..perThread-1, all starting together. */
    private void recordConcurrently(int threads, int perThread,
                                    java.util.function.BiFunction<String, Integer, AuditEvent> events)
            throws Exception {
        pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String route = "route-" + t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    async.record(events.apply(route, i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
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
