package io.camelksm.component;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.SendTargets;

/**
 * A producer's parsed {@code sendTo}: the credential lent from the cache keeps the same property object while it is
 * cached, so the text is parsed again only when the property changes (a new object), not on every exchange.
 */
final class ParsedSendTargets {

    private volatile Parsed last;

    /** The credential's targets, or null when it is not bound. */
    SendTargets of(Credential credential) {
        CredentialProperty property = null;
        for (CredentialProperty p : credential.properties().values()) {
            if (SendTargets.isSendToProperty(p.name())) {
                property = p;
                break;
            }
        }
        if (property == null) {
            return null;
        }
        Parsed parsed = last;
        if (parsed == null || parsed.property != property) {
            parsed = new Parsed(property, SendTargets.parse(property.value().reveal()));
            last = parsed;
        }
        return parsed.targets;
    }

    private record Parsed(CredentialProperty property, SendTargets targets) {
    }
}
