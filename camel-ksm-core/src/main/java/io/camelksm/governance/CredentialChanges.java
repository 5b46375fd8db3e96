package io.camelksm.governance;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.credential.CredentialName;

/**
 * What follows a write through {@link GovernedCredentials}: the credential's cache entry is dropped, then every
 * {@link CredentialChangeListener} is told. A failing listener is logged and never undoes or fails the write.
 */
final class CredentialChanges {

    // logged under GovernedCredentials, the class operators know and configure
    private static final Logger LOG = LoggerFactory.getLogger(GovernedCredentials.class);

    private final CredentialCache cache;
    private final List<CredentialChangeListener> listeners = new CopyOnWriteArrayList<>();

    CredentialChanges(CredentialCache cache) {
        this.cache = cache;
    }

    void add(CredentialChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(CredentialChangeListener listener) {
        listeners.remove(listener);
    }

    /** Drops the cache entry, then tells the listeners; returns the write's result for the caller to pass on. */
    <T> T changed(CredentialName name, T result) {
        cache.invalidate(name);
        for (CredentialChangeListener listener : listeners) {
            try {
                listener.credentialChanged(name);
            } catch (RuntimeException e) {
                LOG.warn("A credential change listener failed for credential '{}': {}", name, e.toString());
            }
        }
        return result;
    }
}
