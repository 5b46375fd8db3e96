package io.camelksm.connector.route;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;

import io.camelksm.component.KsmComponent;
import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.definition.ConnectorDefinition;

/**
 * Once the context runs, warns once per credential (per runtime) that a connector uses a credential without
 * {@code sendTo}: it still works, but nothing stops its values from going to another host.
 */
final class UnboundCredentialWarnings implements ExtendedStartupListener {

    private final ConnectorDefinitions definitions;
    private final AtomicBoolean done = new AtomicBoolean();

    UnboundCredentialWarnings(ConnectorDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        if (alreadyStarted) {
            warn(context);
        }
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        warn(context);
    }

    private void warn(CamelContext context) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        KsmComponent ksm = context.getComponent("ksm", KsmComponent.class);
        for (ConnectorDefinition definition : definitions.all()) {
            String usedBy = "connector '" + definition.name() + "'";
            definition.authentication().credentials().forEach(name -> ksm.warnIfUnbound(name, usedBy));
        }
    }
}
