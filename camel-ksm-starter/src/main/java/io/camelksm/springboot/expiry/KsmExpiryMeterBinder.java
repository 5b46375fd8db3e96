package io.camelksm.springboot.expiry;

import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.RuntimeCamelException;

import io.camelksm.component.KsmComponent;
import io.camelksm.credential.CredentialName;
import io.camelksm.governance.ExpiryWatch;
import io.camelksm.runtime.KsmRuntime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The gauge {@value #METER}: days left (with fraction, negative once expired) per credential in use that has an expiry,
 * tagged with the credential's name only (a name is not a secret; no principal, route or exchange). A credential gets
 * its gauge the first time a route or process reads it; the gauge reads the running component's runtime each time, so
 * it shows NaN while the component is stopped or after the credential was changed and not read since.
 */
public final class KsmExpiryMeterBinder implements MeterBinder {

    public static final String METER = "ksm.credential.expiry.days";
    public static final String CREDENTIAL_TAG = "credential";
    private static final String COMPONENT = "ksm";

    private final CamelContext camelContext;

    public KsmExpiryMeterBinder(CamelContext camelContext) {
        this.camelContext = Objects.requireNonNull(camelContext, "camelContext");
    }

    /** Watches the component's credentials once Camel has started (at once if it already has). */
    @Override
    public void bindTo(MeterRegistry registry) {
        try {
            camelContext.addStartupListener((context, alreadyStarted) -> watch(registry));
        } catch (Exception e) { // called at once when Camel has started: watch(...) throws nothing checked
            throw RuntimeCamelException.wrapRuntimeException(e);
        }
    }

    private void watch(MeterRegistry registry) {
        KsmRuntime runtime = runtime();
        if (runtime == null) {
            return; // no ksm: endpoint in this application
        }
        ExpiryWatch watch = runtime.expiries();
        watch.onNewlyTracked(name -> register(registry, name));
        watch.inUse().forEach(expiry -> register(registry, expiry.name()));
    }

    private void register(MeterRegistry registry, CredentialName name) {
        Gauge.builder(METER, () -> daysLeft(name)).tag(CREDENTIAL_TAG, name.value()).baseUnit("days")
                .description("Days until the credential in use expires").register(registry);
    }

    private double daysLeft(CredentialName name) {
        KsmRuntime runtime = runtime();
        return runtime == null ? Double.NaN : runtime.expiries().daysLeft(name);
    }

    private KsmRuntime runtime() {
        Component component = camelContext.hasComponent(COMPONENT);
        return component instanceof KsmComponent ksm ? ksm.runtime() : null;
    }
}
