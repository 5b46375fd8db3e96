package io.camelksm.governance;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.camelksm.audit.AuditOutcome;

/**
 * How many decisions {@link GovernedCredentials} recorded, by outcome and operation ({@code use}, {@code create},
 * {@code grant} ...), for metrics. Neither the caller nor the credential is counted by: both are unbounded.
 */
public final class DecisionCounts {

    /** One counter's key: the outcome (GRANTED, DENIED, FAILED) and the operation. */
    public record Decision(AuditOutcome outcome, String operation) implements Comparable<Decision> {

        @Override
        public int compareTo(Decision other) {
            int byOperation = operation.compareTo(other.operation);
            return byOperation != 0 ? byOperation : outcome.compareTo(other.outcome);
        }
    }

    private final Map<Decision, LongAdder> counts = new ConcurrentHashMap<>();

    void count(AuditOutcome outcome, String operation) {
        counts.computeIfAbsent(new Decision(outcome, operation), d -> new LongAdder()).increment();
    }

    /** The counts so far, sorted by operation, then outcome. */
    public Map<Decision, Long> snapshot() {
        Map<Decision, Long> snapshot = new TreeMap<>();
        counts.forEach((decision, count) -> snapshot.put(decision, count.sum()));
        return snapshot;
    }
}
