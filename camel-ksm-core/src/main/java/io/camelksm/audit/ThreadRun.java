package io.camelksm.audit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * For a summarizing {@link AsyncAuditTrail}: the identical granted reads one thread records while its first one waits
 * in the queue. Decisions join it without queueing anything (no shared counter, no lock): its own thread adds with one
 * compare-and-set on the run's count, and the writer closes it when it takes it, with one compare-and-set too; the next
 * decision of that thread then starts a new run. Only its own thread adds, so the last decision can sit in one of two
 * slots chosen by the count's parity: an add writes the slot the writer will not read, then publishes it by the count.
 */
final class ThreadRun {
    /** Set on the count once the writer has taken the run. */
    private static final int CLOSED = Integer.MIN_VALUE;
    private final AuditEvent first;
    private final AuditEvent[] latest = new AuditEvent[2];
    private final AtomicInteger occurrences = new AtomicInteger(1);

    ThreadRun(AuditEvent first) {
        this.first = first;
    }

    /** Called by the run's own thread only: joins the run, or false when it is closed or decided otherwise. */
    boolean tryAdd(AuditEvent e) {
        int count = occurrences.get();
        if (count < 0 || count == Integer.MAX_VALUE || !AuditSummarizer.sameDecision(first, e)) {
            return false; // closed (or full): the caller starts a new run
        }
        latest[(count + 1) & 1] = e;
        // fails only when the writer closed the run meanwhile; that slot is then never read
        return occurrences.compareAndSet(count, count + 1);
    }

    /** Called by the writer: no decision joins after this; the event standing for all that joined. */
    AuditEvent close() {
        int count;
        do {
            count = occurrences.get();
        } while (count >= 0 && !occurrences.compareAndSet(count, count | CLOSED));
        count &= ~CLOSED;
        if (count == 1) {
            return first;
        }
        AuditEvent last = latest[count & 1];
        return first.mergedWith(count, last.time(), last.exchangeId());
    }
}
