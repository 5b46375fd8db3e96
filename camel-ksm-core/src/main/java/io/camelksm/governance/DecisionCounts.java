package io.camelksm.governance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

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
    private final List<Consumer<Decision>> newDecisionListeners = new CopyOnWriteArrayList<>();

    void count(AuditOutcome outcome, String operation) {
        Decision decision = new Decision(outcome, operation);
        LongAdder count = counts.get(decision);
        if (count == null) {
            LongAdder created = new LongAdder();
            count = counts.putIfAbsent(decision, created);
            if (count == null) {
                count = created;
                newDecisionListeners.forEach(listener -> listener.accept(decision));
            }
        }
        count.increment();
    }

    /** How many decisions of that outcome and operation were recorded. */
    public long count(Decision decision) {
        LongAdder count = counts.get(decision);
        return count == null ? 0 : count.sum();
    }

    /**
     * Calls the listener with each outcome and operation counted from now on for the first time (a meter registry adds a
     * counter for it); the ones counted before are in {@link #snapshot()}.
     */
    public void onNewDecision(Consumer<Decision> listener) {
        newDecisionListeners.add(listener);
    }

    /** The counts so far, sorted by operation, then outcome. */
    public Map<Decision, Long> snapshot() {
        Map<Decision, Long> snapshot = new TreeMap<>();
        counts.forEach((decision, count) -> snapshot.put(decision, count.sum()));
        return snapshot;
    }
}
