package io.camelksm.springboot.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.camelksm.governance.DecisionCounts;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmStatistics;
import io.camelksm.store.jdbc.ChangeNoticeHealth;

/**
 * camel-ksm's meters, read from {@link KsmRuntime#statistics()} of the running {@code ksm} component: functions over
 * the core's counters, zero while the component is not started. No meter is tagged with a caller, an exchange or a
 * credential: the tags are the outcome, the operation and the result, each a small fixed set.
 */
public final class KsmMeterBinder implements MeterBinder {

    private final Supplier<KsmRuntime> runtime;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Set<DecisionCounts> watched = ConcurrentHashMap.newKeySet();

    /** @param runtime the runtime of the {@code ksm} component, or null while it is not started */
    public KsmMeterBinder(Supplier<KsmRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        counter(registry, "ksm.token.requests", "Token requests to authorization servers, after retries",
                Tags.of("outcome", "success"), s -> s.tokens().tokensFetched());
        counter(registry, "ksm.token.requests", "Token requests to authorization servers, after retries",
                Tags.of("outcome", "failure"), s -> s.tokens().failures());
        counter(registry, "ksm.token.cache", "Token look-ups: served from the cache (hit) or not (miss)",
                Tags.of("result", "hit"), s -> s.tokens().cacheHits());
        counter(registry, "ksm.token.cache", "Token look-ups: served from the cache (hit) or not (miss)",
                Tags.of("result", "miss"), s -> s.tokens().cacheMisses());
        counter(registry, "ksm.token.shared.waits", "Callers that waited for another caller's token request",
                Tags.empty(), s -> s.tokens().sharedWaits());
        counter(registry, "ksm.token.refreshes.ahead", "Token refreshes started before the cached token expired",
                Tags.empty(), s -> s.tokens().refreshesAhead());
        counter(registry, "ksm.tokens.cluster.used", "Tokens this node took from another node's fetch (tokenSharing=cluster)",
                Tags.empty(), s -> s.tokens().clusterTokensUsed());
        counter(registry, "ksm.tokens.cluster.wait.timeouts",
                "Times this node waited the whole fetch deadline for another node's fetch and then fetched itself",
                Tags.empty(), s -> s.tokens().clusterWaitTimeouts());
        counter(registry, "ksm.keeper.requests", "Calls to Keeper Secrets Manager that fetched records",
                Tags.empty(), s -> s.secretStore().requests());
        counter(registry, "ksm.keeper.stale.served", "Look-ups served from records older than the cache TTL",
                Tags.empty(), s -> s.secretStore().staleServed());
        counter(registry, "ksm.keeper.throttled", "Throttling answers from Keeper Secrets Manager",
                Tags.empty(), s -> s.secretStore().throttled());
        counter(registry, "ksm.hsm.config.writes", "Writes of the HSM-encrypted Keeper client config",
                Tags.empty(), s -> s.secretStore().configWrites());
        counter(registry, "ksm.change.notices.received",
                "Change notices this node received from the database (changes other nodes committed)", Tags.empty(),
                s -> s.changeNotices().received());
        counter(registry, "ksm.change.notices.reconnects",
                "Times the connection listening for change notices was opened again after it was lost", Tags.empty(),
                s -> s.changeNotices().reconnects());
        Gauge.builder("ksm.change.notices.listening", this,
                        b -> b.read(s -> s.changeNotices().state() == ChangeNoticeHealth.State.LISTENING ? 1 : 0))
                .description("1 while this node hears the changes other nodes commit, 0 while it reconnects (every"
                             + " request reads the database) or change notices are off")
                .register(registry);
        Gauge.builder("ksm.audit.pending", this, b -> b.read(KsmStatistics::auditPending))
                .description("Audit events recorded (journal or queue) and not yet written to the database")
                .baseUnit("events").register(registry);
        Gauge.builder("ksm.audit.lag", this, b -> b.readSeconds())
                .description("Age of the oldest audit event the writer is still putting into the database")
                .baseUnit("seconds").register(registry);
        watchDecisions();
    }

    /**
     * Adds a {@code ksm.decisions} counter for each outcome and operation the running component has counted, and for
     * each it counts from now on. Called when binding and once the Camel context has started (the component opens its
     * runtime when it starts, which may come after the registries are bound).
     */
    public void watchDecisions() {
        KsmRuntime r = runtime.get();
        if (r == null) {
            return;
        }
        DecisionCounts counts = r.statistics().decisions();
        if (watched.add(counts)) {
            counts.onNewDecision(decision -> registries.forEach(registry -> decision(registry, counts, decision)));
        }
        counts.snapshot().keySet().forEach(decision ->
                registries.forEach(registry -> decision(registry, counts, decision)));
    }

    private static void decision(MeterRegistry registry, DecisionCounts counts, DecisionCounts.Decision decision) {
        FunctionCounter.builder("ksm.decisions", counts, c -> c.count(decision))
                .description("Access decisions recorded in the audit trail")
                .tags("outcome", decision.outcome().name().toLowerCase(Locale.ROOT),
                        "operation", decision.operation())
                .register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, Tags tags,
                         ToLongFunction<KsmStatistics> value) {
        FunctionCounter.builder(name, this, b -> b.read(value)).description(description).tags(tags)
                .register(registry);
    }

    private double readSeconds() {
        KsmRuntime r = runtime.get();
        return r == null ? 0 : r.statistics().auditLag().toNanos() / 1e9;
    }

    private double read(ToLongFunction<KsmStatistics> value) {
        KsmRuntime r = runtime.get();
        return r == null ? 0 : value.applyAsLong(r.statistics());
    }
}
