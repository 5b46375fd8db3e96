package io.camelksm.component;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

import io.camelksm.audit.AuditHealth;

/**
 * Camel readiness check {@code camel-ksm/ksm-audit}: DOWN while the audit trail cannot record (then every {@code ksm:}
 * request is refused), UP otherwise, with the state (UP or DEGRADED), the detail and the events waiting for the
 * database. Not a liveness check: restarting does not make a full disk or a stopped database record.
 */
final class KsmAuditHealthCheck implements HealthCheck {

    static final String ID = "ksm-audit";

    private final KsmComponent component;
    private boolean enabled = true;

    KsmAuditHealthCheck(KsmComponent component) {
        this.component = component;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getGroup() {
        return KsmHealthChecks.GROUP;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        AuditHealth health = component.getAuditHealth();
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).message(health.detail())
                .detail("audit.state", health.state().name()).detail("audit.pending", health.pending());
        return (health.canRecord() ? result.up() : result.down()).build();
    }
}
