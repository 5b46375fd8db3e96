package io.camelksm.component;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

import io.camelksm.PartHealth;
import io.camelksm.runtime.KsmRuntime;

/**
 * A Camel readiness check {@code camel-ksm/<id>} over one part of the running {@link KsmRuntime} (database, Keeper
 * store, HSM key, token endpoints): UP or DOWN as the part reports, with its message and details (never a secret).
 * While the component is not started, or the part is not in use, it is UP and says so.
 */
final class KsmPartHealthCheck implements HealthCheck {

    private final String id;
    private final KsmComponent component;
    private final Function<KsmRuntime, Optional<PartHealth>> part;
    private boolean enabled = true;

    KsmPartHealthCheck(String id, KsmComponent component, Function<KsmRuntime, Optional<PartHealth>> part) {
        this.id = id;
        this.component = component;
        this.part = part;
    }

    @Override
    public String getId() {
        return id;
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
        return false; // restarting does not bring a database, Keeper or an authorization server back
    }

    @Override
    public Result call(Map<String, Object> options) {
        KsmRuntime runtime = component.runtime();
        Optional<PartHealth> health = runtime == null ? Optional.empty() : part.apply(runtime);
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this);
        if (health.isEmpty()) {
            return result.message(runtime == null ? "the ksm component is not started" : "not in use").up().build();
        }
        PartHealth h = health.get();
        result.message(h.message());
        h.details().forEach(result::detail);
        return (h.up() ? result.up() : result.down()).build();
    }
}
