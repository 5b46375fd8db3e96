package io.camelksm.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.KsmException;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference;
import io.camelksm.credential.CredentialReferenceStore;

/**
 * Where credentials are used, as this node registers it: the component registers the {@code ksm:} endpoints of the
 * routes it starts, connectors and Kamelets their routes; {@code ksm-admin credential refs} lists them with their
 * last use. What this node registered is removed when its route stops and, at the latest, when the runtime closes; a
 * node that crashed leaves its rows behind (shown with its name and the time it registered them).
 * <p>
 * Registering is bookkeeping: a store that fails is logged, never fails a route's start or stop.
 */
public final class CredentialReferences implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialReferences.class);

    private final CredentialReferenceStore store;
    private final String node;
    /** What this node registered and has not removed yet: removed again when the runtime closes. */
    private final Set<CredentialReference> registered = ConcurrentHashMap.newKeySet();

    CredentialReferences(CredentialReferenceStore store, String node) {
        this.store = Objects.requireNonNull(store, "store");
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The node name references are registered under. */
    public String node() {
        return node;
    }

    /**
     * Registers that the route on this node uses the credential; a place registered before by this runtime is not
     * written again.
     *
     * @return whether it is registered now (false when the store failed: logged)
     */
    public boolean register(CredentialName credential, CredentialReference.Kind kind, String location,
                            String routeId) {
        CredentialReference reference = CredentialReference.of(credential, kind, location, routeId, node);
        if (registered.contains(reference)) {
            return true;
        }
        try {
            store.add(reference);
            registered.add(reference);
            LOG.debug("Registered the use of credential '{}': {}", credential, reference.describe());
            return true;
        } catch (KsmException e) {
            LOG.warn("Could not register the use of credential '{}' ({}): ksm-admin credential refs will not show it:"
                     + " {}", credential, reference.describe(), e.getMessage());
            return false;
        }
    }

    /** Whether this runtime registered a place of the route that uses the credential (of any kind). */
    public boolean isRegistered(CredentialName credential, String routeId) {
        for (CredentialReference reference : registered) {
            if (reference.routeId().equals(routeId) && reference.credential().equals(credential)) {
                return true;
            }
        }
        return false;
    }

    /** Removes what this runtime registered for the route (when the route stops). */
    public void unregisterRoute(String routeId) {
        for (CredentialReference reference : registered) {
            if (reference.routeId().equals(routeId)) {
                unregister(reference);
            }
        }
    }

    /** Every place that uses the credential, on every node, with its last use (when the store knows it). */
    public List<CredentialReference> list(CredentialName credential) {
        return store.of(credential);
    }

    private void unregister(CredentialReference reference) {
        try {
            store.remove(reference);
            registered.remove(reference);
        } catch (KsmException e) {
            LOG.warn("Could not remove the use of credential '{}' ({}): ksm-admin credential refs shows it until this"
                     + " node registers it again: {}", reference.credential(), reference.describe(), e.getMessage());
        }
    }

    /** Removes everything this runtime registered and has not removed yet. */
    @Override
    public void close() {
        for (CredentialReference reference : registered) {
            unregister(reference);
        }
        registered.clear();
    }
}
