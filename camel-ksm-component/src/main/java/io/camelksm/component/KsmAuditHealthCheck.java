package io.camelksm.component;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;

import io.camelksm.audit.AuditHealth;

/**
 * Camel readiness check {@code camel-ksm/ksm-audit}: DOWN while the audit trail cannot record (then every {@code ksm:}
 * request is refused), UP otherwise, with the state (UP or DEGRADED), the detail and the events waiting for the
 * database. Not a liveness check: restarting does not make a full disk or a stopped database record.
 */
final class KsmAuditHealthCheck extends KsmReadinessCheck {

    static final String ID = "ksm-audit";

    private final KsmComponent component;

    KsmAuditHealthCheck(KsmComponent component) {
        super(ID);
        this.component = component;
    }

    @Override
    public Result call(Map<String, Object> options) {
        AuditHealth health = component.getAuditHealth();
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).message(health.detail())
                .detail("audit.state", health.state().name()).detail("audit.pending", health.pending());
        return (health.canRecord() ? result.up() : result.down()).build();
    }
}
