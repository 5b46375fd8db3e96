package io.camelksm.component;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.SendTargets;

/**
 * A producer's parsed {@code sendTo}. The credential lent from the cache is the same object while it is cached, so
 * the exchange path only compares one reference; the property is looked up again for another object, and its text
 * parsed again only when the property itself changed.
 */
final class ParsedSendTargets {

    private volatile Parsed last;

    /** The credential's targets, or null when it is not bound. */
    SendTargets of(Credential credential) {
        Parsed parsed = last;
        if (parsed != null && parsed.credential == credential) {
            return parsed.targets;
        }
        CredentialProperty property = null;
        for (CredentialProperty p : credential.properties().values()) {
            if (SendTargets.isSendToProperty(p.name())) {
                property = p;
                break;
            }
        }
        SendTargets targets;
        if (property == null) {
            targets = null;
        } else if (parsed != null && parsed.property == property) {
            targets = parsed.targets;
        } else {
            targets = SendTargets.parse(property.value().reveal());
        }
        last = new Parsed(credential, property, targets);
        return targets;
    }

    /** The credential last seen (compared by reference only; its secrets are its owner's to wipe). */
    private record Parsed(Credential credential, CredentialProperty property, SendTargets targets) {
    }
}
