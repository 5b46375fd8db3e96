package io.camelksm.governance;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.SendTargets;

/**
 * The WARN, once per credential, that a credential in use names no {@code sendTo}. Reads the credential's metadata
 * from the store without handing it out (and wipes what it read); a credential that cannot be read now is not warned
 * about: its first use fails or is audited anyway.
 */
final class UnboundCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(SendTargets.class);

    private final CredentialStore store;
    private final Set<CredentialName> warned = ConcurrentHashMap.newKeySet();

    UnboundCredentials(CredentialStore store) {
        this.store = store;
    }

    void warnIfUnbound(CredentialName name, String usedBy) {
        if (warned.contains(name)) {
            return;
        }
        Optional<Credential> found;
        try {
            found = store.find(name);
        } catch (RuntimeException e) {
            return;
        }
        found.ifPresent(credential -> {
            try {
                if (SendTargets.of(credential).isEmpty() && warned.add(name)) {
                    LOG.warn("credential '{}' is not bound to any host (property {}): {} may send it to any"
                             + " endpoint; an administrator can bind it with ksm-admin credential update '{}'"
                             + " --property {}=<hosts>", name, SendTargets.PROPERTY, usedBy, name,
                            SendTargets.PROPERTY);
                }
            } catch (IllegalArgumentException e) {
                // a malformed sendTo: its first use refuses it, naming what is wrong
            } finally {
                credential.destroySecrets();
            }
        });
    }
}
