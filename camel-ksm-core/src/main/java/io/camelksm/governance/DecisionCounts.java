package io.camelksm.governance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final Map<String, Counter[]> counts = new ConcurrentHashMap<>();
    private final List<Consumer<Decision>> newDecisionListeners = new CopyOnWriteArrayList<>();

    void count(AuditOutcome outcome, String operation) {
        Counter[] byOutcome = counts.get(operation);
        if (byOutcome == null) {
            byOutcome = counts.computeIfAbsent(operation, op -> newCounters());
        }
        Counter counter = byOutcome[outcome.ordinal()];
        if (!counter.announced.get() && counter.announced.compareAndSet(false, true)) {
            Decision decision = new Decision(outcome, operation);
            newDecisionListeners.forEach(listener -> listener.accept(decision));
        }
        counter.count.increment();
    }

    private static Counter[] newCounters() {
        Counter[] byOutcome = new Counter[AuditOutcome.values().length];
        for (int i = 0; i < byOutcome.length; i++) {
            byOutcome[i] = new Counter();
        }
        return byOutcome;
    }

    /** One outcome of one operation: its count, and whether listeners heard of it (each once, whatever the race). */
    private static final class Counter {
        final LongAdder count = new LongAdder();
        final AtomicBoolean announced = new AtomicBoolean();
    }

    /** How many decisions of that outcome and operation were recorded. */
    public long count(Decision decision) {
        Counter[] byOutcome = counts.get(decision.operation());
        return byOutcome == null ? 0 : byOutcome[decision.outcome().ordinal()].count.sum();
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
                long sum = byOutcome[outcome.ordinal()].count.sum();
                if (sum > 0) {
                    snapshot.put(new Decision(outcome, operation), sum);
                }
            }
        });
        return snapshot;
    }
}
