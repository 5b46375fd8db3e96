package io.camelksm.audit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes the pages ahead of an {@link AuditJournal}'s write position writable before an append needs them.
 * <p>
 * The first write to a page of a mapped file faults into the kernel, which allocates the page and updates the file's
 * modification time; on a busy file system that can wait for its journal commit (tens of milliseconds measured). This
 * thread takes those faults instead of the appenders: it writes each page ahead of the write position with an atomic
 * compare-and-set of zero to zero, which dirties the page without changing a byte, even if an appender is writing the
 * same bytes at the same moment.
 */
final class JournalPrefaulter implements Runnable {

    static final int PAGE = 4096;
    /** How far ahead of the write position pages are made writable: tens of milliseconds of full-speed appends. */
    static final int PREFAULT_AHEAD = 4 << 20;
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final AuditJournal journal;
    private final Thread thread;

    JournalPrefaulter(AuditJournal journal) {
        this.journal = journal;
        this.thread = new Thread(this, "camel-ksm-audit-journal-prefault");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Wakes the thread so that it sees the journal closed and ends. */
    void wake() {
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        JournalSegment segment = null;
        int touched = 0;
        while (!journal.isClosed()) {
            // volatile read: what follows sees the segment and position as of that append
            long ignored = journal.lastAppended();
            JournalSegment current = journal.activeSegment();
            int at = journal.writePosition();
            if (current != segment) {
                segment = current;
                touched = 0;
            }
            if (segment != null) {
                int from = Math.max(touched, at & -PAGE);
                int to = (int) Math.min(segment.buffer.capacity(), (long) at + PREFAULT_AHEAD) & -PAGE;
                for (int page = from; page < to && !journal.isClosed(); page += PAGE) {
                    LONGS.compareAndSet(segment.buffer, page, 0L, 0L);
                }
                touched = Math.max(touched, to);
            }
            LockSupport.parkNanos(this, 1_000_000);
        }
    }
}
