package io.camelksm.runtime;

import java.time.Duration;

import io.camelksm.audit.AuditHealth;
import io.camelksm.auth.oauth2.TokenProviderStatistics;
import io.camelksm.governance.DecisionCounts;
import io.camelksm.store.jdbc.ChangeNoticeHealth;

/**
 * What a {@link KsmRuntime} has counted so far, read live on each call, for metrics: decisions, token requests, the
 * secret store's requests, the change notices heard and the audit writer's backlog. Nothing here is per caller or per credential.
 */
public final class KsmStatistics {

    private final KsmRuntime runtime;

    KsmStatistics(KsmRuntime runtime) {
        this.runtime = runtime;
    }

    /** Decisions recorded, by outcome and operation: live counts, and a listener for each new pair. */
    public DecisionCounts decisions() {
        return runtime.credentials().decisionCounts();
    }

    /** The token provider's counters. */
    public TokenProviderStatistics tokens() {
        return runtime.tokenProvider().statistics();
    }

    /** The counters of a store in a module of its own (Keeper), or all zero. */
    public SecretStoreStatistics secretStore() {
        return runtime.secretStoreStatistics();
    }

    /** Whether a store in a module of its own (Keeper) is in use: its counters mean something. */
    public boolean hasSecretStore() {
        return runtime.hasSecretStoreSession();
    }

    /**
     * How far the audit database lags: the age of the oldest event the writer is still putting into it (it grows while
     * the database fails), zero when the writer is idle or audit is synchronous.
     */
    public Duration auditLag() {
        return runtime.auditOldestUnwritten()
                .map(oldest -> Duration.between(oldest, runtime.settings().clock().instant()))
                .filter(lag -> !lag.isNegative()).orElse(Duration.ZERO);
    }

    /** Whether this node hears other nodes' changes, with the notices received and the reconnects so far. */
    public ChangeNoticeHealth changeNotices() {
        return runtime.changeNoticeHealth();
    }

    /** Audit events recorded but not yet written to the database (journal or queue). */
    public long auditPending() {
        AuditHealth health = runtime.auditHealth();
        return health.pending();
    }
}
