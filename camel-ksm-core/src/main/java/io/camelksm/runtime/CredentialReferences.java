package io.camelksm.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.KsmException;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference;
import io.camelksm.credential.CredentialReferenceStore;

/**
 * Where credentials are used, as this node registers it: the component registers the {@code ksm:} endpoints of the
 * routes it starts, connectors and Kamelets their routes; {@code ksm-admin credential refs} lists them with their
 * last use. The rows are what each node ran at its last run: what this node registered is marked stopped (not
 * deleted) when its route stops and, at the latest, when the runtime closes, so {@code ksm-admin} still sees it on an
 * embedded database it can open only while the integration is stopped. When the node starts again ({@link #start()},
 * at the latest at its first registration) it deletes the rows it left stopped and its routes register anew: a route
 * removed from the code is gone. A node that crashed leaves its rows running, with the time it registered them.
 * <p>
 * Only a runtime that registers touches its node's rows: {@code ksm-admin} (the same node name by default) reads.
 * Registering is bookkeeping: a store that fails is logged, never fails a route's start or stop.
 */
public final class CredentialReferences implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialReferences.class);

    private final CredentialReferenceStore store;
    private final String node;
    /** What this node registered and has not marked stopped yet: marked stopped when the runtime closes. */
    private final Set<CredentialReference> registered = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();

    CredentialReferences(CredentialReferenceStore store, String node) {
        this.store = Objects.requireNonNull(store, "store");
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The node name references are registered under. */
    public String node() {
        return node;
    }

    /**
     * The node starts (once per runtime; the component calls it before its routes register): deletes the rows this
     * node left stopped at its last run, so that its rows become what it runs now. Rows still running (a crash, or
     * another process with the same node name) stay.
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        try {
            int removed = store.removeStopped(node);
            LOG.debug("Node {} starts: removed {} credential references it left stopped", node, removed);
        } catch (KsmException e) {
            LOG.warn("Could not remove the credential references node {} left stopped at its last run: ksm-admin"
                     + " credential refs shows those its routes do not register again: {}", node, e.getMessage());
        }
    }

    /**
     * Registers that the route on this node uses the credential (running); a place registered before by this runtime
     * is not written again. The first registration starts the node ({@link #start()}) if nothing did.
     *
     * @return whether it is registered now (false when the store failed: logged)
     */
    public boolean register(CredentialName credential, CredentialReference.Kind kind, String location,
                            String routeId) {
        start();
        CredentialReference reference = CredentialReference.of(credential, kind, location, routeId, node);
        if (registered.contains(reference)) {
            return true;
        }
        try {
            store.add(reference);
            registered.add(reference);
            LOG.debug("Registered the use of credential '{}': {}", credential, reference.place());
            return true;
        } catch (KsmException e) {
            LOG.warn("Could not register the use of credential '{}' ({}): ksm-admin credential refs will not show it:"
                     + " {}", credential, reference.place(), e.getMessage());
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

    /** Marks stopped what this runtime registered for the route (when the route stops). */
    public void unregisterRoute(String routeId) {
        for (CredentialReference reference : registered) {
            if (reference.routeId().equals(routeId)) {
                unregister(reference);
            }
        }
    }

    /**
     * Every place that uses the credential, on every node, running or stopped at that node's last run, with its last
     * use (when the store knows it).
     */
    public List<CredentialReference> list(CredentialName credential) {
        return store.of(credential);
    }

    private void unregister(CredentialReference reference) {
        try {
            store.markStopped(reference);
            registered.remove(reference);
        } catch (KsmException e) {
            LOG.warn("Could not mark stopped the use of credential '{}' ({}): ksm-admin credential refs shows it"
                     + " running until this node starts again: {}", reference.credential(), reference.place(),
                    e.getMessage());
        }
    }

    /** Marks stopped everything this runtime registered and has not marked stopped yet. */
    @Override
    public void close() {
        for (CredentialReference reference : registered) {
            unregister(reference);
        }
        registered.clear();
    }
}
