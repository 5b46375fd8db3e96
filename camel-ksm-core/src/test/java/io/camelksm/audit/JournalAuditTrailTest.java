package io.camelksm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/** The journal with the real embedded database: order, replay without duplicates, fail closed, health. */
class JournalAuditTrailTest {

    private static final int SMALL_SEGMENT = JournalSettings.MIN_SEGMENT_SIZE;

    @TempDir
    Path dir;

    private static AuditEvent event(int i) {
        return new AuditEvent(Instant.parse("2026-12-06T10:00:00Z").plusMillis(i), "Api", "authorize", "route-1",
                "exchange-" + i, i % 2 == 0 ? "alice" : null, i % 3 == 0 ? Set.of("ops", "a,b") : Set.of(),
                "route-1", "node-1", i % 7 == 0 ? AuditOutcome.DENIED : AuditOutcome.GRANTED, "reason " + i);
    }

    private JournalSettings small() {
        return new JournalSettings(dir.resolve("journal"), false, 4L * SMALL_SEGMENT, SMALL_SEGMENT);
    }

    private static List<String> exchanges(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::exchangeId).toList();
    }

    @Test
    void everyEventReachesTheDatabaseInOrderAcrossJournalFilesWhichAreThenDeleted() throws Exception {
        try (KsmDatabase database = KsmDatabase.open(DatabaseSettings.embedded(dir));
             JournalAuditTrail trail = JournalAuditTrail.open(small(), database.auditTrail(), null)) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 3000; i++) { // about 150 bytes each: several 64 KiB files
                trail.record(event(i));
                expected.add("exchange-" + i);
            }

            List<AuditEvent> tail = trail.tail(5000);

            assertThat(exchanges(tail)).containsExactlyElementsOf(expected);
            assertThat(tail.get(3)).isEqualTo(event(3)); // every field survives the journal, roles included
            assertThat(trail.health().state()).isEqualTo(AuditHealth.State.UP);
            assertThat(trail.journal().files()).as("drained files are deleted").isEqualTo(1);
        }
    }

    @Test
    void aJournalLeftBehindIsWrittenOnTheNextOpenAndNothingTwice() throws Exception {
        JournalSettings settings = small();
        String journalId;
        // a run that died before its writer copied anything: the journal alone holds its events
        try (AuditJournal journal = AuditJournal.open(settings, (id, from) -> 0L)) {
            journalId = journal.id();
            for (int i = 0; i < 1000; i++) {
                journal.append(event(i));
            }
        }
        try (KsmDatabase database = KsmDatabase.open(DatabaseSettings.embedded(dir))) {
            // ... and whose writer had copied the first 400 before it died
            List<AuditEvent> first = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                first.add(event(i));
            }
            database.auditTrail().recordAll(journalId, 1, first);

            try (JournalAuditTrail trail = JournalAuditTrail.open(settings, database.auditTrail(), null)) {
                trail.record(event(1000));
                List<AuditEvent> tail = trail.tail(5000);

                assertThat(exchanges(tail)).hasSize(1001).doesNotHaveDuplicates();
                assertThat(tail.get(0).exchangeId()).isEqualTo("exchange-0");
                assertThat(tail.get(1000).exchangeId()).isEqualTo("exchange-1000");
                assertThat(database.auditTrail().lastSequence(journalId, 0)).isEqualTo(1001);
            }
            // writing the same journal batch again inserts nothing
            database.auditTrail().recordAll(journalId, 1, first);
            assertThat(database.auditTrail().tail(5000)).hasSize(1001);
        }
    }

    @Test
    void aTornLastRecordIsIgnoredAndNeverOverwritten() throws Exception {
        JournalSettings settings = small();
        try (AuditJournal journal = AuditJournal.open(settings, (id, from) -> 0L)) {
            for (int i = 0; i < 10; i++) {
                journal.append(event(i));
            }
        }
        Path file;
        try (Stream<Path> files = Files.list(settings.directory())) {
            file = files.filter(p -> p.toString().endsWith(".journal")).findFirst().orElseThrow();
        }
        // the JVM died while copying the 10th record: its last bytes never landed
        byte[] bytes = Files.readAllBytes(file);
        int end = AuditJournal.FILE_HEADER;
        for (int i = 0; i < 10; i++) {
            int length = java.nio.ByteBuffer.wrap(bytes).getInt(end);
            if (i == 9) {
                bytes[end + AuditJournal.RECORD_HEADER + length - 1] ^= 0x5A;
            }
            end += AuditJournal.RECORD_HEADER + length;
        }
        Files.write(file, bytes);

        try (KsmDatabase database = KsmDatabase.open(DatabaseSettings.embedded(dir));
             JournalAuditTrail trail = JournalAuditTrail.open(settings, database.auditTrail(), null)) {
            trail.record(event(100));

            assertThat(exchanges(trail.tail(100))).containsExactly("exchange-0", "exchange-1", "exchange-2",
                    "exchange-3", "exchange-4", "exchange-5", "exchange-6", "exchange-7", "exchange-8",
                    "exchange-100");
        }
    }

    @Test
    void whenTheDatabaseFailsTheJournalKeepsRecordingUntilFullThenRefusesAndRecovers() throws Exception {
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        try (KsmDatabase database = KsmDatabase.open(DatabaseSettings.embedded(dir))) {
            SequencedAuditTrail flaky = new FlakyTrail(database.auditTrail(), () -> {
                if (databaseDown.get()) {
                    throw new IllegalStateException("database down (test)");
                }
            });
            JournalSettings settings = new JournalSettings(dir.resolve("journal"), false, 2L * SMALL_SEGMENT,
                    SMALL_SEGMENT);
            try (JournalAuditTrail trail = JournalAuditTrail.open(settings, flaky, null)) {
                trail.journal().fullTimeoutMillis = 200;
                int recorded = 0;
                KsmAuditException refused = null;
                while (refused == null && recorded < 100_000) {
                    try {
                        trail.record(event(recorded));
                        recorded++;
                    } catch (KsmAuditException e) {
                        refused = e;
                    }
                }

                assertThat(refused).as("a full journal refuses").isNotNull();
                assertThat(refused.getMessage()).contains("audit journal", "is full", "refused");
                assertThat(recorded).as("the journal held events while the database was down")
                        .isGreaterThan(500);
                assertThat(trail.health().state()).isEqualTo(AuditHealth.State.DOWN);

                databaseDown.set(false);
                assertThat(trail.flush(Duration.ofSeconds(30))).isTrue();
                trail.record(event(recorded));

                assertThat(trail.tail(200_000)).hasSize(recorded + 1);
                assertThat(trail.health().state()).isEqualTo(AuditHealth.State.UP);
            }
        }
    }

    /**
     * pgjdbc, run with assertions on (as surefire does), throws an AssertionError when a connection is closed in the
     * middle of a batch (seen in the cluster tests' PostgreSQL restart): the writer must retry as for any failed write,
     * not die and leave the journal undrained.
     */
    @Test
    void aDriverAssertionErrorIsRetriedLikeAFailedWrite() throws Exception {
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger(2);
        try (KsmDatabase database = KsmDatabase.open(DatabaseSettings.embedded(dir))) {
            SequencedAuditTrail failingTwice = new FlakyTrail(database.auditTrail(), () -> {
                if (failures.getAndDecrement() > 0) {
                    throw new AssertionError("Misuse of castNonNull: called with a null argument (test)");
                }
            });
            try (JournalAuditTrail trail = JournalAuditTrail.open(small(), failingTwice, null)) {
                for (int i = 0; i < 10; i++) {
                    trail.record(event(i));
                }
                assertThat(trail.flush(Duration.ofSeconds(30))).as("drained after the driver's errors").isTrue();
                assertThat(exchanges(database.auditTrail().tail(100))).hasSize(10);
                assertThat(failures.get()).as("both failures were met, then retried").isNegative();
                trail.record(event(10));
                assertThat(trail.flush(Duration.ofSeconds(30))).as("the writer still runs").isTrue();
                assertThat(database.auditTrail().tail(100)).hasSize(11);
            }
        }
    }

    @Test
    void withSyncEveryEventIsForcedToTheDeviceAndStillReachesTheDatabase() throws Exception {
        JournalSettings sync = new JournalSettings(dir.resolve("journal"), true, 4L * SMALL_SEGMENT, SMALL_SEGMENT);
        try (KsmDatabase database = KsmDatabase.open(DatabaseSettings.embedded(dir));
             JournalAuditTrail trail = JournalAuditTrail.open(sync, database.auditTrail(), null)) {
            for (int i = 0; i < 20; i++) {
                trail.record(event(i));
            }

            assertThat(trail.tail(100)).hasSize(20);
            assertThat(trail.health().state()).isEqualTo(AuditHealth.State.UP);
        }
    }

    @Test
    void theLargestEventFitsInTheSmallestFileClippedAsTheDatabaseClipsIt() throws Exception {
        Set<String> manyRoles = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            manyRoles.add("role-" + i);
        }
        String longText = "é".repeat(20_000);
        AuditEvent huge = new AuditEvent(Instant.now(), longText, longText, longText, longText, longText, manyRoles,
                longText, longText, AuditOutcome.FAILED, longText);
        try (KsmDatabase database = KsmDatabase.open(DatabaseSettings.embedded(dir));
             JournalAuditTrail trail = JournalAuditTrail.open(small(), database.auditTrail(), null)) {
            trail.record(huge);
            trail.record(huge);

            List<AuditEvent> tail = trail.tail(10);
            assertThat(tail).hasSize(2);
            assertThat(tail.get(1).reason()).hasSize(8000);
            assertThat(tail.get(1).roles()).isNotEmpty().isSubsetOf(manyRoles);
        }
    }

    @Test
    void aClosedJournalRefusesToRecord() throws Exception {
        try (KsmDatabase database = KsmDatabase.open(DatabaseSettings.embedded(dir))) {
            JournalAuditTrail trail = JournalAuditTrail.open(small(), database.auditTrail(), null);
            trail.close();

            assertThatThrownBy(() -> trail.record(event(1))).isInstanceOf(KsmAuditException.class)
                    .hasMessageContaining("closed").hasMessageContaining("'Api'");
        }
    }

    @Test
    void oneProcessAtATime() throws Exception {
        try (AuditJournal journal = AuditJournal.open(small(), (id, from) -> 0L)) {
            // a second opener in the same process is refused by the same lock another process would meet
            assertThatThrownBy(() -> AuditJournal.open(small(), (id, from) -> 0L)).isInstanceOf(KsmAuditException.class)
                    .hasMessageContaining("in use by another process");
        }
    }

    /**
     * The real trail, whose batch writes first run {@code beforeWrite}, which throws when the test wants the write to
     * fail (a unit-level stand-in for a database outage or a driver error).
     */
    private record FlakyTrail(SequencedAuditTrail real, Runnable beforeWrite) implements SequencedAuditTrail {
        @Override
        public void recordAll(String journalId, long firstSequence, List<AuditEvent> events) {
            beforeWrite.run();
            real.recordAll(journalId, firstSequence, events);
        }

        @Override
        public void checkpoint() {
            real.checkpoint();
        }

        @Override
        public long lastSequence(String journalId, long from) {
            return real.lastSequence(journalId, from);
        }

        @Override
        public void record(AuditEvent event) {
            real.record(event);
        }

        @Override
        public List<AuditEvent> tail(int count) {
            return real.tail(count);
        }
    }
}
