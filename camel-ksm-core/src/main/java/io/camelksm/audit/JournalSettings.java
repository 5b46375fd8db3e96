package io.camelksm.audit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how the audit journal is written.
 *
 * @param directory   the journal's own directory (created owner-only); one process at a time
 * @param sync        whether each event is forced to the storage device before the request goes on (survives a power
 *                    loss, at the cost of a device flush per decision); without it an event is in the operating
 *                    system's page cache when the request goes on, which survives a crash or kill of the JVM
 * @param maxSize     how many bytes of events may wait for the database; beyond that, requests wait (and are refused
 *                    after {@link #FULL_TIMEOUT_MILLIS}) until the database writer catches up
 * @param segmentSize the size of one journal file, in bytes
 */
public record JournalSettings(Path directory, boolean sync, long maxSize, int segmentSize) {

    public static final long DEFAULT_MAX_SIZE = 1L << 30;
    public static final int DEFAULT_SEGMENT_SIZE = 16 << 20;
    /** Room for the largest record (texts are clipped to what the database keeps). */
    public static final int MIN_SEGMENT_SIZE = 128 << 10;
    /** How long a request waits for room in a full journal before it is refused. */
    public static final long FULL_TIMEOUT_MILLIS = 10_000;

    public JournalSettings {
        Objects.requireNonNull(directory, "audit journal directory");
        if (segmentSize < MIN_SEGMENT_SIZE) {
            throw new IllegalArgumentException("The audit journal's segment size must be at least " + MIN_SEGMENT_SIZE + " bytes, got "
                                               + segmentSize);
        }
        if (maxSize < 2L * segmentSize) {
            throw new IllegalArgumentException("auditJournalMaxSize must be at least " + 2L * segmentSize
                                               + " bytes (two journal files), got " + maxSize);
        }
    }

    /** The defaults: no sync per event, 1 GiB, 16 MiB files (one freed every few seconds by a busy database writer). */
    public static JournalSettings of(Path directory) {
        return new JournalSettings(directory, false, DEFAULT_MAX_SIZE, DEFAULT_SEGMENT_SIZE);
    }

    /** How many journal files may exist at once. */
    int maxSegments() {
        return (int) Math.min(Integer.MAX_VALUE, maxSize / segmentSize);
    }
}
