package io.camelksm.component;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ContextServicePlugin;

/**
 * Installs the {@link KsmSendGuard} when a context is built, found by Camel through
 * {@code META-INF/services/org.apache.camel.spi.ContextServicePlugin}: before the routes make their endpoints, so an
 * HTTP endpoint of a route defined before the first {@code ksm:} endpoint is guarded too. The component installs it
 * again when it starts (once per context), for contexts that do not load plugins.
 */
public class KsmSendGuardPlugin implements ContextServicePlugin {

    @Override
    public void load(CamelContext camelContext) {
        KsmSendGuard.install(camelContext);
    }
}
