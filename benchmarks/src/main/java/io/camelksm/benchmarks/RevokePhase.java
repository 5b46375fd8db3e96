package io.camelksm.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One grant or revoke of {@link RevokeLatency}: when it committed, when each node first showed it, and the reads that
 * still gave the old decision after that. Reader threads report every read; a read that started before the commit
 * counts for nothing.
 */
final class RevokePhase {
    final boolean wantGranted;
    /** Long.MAX_VALUE while the write has not returned: reads started meanwhile count for no phase. */
    volatile long committedAt = Long.MAX_VALUE;
    final AtomicLong[] reachedAt;
    /** How long the read that first showed the change on each node took (a database read, normally). */
    final long[] reachingReadNanos;
    /** Reads that started after their node had turned and still gave the old decision. */
    final AtomicLong staleReads = new AtomicLong();
    /** The end of the last read, started after the commit, that still gave the old decision. */
    final AtomicLong lastOldEnd = new AtomicLong(Long.MIN_VALUE);

    RevokePhase(boolean wantGranted, int nodes) {
        this.wantGranted = wantGranted;
        this.reachedAt = new AtomicLong[nodes];
        this.reachingReadNanos = new long[nodes];
        for (int i = 0; i < nodes; i++) {
            reachedAt[i] = new AtomicLong(Long.MAX_VALUE);
        }
    }

    void observed(int node, boolean granted, long start, long end) {
        if (start < committedAt) {
            return;
        }
        if (granted == wantGranted) {
            if (reachedAt[node].accumulateAndGet(end, Math::min) == end) {
                reachingReadNanos[node] = end - start;
            }
        } else {
            lastOldEnd.accumulateAndGet(end, Math::max);
            if (start > reachedAt[node].get()) {
                staleReads.incrementAndGet();
            }
        }
    }

    boolean allReached() {
        for (AtomicLong reached : reachedAt) {
            if (reached.get() == Long.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    long lastReached() {
        return Arrays.stream(reachedAt).mapToLong(AtomicLong::get).max().orElse(Long.MAX_VALUE);
    }

    /** The duration of the read that turned the node that turned last. */
    long lastReachingRead() {
        int last = 0;
        for (int i = 1; i < reachedAt.length; i++) {
            if (reachedAt[i].get() > reachedAt[last].get()) {
                last = i;
            }
        }
        return reachingReadNanos[last];
    }
}
