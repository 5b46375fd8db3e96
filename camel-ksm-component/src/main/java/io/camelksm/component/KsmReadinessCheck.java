package io.camelksm.component;

import org.apache.camel.health.HealthCheck;

/**
 * What every camel-ksm health check shares: its id in the group {@code camel-ksm}, an enabled flag, and readiness only
 * (restarting brings back no database, Keeper, authorization server or renewed credential).
 */
abstract class KsmReadinessCheck implements HealthCheck {

    private final String id;
    private boolean enabled = true;

    KsmReadinessCheck(String id) {
        this.id = id;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getGroup() {
        return KsmHealthChecks.GROUP;
    }

    @Override
    public final boolean isEnabled() {
        return enabled;
    }

    @Override
    public final void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public final boolean isLiveness() {
        return false;
    }
}
