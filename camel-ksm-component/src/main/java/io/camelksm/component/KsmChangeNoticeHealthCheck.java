package io.camelksm.component;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;

import io.camelksm.runtime.KsmRuntime;
import io.camelksm.store.jdbc.ChangeNoticeHealth;

/**
 * Camel readiness check {@code camel-ksm/ksm-change-notices}: whether this node hears the changes other nodes and
 * ksm-admin commit (PostgreSQL, changeNotices=true). UP in every state, with the state in the details: LISTENING (the
 * cache serves, changes apply as they commit), OFF (H2 or changeNotices=false: changes made elsewhere apply within
 * cacheTtl) and RECONNECTING too, since then the node bypasses its cache and reads the database on every request, so
 * it still decides correctly, only at a database read per request (as the audit's DEGRADED state, it records rather
 * than refuses). Taking such a node out of a load balancer would move its load onto the others for no gain; a database
 * that does not answer makes {@code ksm-database} DOWN.
 */
final class KsmChangeNoticeHealthCheck extends KsmReadinessCheck {

    static final String ID = "ksm-change-notices";

    private final KsmComponent component;

    KsmChangeNoticeHealthCheck(KsmComponent component) {
        super(ID);
        this.component = component;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this);
        KsmRuntime runtime = component.runtime();
        if (runtime == null) {
            return result.message("the ksm component is not started").up().build();
        }
        ChangeNoticeHealth health = runtime.changeNoticeHealth();
        result.message(message(health)).detail("changeNotices.state", health.state().name())
                .detail("changeNotices.received", health.received())
                .detail("changeNotices.reconnects", health.reconnects());
        if (health.since() != null) {
            result.detail("changeNotices.since", health.since().toString());
        }
        return result.up().build();
    }

    private static String message(ChangeNoticeHealth health) {
        return switch (health.state()) {
            case LISTENING -> "Hears the changes other nodes commit: " + health.detail();
            case RECONNECTING -> "Not hearing the changes other nodes commit, reconnecting; every request reads the"
                                 + " database meanwhile: " + health.detail();
            case OFF -> "Change notices off: " + health.detail();
        };
    }
}
