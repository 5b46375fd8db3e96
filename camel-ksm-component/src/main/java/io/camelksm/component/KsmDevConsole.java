package io.camelksm.component;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

import io.camelksm.credential.CredentialName;
import io.camelksm.governance.CredentialUses;
import io.camelksm.governance.GovernedCredentials;

/**
 * The Camel dev console {@code ksm}: the credentials this application's routes have used, each with its type, expiry
 * and the last access decision. Names and metadata only: a value never reaches the console.
 */
@DevConsole(group = "camel", name = "ksm", displayName = "camel-ksm",
            description = "Credentials used by the routes: type, expiry and the last decision (never a secret)")
public class KsmDevConsole extends AbstractDevConsole {

    public KsmDevConsole() {
        super("camel", "ksm", "camel-ksm", "Credentials used by the routes: type, expiry and the last decision"
                                           + " (never a secret)");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        Map<CredentialName, CredentialUses.Use> uses = uses();
        if (uses == null) {
            return "The ksm component is not started\n";
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format("Credentials used by the routes: %d%n", uses.size()));
        uses.forEach((name, use) -> text.append(String.format("    %s (%s)  expires: %s  last decision: %s at %s%n",
                name.value(), use.type() == null ? "unknown type" : use.type().name(), text(use.expiresAt()),
                use.outcome(), use.decidedAt())));
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        Map<CredentialName, CredentialUses.Use> uses = uses();
        root.put("started", uses != null);
        JsonArray credentials = new JsonArray();
        if (uses != null) {
            uses.forEach((name, use) -> {
                JsonObject credential = new JsonObject();
                credential.put("name", name.value());
                credential.put("type", use.type() == null ? null : use.type().name());
                credential.put("expiresAt", use.expiresAt() == null ? null : use.expiresAt().toString());
                credential.put("lastDecision", use.outcome().name());
                credential.put("decidedAt", use.decidedAt().toString());
                credentials.add(credential);
            });
        }
        root.put("credentials", credentials);
        return root;
    }

    private static String text(Instant expiresAt) {
        return expiresAt == null ? "never" : expiresAt.toString();
    }

    /** The uses seen by the component's governed credentials, or null when there is no started ksm component. */
    private Map<CredentialName, CredentialUses.Use> uses() {
        Component component = getCamelContext().hasComponent("ksm");
        if (!(component instanceof KsmComponent ksm)) {
            return null;
        }
        GovernedCredentials governed = ksm.getGovernedCredentials();
        return governed == null ? null : governed.credentialUses().snapshot();
    }
}
