package io.camelksm.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;

import io.camelksm.runtime.KsmRuntime;

/**
 * Registers the component's Camel health checks (group {@code camel-ksm}) when it starts and removes them when it stops,
 * when health checks are on the class path: audit writer, expiry warnings, change notices, database, token endpoints,
 * and with {@code store=keeper} the Keeper store's freshness and the HSM key. Camel Spring Boot shows them in {@code /actuator/health}.
 */
final class KsmHealthChecks {

    static final String GROUP = "camel-ksm";

    private final List<HealthCheck> registered = new ArrayList<>();

    void register(CamelContext context, KsmComponent component, KsmRuntime runtime) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry == null) {
            return;
        }
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(new KsmAuditHealthCheck(component));
        checks.add(new KsmExpiryHealthCheck(component));
        // UP in every state, the state in the details (why: ChangeNoticeHealth.partHealth)
        checks.add(new KsmPartHealthCheck("ksm-change-notices", component,
                r -> Optional.of(r.changeNoticeHealth().partHealth())));
        checks.add(new KsmPartHealthCheck("ksm-database", component, KsmRuntime::databaseHealth));
        checks.add(new KsmPartHealthCheck("ksm-token-endpoint", component, r -> Optional.of(r.tokenEndpointHealth())));
        if (runtime.statistics().hasSecretStore()) {
            checks.add(new KsmPartHealthCheck("ksm-keeper-store", component, KsmRuntime::secretStoreHealth));
            checks.add(new KsmPartHealthCheck("ksm-keeper-hsm", component, KsmRuntime::secretStoreKeyHealth));
        }
        for (HealthCheck check : checks) {
            registry.register(check);
            registered.add(check);
        }
    }

    void unregister(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry != null) {
            registered.forEach(registry::unregister);
        }
        registered.clear();
    }
}
