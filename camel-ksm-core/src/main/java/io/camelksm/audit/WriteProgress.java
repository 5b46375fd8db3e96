package io.camelksm.audit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How far a background audit writer has come (events or journal sequences written), for the callers that wait for it:
 * {@code flush} and the reads that must see everything recorded before them.
 */
public final class WriteProgress {

    private long done;

    public WriteProgress(long done) {
        this.done = done;
    }

    public synchronized long done() {
        return done;
    }

    /** The writer has written up to {@code value}. */
    public synchronized void reached(long value) {
        done = value;
        notifyAll();
    }

    /** The writer has written {@code count} more. */
    public synchronized void advance(long count) {
        done += count;
        notifyAll();
    }

    /**
     * Wakes the writer (no need to wait out its pause) and waits until it has written up to {@code target}, at most
     * the timeout, or until it has ended.
     *
     * @return whether the target was reached
     */
    public boolean await(long target, Duration timeout, Thread writer) {
        LockSupport.unpark(writer);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (done < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !writer.isAlive()) {
                    return done >= target;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
