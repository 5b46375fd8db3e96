package io.camelksm.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditTrail;
import io.camelksm.audit.WriteProgress;

/**
 * The audit trail of {@code auditMode=journal}: {@link #record} appends the event to the {@link AuditJournal} before the
 * request goes on, so every decision survives a kill of the JVM; one background thread copies the journal into the
 * database in order, in batches, each event with its journal sequence ({@link SequencedAuditTrail}), and then deletes
 * the journal files the database holds in full. Opening it writes whatever a previous run left in the journal
 * (replay): the database skips events it already has, so nothing is inserted twice.
 * <p>
 * Fail closed: when the journal cannot record an event, {@code record} throws {@link KsmAuditException} and the request
 * is refused. When the database fails, the writer retries with a growing pause while the journal keeps recording (up
 * to its maximum size); {@link #health()} says which of these holds.
 */
public final class JournalAuditTrail implements AuditTrail, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalAuditTrail.class);

    static final int BATCH_SIZE = 1024;
    static final long IDLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(2);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final AuditJournal journal;
    private final SequencedAuditTrail database;
    /** Also told of each event once it is in the database (the audit log lines); may be null. */
    private final Consumer<AuditEvent> written;
    private final Thread writer;
    /** The highest sequence in the database. */
    private final WriteProgress recorded;
    private volatile String writerFailure;
    /** The time of the first event of the batch being written; null when the writer is idle. */
    private volatile Instant oldestUnwritten;
    private volatile boolean stop;

    private JournalAuditTrail(AuditJournal journal, SequencedAuditTrail database, Consumer<AuditEvent> written,
                              long recorded) {
        this.journal = journal;
        this.database = database;
        this.written = written;
        this.recorded = new WriteProgress(recorded);
        this.writer = new Thread(this::writeLoop, "camel-ksm-audit-journal-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Opens the journal and starts writing it into the database, beginning with what a previous run left.
     *
     * @param written told of each event once it is in the database (e.g. to log it), or null
     */
    public static JournalAuditTrail open(JournalSettings settings, SequencedAuditTrail database,
                                         Consumer<AuditEvent> written) {
        Objects.requireNonNull(database, "database");
        long[] last = new long[1];
        AuditJournal journal = AuditJournal.open(settings, (id, from) -> last[0] = database.lastSequence(id, from));
        return new JournalAuditTrail(journal, database, written, last[0]);
    }

    /** Appends the event to the journal; throws {@link KsmAuditException} (refusing the request) if it cannot. */
    @Override
    public void record(AuditEvent event) {
        journal.append(Objects.requireNonNull(event, "event"));
    }

    /** Waits until everything recorded before it is in the database, then reads the database. */
    @Override
    public List<AuditEvent> tail(int count) {
        flush(CLOSE_TIMEOUT);
        return database.tail(count);
    }

    /**
     * Waits until every event recorded before this call is in the database, at most the timeout.
     *
     * @return whether everything was written in time
     */
    public boolean flush(Duration timeout) {
        return recorded.await(journal.lastAppended(), timeout, writer);
    }

    /**
     * The time of the first event of the batch the writer is putting into the database (retried while the database
     * fails), or empty when it is idle: how far the database lags behind the journal.
     */
    public Optional<Instant> oldestUnwritten() {
        return Optional.ofNullable(oldestUnwritten);
    }

    /** Events in the journal that are not in the database yet. */
    public long pending() {
        return Math.max(0, journal.lastAppended() - recorded.done());
    }

    public AuditJournal journal() {
        return journal;
    }

    /** Whether decisions can be recorded, and whether the database keeps up. */
    public AuditHealth health() {
        long pending = pending();
        String journalFailure = journal.failure();
        if (journalFailure != null) {
            return new AuditHealth(AuditHealth.State.DOWN, journalFailure, pending);
        }
        if (!writer.isAlive() && !stop) {
            return new AuditHealth(AuditHealth.State.DEGRADED, "the audit database writer has stopped", pending);
        }
        String dbFailure = writerFailure;
        if (dbFailure != null) {
            return new AuditHealth(AuditHealth.State.DEGRADED, "recording in the journal " + journal.directory()
                                                               + "; writing the database fails: " + dbFailure,
                    pending);
        }
        return new AuditHealth(AuditHealth.State.UP, "recording in the journal " + journal.directory(), pending);
    }

    /**
     * Writes what the journal holds into the database (at most 30 s), stops the writer and closes the journal. Events
     * not written stay in the journal for the next start.
     */
    @Override
    public void close() {
        close(CLOSE_TIMEOUT);
    }

    /** {@link #close()}, waiting at most the given time for the database writer. */
    public void close(Duration flushTimeout) {
        if (stop) {
            return;
        }
        if (!flush(flushTimeout)) {
            LOG.warn("Closing the audit trail with {} events not yet in the database: they stay in the journal {} and"
                     + " are written when it is opened next", pending(), journal.directory());
        }
        stop = true;
        writer.interrupt();
        try {
            writer.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
    }

    private void writeLoop() {
        JournalCursor cursor = journal.cursor(recorded.done());
        List<AuditEvent> batch = new ArrayList<>(BATCH_SIZE);
        while (!stop) {
            try {
                long first = cursor.lastSequence() + 1;
                AuditEvent event;
                while (batch.size() < BATCH_SIZE && (event = cursor.next()) != null) {
                    batch.add(event);
                }
                if (batch.isEmpty()) {
                    pause(IDLE_PAUSE_NANOS);
                    continue;
                }
                oldestUnwritten = batch.get(0).time();
                writeWithRetries(first, batch);
                oldestUnwritten = null;
                long last = cursor.lastSequence();
                recorded.reached(last);
                if (journal.releasable(last)) {
                    database.checkpoint(); // the database must keep them even if this process dies now
                    journal.release(last);
                }
                if (written != null) {
                    batch.forEach(written);
                }
                batch.clear();
            } catch (InterruptedException e) {
                // woken to stop, or by flush
            } catch (RuntimeException e) {
                // a damaged journal record: nothing after it can be written in order
                writerFailure = e.toString();
                LOG.error("The audit journal writer stopped: {}", e.toString());
                return;
            }
        }
    }

    private void pause(long nanos) throws InterruptedException {
        LockSupport.parkNanos(this, nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException("woken");
        }
    }

    private void writeWithRetries(long firstSequence, List<AuditEvent> batch) throws InterruptedException {
        long pause = 50;
        for (int attempt = 1; ; attempt++) {
            try {
                database.recordAll(journal.id(), firstSequence, batch);
                if (attempt > 1) {
                    LOG.warn("Wrote {} journaled audit events to the database after {} attempts", batch.size(),
                            attempt);
                    writerFailure = null;
                }
                return;
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // AssertionError: pgjdbc asserts on a connection closed in the middle of a batch (a database restart,
                // with -ea as under surefire); the write failed like any other and the next attempt gets a new
                // connection, while a writer thread that died would leave the journal undrained
                writerFailure = e.getMessage() + " (attempt " + attempt + ", " + Instant.now() + ")";
                LOG.error("Writing {} journaled audit events to the database failed (attempt {}); retrying in {} ms."
                          + " They are safe in the journal {}: {}", batch.size(), attempt, pause,
                        journal.directory(), e.toString());
                if (stop) {
                    throw new InterruptedException("closing");
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, MAX_RETRY_PAUSE.toMillis());
            }
        }
    }
}
