package io.camelksm.audit;

import static io.camelksm.audit.AuditJournal.FILE_HEADER;
import static io.camelksm.audit.AuditJournal.RECORD_HEADER;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import io.camelksm.audit.AuditEvent;

/** Reads the {@link AuditJournal}'s events in order, for its database writer; used by one thread. */
public final class JournalCursor {

    private final AuditJournal journal;
    private JournalSegment segment;
    private ByteBuffer view;
    private int offset = FILE_HEADER;
    private long expected;
    private final long after;
    private long lastSequence;
    private byte[] bytes = new byte[1024];
    private final CRC32C check = new CRC32C();

    JournalCursor(AuditJournal journal, JournalSegment first, long after) {
        this.journal = journal;
        this.after = after;
        this.lastSequence = after;
        moveTo(first);
    }

    private void moveTo(JournalSegment s) {
        segment = s;
        view = s.buffer.duplicate();
        offset = FILE_HEADER;
        expected = s.firstSequence;
    }

    /** The sequence of the event {@link #next} returned last. */
    public long lastSequence() {
        return lastSequence;
    }

    /** The next event, or null when there is none yet. */
    public AuditEvent next() {
        while (true) {
            long limit = journal.lastAppended(); // read before the seal: see AuditJournal.roll
            if (segment.sealed) {
                limit = segment.lastSequence;
            }
            if (expected > limit) {
                if (!segment.sealed) {
                    return null;
                }
                JournalSegment next = journal.after(segment);
                if (next == null || next == segment) {
                    return null;
                }
                moveTo(next);
                continue;
            }
            int length = view.getInt(offset);
            long sequence = view.getLong(offset + 8);
            if (length <= 0 || offset + RECORD_HEADER + length > view.capacity() || sequence != expected) {
                throw new IllegalStateException("audit journal record " + expected + " in " + segment.path
                                                + " is damaged");
            }
            if (sequence <= after) {
                offset += RECORD_HEADER + length;
                expected++;
                continue;
            }
            if (bytes.length < length) {
                bytes = new byte[Integer.highestOneBit(length) << 1];
            }
            view.get(offset + RECORD_HEADER, bytes, 0, length);
            check.reset();
            check.update(view.slice(offset + 8, 8));
            check.update(bytes, 0, length);
            if ((int) check.getValue() != view.getInt(offset + 4)) {
                throw new IllegalStateException("audit journal record " + expected + " in " + segment.path
                                                + " fails its checksum");
            }
            offset += RECORD_HEADER + length;
            expected++;
            lastSequence = sequence;
            return JournalCodec.decode(ByteBuffer.wrap(bytes, 0, length));
        }
    }
}
