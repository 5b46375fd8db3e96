package io.camelksm.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongBiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file journal of audit events: each event gets the next sequence number and is copied into a
 * memory-mapped journal file before {@link #append} returns, so it is in the operating system's page cache and survives
 * a crash or a kill of the JVM (with {@link JournalSettings#sync()} it is also forced to the device).
 * <p>
 * Appending encodes the event into a buffer of the calling thread, then, under a short lock, numbers it, checksums it
 * and copies it into the file: no system call, no allocation once the thread's buffer exists. The journal is a series
 * of files ({@code audit-<first sequence>.journal}, {@link JournalSettings#segmentSize()} each, owner-only); a file is
 * deleted once the database holds all its events ({@link #release}). At most {@link JournalSettings#maxSize()} bytes
 * of files exist: beyond that appending waits for the database writer, and is refused after
 * {@link JournalSettings#FULL_TIMEOUT_MILLIS}.
 * <p>
 * File layout: a 32-byte header (magic, version, first sequence, journal id), then records of
 * {@code [int length][int CRC-32C of sequence and payload][long sequence][payload]}. Opening a journal recovers the
 * valid records of the files left behind (up to the first torn or zero record of each) and starts a new file, so a
 * record written when the JVM died is never overwritten. One process at a time: the directory is locked.
 */
public final class AuditJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditJournal.class);

    static final int MAGIC = 0x4B534D4A; // "KSMJ"
    static final int VERSION = 1;
    static final int FILE_HEADER = 32;
    static final int RECORD_HEADER = 16;
    private static final String FULL = "the audit journal is full: the database writer is behind (is the database"
                                       + " reachable?)";

    private final JournalSettings settings;
    private final Path directory;
    private final UUID id;
    private final String idText;
    private final JournalDirectory directoryLock;
    /** Oldest first; the last one is {@link #active}. Guarded by {@code this}. */
    private final ArrayDeque<JournalSegment> segments = new ArrayDeque<>();
    private final JournalRecords records = new JournalRecords();
    private JournalSegment active;
    private int position;
    private final JournalPrefaulter prefaulter;
    private long nextSequence;
    private volatile boolean closed;
    /** How long an append waits for room in a full journal; tests shorten it. */
    long fullTimeoutMillis = JournalSettings.FULL_TIMEOUT_MILLIS;
    /** The sequence of the last event appended; read by the database writer without the lock. */
    private volatile long appended;
    /** Why the last append failed, or null while appending works. */
    private volatile String failure;

    private AuditJournal(JournalSettings settings, JournalDirectory directoryLock) {
        this.settings = settings;
        this.directory = settings.directory();
        this.directoryLock = directoryLock;
        this.id = directoryLock.id();
        this.idText = id.toString();
        this.prefaulter = new JournalPrefaulter(this);
    }

    /**
     * Opens (creating if needed) the journal in the directory and recovers the events left in it. {@code lastRecorded}
     * gives, for the journal id and a hint where to look (the sequence before the oldest file's first), the highest
     * sequence of this journal the database already holds: files holding nothing newer are deleted, and numbering goes
     * on after the higher of that and the journal's own last event.
     */
    public static AuditJournal open(JournalSettings settings, ToLongBiFunction<String, Long> lastRecorded) {
        Path dir = settings.directory().toAbsolutePath();
        JournalDirectory directoryLock;
        try {
            directoryLock = JournalDirectory.lock(dir);
        } catch (IOException e) {
            throw new KsmAuditException("Cannot open the audit journal " + dir + ": " + e, e);
        }
        AuditJournal journal = new AuditJournal(settings, directoryLock);
        try {
            journal.recover(lastRecorded);
        } catch (IOException e) {
            journal.close();
            throw new KsmAuditException("Cannot open the audit journal " + dir + ": " + e, e);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        journal.prefaulter.start();
        return journal;
    }

    /** The journal's id: with an event's sequence, the event's unique key in the database. */
    public String id() {
        return idText;
    }

    public Path directory() {
        return directory;
    }

    /** The sequence of the last event appended (0 before the first one). */
    public long lastAppended() {
        return appended;
    }

    /** Why appending failed last, or null while it works. */
    public String failure() {
        return failure;
    }

    /**
     * Appends the event and returns its sequence number; when this returns, the event is in the journal file.
     *
     * @throws KsmAuditException when the event cannot be written (the request must then be refused)
     */
    public long append(AuditEvent event) {
        ByteBuffer record = records.encode(event);
        int size = record.limit();
        synchronized (this) {
            if (closed) {
                throw new KsmAuditException("The audit journal " + directory + " is closed: the decision on credential '"
                                            + event.credential() + "' cannot be recorded");
            }
            try {
                if (position + size > settings.segmentSize()) {
                    roll(true);
                }
                long sequence = nextSequence;
                records.number(record, sequence);
                active.buffer.put(position, record, 0, size);
                if (settings.sync()) {
                    active.buffer.force(position, size);
                }
                position += size;
                nextSequence = sequence + 1;
                appended = sequence;
                if (failure != null) {
                    failure = null;
                    LOG.info("The audit journal {} records again", directory);
                }
                return sequence;
            } catch (KsmAuditException e) {
                failure = e.getMessage();
                throw e;
            } catch (IOException | UncheckedIOException | InternalError e) {
                // InternalError: the JVM's report of a fault in a mapped file (e.g. the disk is full)
                failure = "writing the audit journal " + directory + " failed: " + e;
                LOG.error("The audit journal {} cannot record: {}", directory, e.toString());
                throw new KsmAuditException("The audit journal " + directory + " cannot record the decision on"
                                            + " credential '" + event.credential() + "', so it is refused: " + e, e);
            }
        }
    }

    /**
     * Starts the next file; unless recovering, waits while the journal holds its maximum of files. Called with the lock
     * held.
     */
    private void roll(boolean waitForRoom) throws IOException {
        long deadline = System.currentTimeMillis() + fullTimeoutMillis;
        while (waitForRoom && segments.size() >= settings.maxSegments()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || closed) {
                throw new KsmAuditException("The audit journal " + directory + " is full: " + settings.maxSize()
                                            + " bytes of audit events wait for the database (is it reachable? see the"
                                            + " log of the audit writer), so the decision cannot be recorded and is"
                                            + " refused");
            }
            if (failure == null) {
                failure = FULL;
                LOG.warn("The audit journal {} is full ({} bytes wait for the database): requests wait", directory,
                        settings.maxSize());
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KsmAuditException("Interrupted while waiting for room in the audit journal " + directory);
            }
        }
        JournalSegment next = JournalSegment.create(directory, id, nextSequence, settings.segmentSize());
        JournalSegment previous = active;
        segments.addLast(next);
        active = next;
        position = FILE_HEADER;
        if (previous != null) {
            previous.seal(nextSequence - 1); // after the next one is listed: a reader that sees the seal finds it
        }
    }

    /** Whether {@link #release} would delete a file. */
    public synchronized boolean releasable(long recordedSequence) {
        JournalSegment oldest = segments.peekFirst();
        return oldest != null && oldest != active && oldest.sealed && oldest.lastSequence <= recordedSequence;
    }

    /** Deletes the files whose events are all in the database (up to and including {@code recordedSequence}). */
    public synchronized void release(long recordedSequence) {
        boolean freed = false;
        while (!segments.isEmpty()) {
            JournalSegment oldest = segments.peekFirst();
            if (oldest == active || !oldest.sealed || oldest.lastSequence > recordedSequence) {
                break;
            }
            segments.removeFirst();
            oldest.delete();
            freed = true;
        }
        if (freed) {
            if (FULL.equals(failure)) {
                failure = null; // room again, even before the next request says so
            }
            notifyAll();
        }
    }

    /** How many journal files exist (the one being written included). */
    public synchronized int files() {
        return segments.size();
    }

    /** A reader of the events after {@code afterSequence}, in order, for the database writer. */
    public synchronized JournalCursor cursor(long afterSequence) {
        return new JournalCursor(this, segments.peekFirst(), afterSequence);
    }

    /** The file after the given one, the oldest if it was released meanwhile, or null if it is the newest. */
    synchronized JournalSegment after(JournalSegment segment) {
        boolean found = false;
        for (JournalSegment s : segments) {
            if (found) {
                return s;
            }
            found = s == segment;
        }
        return found ? null : segments.peekFirst(); // the segment was released meanwhile: start at the oldest
    }

    /** Maps the files left behind, keeps their valid records and starts a new file after them. */
    private void recover(ToLongBiFunction<String, Long> lastRecorded) throws IOException {
        List<JournalSegment> found = JournalSegment.recoverAll(directory, id);
        long recorded = lastRecorded.applyAsLong(idText, found.isEmpty() ? 0 : found.get(0).firstSequence - 1);
        long last = recorded;
        long recovered = 0;
        synchronized (this) {
            for (JournalSegment s : found) {
                if (s.lastSequence < s.firstSequence) {
                    s.delete(); // holds no event: its name may be the one the next file needs
                    continue;
                }
                if (s.lastSequence <= recorded) {
                    s.delete(); // the database holds all of it
                    continue;
                }
                recovered += s.lastSequence - Math.max(recorded, s.firstSequence - 1);
                last = Math.max(last, s.lastSequence);
                segments.addLast(s);
            }
            nextSequence = last + 1;
            appended = last;
            roll(false);
        }
        if (recovered > 0) {
            LOG.info("The audit journal {} holds {} events the database does not have yet: writing them", directory,
                    recovered);
        }
    }

    /** The file being written, for the {@link JournalPrefaulter}: read without the lock. */
    JournalSegment activeSegment() {
        return active;
    }

    /** Where the next record goes in {@link #activeSegment()}, for the {@link JournalPrefaulter}: read without the lock. */
    int writePosition() {
        return position;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Closes the files and unlocks the directory. Events not yet in the database stay in the journal and are written
     * when it is opened next.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            segments.forEach(JournalSegment::closeChannel);
            notifyAll();
        }
        prefaulter.wake();
        directoryLock.close();
    }
}
