package io.camelksm.component;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.health.HealthCheckResultBuilder;

import io.camelksm.PartHealth;
import io.camelksm.runtime.KsmRuntime;

/**
 * A Camel readiness check {@code camel-ksm/<id>} over one part of the running {@link KsmRuntime} (database, Keeper
 * store, HSM key, token endpoints): UP or DOWN as the part reports, with its message and details (never a secret).
 * While the component is not started, or the part is not in use, it is UP and says so.
 */
final class KsmPartHealthCheck extends KsmReadinessCheck {

    private final KsmComponent component;
    private final Function<KsmRuntime, Optional<PartHealth>> part;

    KsmPartHealthCheck(String id, KsmComponent component, Function<KsmRuntime, Optional<PartHealth>> part) {
        super(id);
        this.component = component;
        this.part = part;
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
