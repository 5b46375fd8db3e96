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

    /** Per operation, one counter per outcome (by ordinal): counting allocates nothing once an operation is known. */
    private final Map<String, LongAdder[]> counts = new ConcurrentHashMap<>();
    /** The pairs listeners heard of: each once, even when two threads count it first at the same time. */
    private final Map<Decision, Boolean> announced = new ConcurrentHashMap<>();
    private final List<Consumer<Decision>> newDecisionListeners = new CopyOnWriteArrayList<>();

    void count(AuditOutcome outcome, String operation) {
        LongAdder[] byOutcome = counts.get(operation);
        if (byOutcome == null) {
            byOutcome = counts.computeIfAbsent(operation, op -> newCounters());
        }
        LongAdder count = byOutcome[outcome.ordinal()];
        if (count.sum() == 0 && firstOfItsKind(operation, outcome)) {
            Decision decision = new Decision(outcome, operation);
            newDecisionListeners.forEach(listener -> listener.accept(decision));
        }
        count.increment();
    }

    private static LongAdder[] newCounters() {
        LongAdder[] byOutcome = new LongAdder[AuditOutcome.values().length];
        for (int i = 0; i < byOutcome.length; i++) {
            byOutcome[i] = new LongAdder();
        }
        return byOutcome;
    }

    private boolean firstOfItsKind(String operation, AuditOutcome outcome) {
        return announced.putIfAbsent(new Decision(outcome, operation), Boolean.TRUE) == null;
    }

    /** How many decisions of that outcome and operation were recorded. */
    public long count(Decision decision) {
        LongAdder[] byOutcome = counts.get(decision.operation());
        return byOutcome == null ? 0 : byOutcome[decision.outcome().ordinal()].sum();
    }

    /**
     * Calls the listener with each outcome and operation counted from now on for the first time (a meter registry adds a
     * counter for it); the ones counted before are in {@link #snapshot()}.
     */
    public void onNewDecision(Consumer<Decision> listener) {
        newDecisionListeners.add(listener);
    }

    /** The counts so far (pairs counted at least once), sorted by operation, then outcome. */
    public Map<Decision, Long> snapshot() {
        Map<Decision, Long> snapshot = new TreeMap<>();
        counts.forEach((operation, byOutcome) -> {
            for (AuditOutcome outcome : AuditOutcome.values()) {
                long sum = byOutcome[outcome.ordinal()].sum();
                if (sum > 0) {
                    snapshot.put(new Decision(outcome, operation), sum);
                }
            }
        });
        return snapshot;
    }
}
