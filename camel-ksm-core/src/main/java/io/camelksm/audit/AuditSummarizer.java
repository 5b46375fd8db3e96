package io.camelksm.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges a batch of audit events for {@code auditMode=summary}: granted reads ({@link #MERGED_OPERATIONS}) that are
 * identical in everything but time and exchange become one event with their count in {@code occurrences}, the first
 * one's time and exchange, and the last one's in {@code lastTime} and {@code lastExchangeId}. Everything else (denied,
 * failed, every change) passes one by one. The merged event takes the place of its first occurrence; the order of the
 * rest is kept. Used by the one writer thread only: it reuses its map and lists from batch to batch.
 */
final class AuditSummarizer {

    /** The operations whose granted decisions may be merged: the reads of a route. Changes are always kept apart. */
    static final Set<String> MERGED_OPERATIONS = Set.of("authorize", "get");

    private final Map<Key, Run> runs = new HashMap<>();
    private final List<Run> pending = new ArrayList<>();

    /**
     * The batch with identical granted reads merged. Returns the given list itself when nothing merged, so a batch of
     * distinct decisions costs no copy.
     */
    List<AuditEvent> summarize(List<AuditEvent> batch) {
        if (batch.size() < 2) {
            return batch;
        }
        List<AuditEvent> out = new ArrayList<>(batch.size());
        boolean mergedAny = false;
        try {
            for (AuditEvent e : batch) {
                if (!mergeable(e)) {
                    out.add(e);
                    continue;
                }
                Key key = new Key(e.credential(), e.operation(), e.routeId(), e.principal(), e.roles(), e.process(),
                        e.resource(), e.reason());
                Run run = runs.get(key);
                if (run == null) {
                    run = new Run(e, out.size());
                    runs.put(key, run);
                    pending.add(run);
                    out.add(e); // its place; replaced below if more join it
                } else {
                    run.add(e);
                    mergedAny = true;
                }
            }
            if (!mergedAny) {
                return batch;
            }
            for (Run run : pending) {
                if (run.occurrences > 1) {
                    out.set(run.index, run.first.mergedWith(run.occurrences, run.lastTime, run.lastExchangeId));
                }
            }
            return out;
        } finally {
            runs.clear();
            pending.clear();
        }
    }

    static boolean mergeable(AuditEvent e) {
        return e.outcome() == AuditOutcome.GRANTED && e.operation() != null
               && MERGED_OPERATIONS.contains(e.operation());
    }

    /** Whether two granted reads may merge: equal in everything but time and exchange (see {@link Key}). */
    static boolean sameDecision(AuditEvent a, AuditEvent b) {
        return Objects.equals(a.credential(), b.credential()) && Objects.equals(a.operation(), b.operation())
               && Objects.equals(a.routeId(), b.routeId()) && Objects.equals(a.principal(), b.principal())
               && Objects.equals(a.roles(), b.roles()) && Objects.equals(a.process(), b.process())
               && Objects.equals(a.resource(), b.resource()) && Objects.equals(a.reason(), b.reason())
               && a.outcome() == b.outcome();
    }

    /** What must be equal for two decisions to merge: everything but time and exchange (outcome is always GRANTED). */
    private record Key(String credential, String operation, String routeId, String principal, Set<String> roles,
                       String process, String resource, String reason) {
    }

    /** Identical decisions seen so far in one batch; the first one's place in the output. */
    private static final class Run {
        final AuditEvent first;
        final int index;
        int occurrences;
        Instant lastTime;
        String lastExchangeId;

        Run(AuditEvent first, int index) {
            this.first = first;
            this.index = index;
            this.occurrences = first.occurrences();
            this.lastTime = first.lastTime();
            this.lastExchangeId = first.lastExchangeId();
        }

        void add(AuditEvent e) {
            occurrences += e.occurrences();
            // an event already merged (occurrences > 1) brings its own last time and exchange
            lastTime = e.merged() ? e.lastTime() : e.time();
            lastExchangeId = e.merged() ? e.lastExchangeId() : e.exchangeId();
        }
    }
}
