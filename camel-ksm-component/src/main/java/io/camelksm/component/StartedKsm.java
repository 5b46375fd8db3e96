package io.camelksm.component;

import org.apache.camel.CamelContext;

import io.camelksm.KsmException;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.ProcessCredentials;

/**
 * The {@code ksm} component of a Camel context as code that is not a route (placeholders, OAuth profiles) reaches it:
 * governed reads as a named process, through the runtime the component opened when it started.
 */
final class StartedKsm {

    private StartedKsm() {
    }

    /**
     * Reads as the process on the component's node.
     *
     * @param asked       what was asked for, for the error, e.g. {@code "{{ksm:Crm/username}} was resolved"}
     * @param needsTokens whether OAuth 2.0 tokens are asked for (then a token provider is needed too)
     * @throws KsmException when the component has not started (or has stopped) and was given nothing to read with
     */
    static ProcessCredentials forProcess(CamelContext context, String process, String asked, boolean needsTokens) {
        KsmComponent component = context.getComponent("ksm", KsmComponent.class);
        KsmRuntime runtime = component.runtime();
        if (runtime != null) {
            return runtime.forProcess(process);
        }
        // placeholders are resolved while routes are built, before components start: given parts already serve then
        GovernedCredentials given = component.getGovernedCredentials();
        OAuth2TokenProvider provider = component.getOauth2TokenProvider();
        if (given != null && (provider != null || !needsTokens)) {
            return ProcessCredentials.of(given, provider, process, component.getNodeName());
        }
        throw new KsmException(asked + " before the ksm component started: its credentials are not available yet");
    }
}
