package io.camelksm.audit;

import static io.camelksm.audit.AuditJournal.RECORD_HEADER;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Turns audit events into {@link AuditJournal} records
 * ({@code [int length][int CRC-32C of sequence and payload][long sequence][payload]}): the payload is encoded in a
 * buffer of the calling thread, without the journal's lock; the header is written once the sequence is known.
 */
final class JournalRecords {

    private final ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(4096));
    /** Guarded by the journal's lock: {@link #number} is called under it. */
    private final CRC32C crc = new CRC32C();

    /** The event as a record in this thread's buffer: header left blank, limit at its end, position 0. */
    ByteBuffer encode(AuditEvent event) {
        int max = RECORD_HEADER + JournalCodec.maxSize(event);
        ByteBuffer buffer = buffers.get();
        if (buffer.capacity() < max) {
            buffer = ByteBuffer.allocateDirect(Integer.highestOneBit(max) << 1);
            buffers.set(buffer);
        }
        buffer.clear().position(RECORD_HEADER);
        JournalCodec.encode(event, buffer);
        return buffer.flip();
    }

    /** Writes the record's header for the sequence: its length, the checksum and the sequence itself. */
    void number(ByteBuffer record, long sequence) {
        int size = record.limit();
        record.putLong(8, sequence);
        crc.reset();
        crc.update(record.position(8));
        record.putInt(4, (int) crc.getValue());
        record.putInt(0, size - RECORD_HEADER);
    }
}
