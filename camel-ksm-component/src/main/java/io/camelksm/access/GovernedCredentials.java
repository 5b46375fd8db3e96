package io.camelksm.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.credential.ConfusableNames;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.CredentialValidator;

/**
 * The one way to reach credentials: every request is checked against the credential's access rights (routes) or
 * done on an administrator's behalf (CLI), and every decision and change goes to the audit trail.
 */
public final class GovernedCredentials implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GovernedCredentials.class);

    private final CredentialStore store;
    private final AccessRightsStore rights;
    private final AuditTrail audit;
    private final AccessPolicy policy = new AccessPolicy();
    private final Clock clock;
    private final List<CredentialChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final CredentialCache cache;
    // bound once: a lambda capturing the name would be allocated on every request
    private final Function<CredentialName, Optional<Credential>> findCredential;
    private final Function<CredentialName, AccessRights> findRights;
    private volatile CredentialValidator writeValidator = CredentialValidator.NONE;

    /** Without a cache: every request reads the store and the access rights. */
    public GovernedCredentials(CredentialStore store, AccessRightsStore rights, AuditTrail audit, Clock clock) {
        this(store, rights, audit, clock, Duration.ZERO);
    }

    /**
     * With a read cache: credentials and access rights read by routes are kept for {@code cacheTtl} (zero: no cache).
     * Changes made through this instance apply at once; changes made elsewhere (CLI, other nodes), including a
     * revoked right, apply within {@code cacheTtl}.
     */
    public GovernedCredentials(CredentialStore store, AccessRightsStore rights, AuditTrail audit, Clock clock,
                               Duration cacheTtl) {
        this.store = Objects.requireNonNull(store, "store");
        this.rights = Objects.requireNonNull(rights, "rights");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = new CredentialCache(cacheTtl, clock);
        this.findCredential = store::find;
        this.findRights = rights::rightsOf;
    }

    public CredentialStore store() {
        return store;
    }

    public AuditTrail audit() {
        return audit;
    }

    public CredentialValidator getWriteValidator() {
        return writeValidator;
    }

    /**
     * Checks every credential before it is created, updated or changed by a route, so that one that would fail at its
     * first exchange is refused when written. Default: {@link CredentialValidator#NONE}.
     */
    public void setWriteValidator(CredentialValidator writeValidator) {
        this.writeValidator = Objects.requireNonNull(writeValidator, "writeValidator");
    }

    /** Tells the listener about every credential written or deleted from now on (after the store has done it). */
    public void addChangeListener(CredentialChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeChangeListener(CredentialChangeListener listener) {
        listeners.remove(listener);
    }

    /**
     * A route reads a credential: it must exist, the caller must be allowed, and it must be neither expired nor
     * invalid.
     */
    public Credential read(CredentialName name, String operation, Caller caller, String routeId) {
        return governed(name, operation, caller, routeId, () -> {
            Credential credential = cache.credential(name, findCredential)
                    .orElseThrow(() -> new CredentialNotFoundException(name));
            try {
                checkAccess(credential.name(), operation, caller, true);
                return credential.requireUsable(clock.instant());
            } catch (RuntimeException e) {
                credential.destroySecrets(); // never handed out: ours to wipe
                throw e;
            }
        }, "access granted");
    }

    /**
     * A route uses a credential without taking it: checked and audited exactly like {@link #read}, then the action runs
     * on the credential lent from the cache, without the copy {@code read} makes. The credential must not escape the
     * action (it is shared and wiped by its owner); what the action returns may. Failures of the action itself are the
     * caller's to report: the audit record is the access decision, written before the action runs.
     */
    public <T> T use(CredentialName name, String operation, Caller caller, String routeId,
                     Function<Credential, T> action) {
        Instant now = clock.instant(); // one reading for the expiry check and the audit record
        CredentialLease lease;
        try {
            lease = lend(name, operation, caller, now);
        } catch (RuntimeException e) {
            throw refused(now, name, operation, caller, routeId, e);
        }
        try (lease) { // the lease ends even if the audit trail refuses the record
            record(now, name, operation, caller, routeId, AuditOutcome.GRANTED, "access granted");
            return action.apply(lease.credential());
        }
    }

    /**
     * The decision of {@link #use}, spelled out rather than passed to {@link #governed} as a lambda: this is every
     * authorized exchange's path, and a capturing lambda would cost an allocation on each.
     */
    private CredentialLease lend(CredentialName name, String operation, Caller caller, Instant now) {
        long nowMillis = now.toEpochMilli();
        CredentialLease lent = cache.lease(name, findCredential, nowMillis)
                .orElseThrow(() -> new CredentialNotFoundException(name));
        try {
            decide(lent.credential().name(), operation, caller, cache.rights(name, findRights, nowMillis));
            lent.credential().requireUsable(now);
            return lent;
        } catch (RuntimeException e) {
            lent.close();
            throw e;
        }
    }

    /**
     * A route changes a credential (an RPA bot rotating a password): the caller must be allowed, and the change is
     * applied to the version read, so a concurrent change fails instead of being lost.
     */
    public Credential change(CredentialName name, String operation, Caller caller, String routeId,
                             UnaryOperator<Credential.Builder> change) {
        return governed(name, operation, caller, routeId, () -> {
            Credential current = store.find(name).orElseThrow(() -> new CredentialNotFoundException(name));
            checkAccess(current.name(), operation, caller, false);
            Credential written = change.apply(current.toBuilder()).build();
            writeValidator.validate(written);
            return changed(name, store.update(written));
        }, "credential written");
    }

    // administration: done on an operator's behalf, audited, not checked against the credential's rights

    /**
     * Stores a new credential; a name that mixes scripts or looks like an existing name is refused
     * ({@link ConfusableNames}).
     */
    public Credential create(Credential credential, Caller admin) {
        return governed(credential.name(), "create", admin, null, () -> {
            ConfusableNames.checkNewName(credential.name(), store.names());
            writeValidator.validate(credential);
            return store.create(credential);
        }, "created");
    }

    public Credential update(Credential credential, Caller admin) {
        return governed(credential.name(), "update", admin, null, () -> {
            writeValidator.validate(credential);
            return changed(credential.name(), store.update(credential));
        }, "updated");
    }

    public boolean delete(CredentialName name, Caller admin) {
        return governed(name, "delete", admin, null, () -> {
            if (!store.delete(name)) {
                throw new CredentialNotFoundException(name);
            }
            rights.revokeAll(name);
            return changed(name, true);
        }, "deleted");
    }

    public void grant(CredentialName name, Dimension dimension, String value, Caller admin) {
        governed(name, "grant", admin, null, () -> {
            rights.grant(name, dimension, value);
            cache.invalidate(name);
            return null;
        }, "granted " + dimension.label() + " '" + value + "'");
    }

    public boolean revoke(CredentialName name, Dimension dimension, String value, Caller admin) {
        return governed(name, "revoke", admin, null, () -> {
            boolean revoked = rights.revoke(name, dimension, value);
            cache.invalidate(name);
            return revoked;
        },
                "revoked " + dimension.label() + " '" + value + "'");
    }

    /** Reads without handing out: for showing a credential's metadata to an operator. */
    public Optional<Credential> inspect(CredentialName name) {
        return store.find(name);
    }

    public AccessRights rightsOf(CredentialName name) {
        return rights.rightsOf(name);
    }

    public List<CredentialName> names() {
        return store.names();
    }

    /** Drops (and wipes) every cached credential and access right. */
    public void clearCache() {
        cache.clear();
    }

    /** Wipes the cache. The stores and the audit trail stay open: they belong to whoever made them. */
    @Override
    public void close() {
        cache.close();
    }

    /**
     * Drops the cache entry, then tells the listeners; a failing listener is logged and never undoes or fails the
     * write.
     */
    private <T> T changed(CredentialName name, T result) {
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

    private void checkAccess(CredentialName name, String operation, Caller caller, boolean cached) {
        decide(name, operation, caller, cached ? cache.rights(name, findRights)
                : rights.rightsOf(name));
    }

    private void decide(CredentialName name, String operation, Caller caller, AccessRights current) {
        AccessDecision decision = policy.decide(current, caller);
        if (!decision.granted()) {
            throw new KsmAccessDeniedException(name, operation, caller, decision);
        }
    }

    private <T> T governed(CredentialName name, String operation, Caller caller, String routeId, Action<T> action,
                           String success) {
        return governed(null, name, operation, caller, routeId, action, success);
    }

    /** @param decidedAt the time to record, or null for the time the action ends */
    private <T> T governed(Instant decidedAt, CredentialName name, String operation, Caller caller, String routeId,
                           Action<T> action, String success) {
        try {
            T result = action.run();
            record(decidedAt, name, operation, caller, routeId, AuditOutcome.GRANTED, success);
            return result;
        } catch (RuntimeException e) {
            throw refused(decidedAt, name, operation, caller, routeId, e);
        }
    }

    /** Audits a request that was denied or failed, and gives back the exception for the caller to throw. */
    private RuntimeException refused(Instant decidedAt, CredentialName name, String operation, Caller caller,
                                     String routeId, RuntimeException e) {
        if (e instanceof KsmAccessDeniedException denied) {
            record(decidedAt, name, operation, caller, routeId, AuditOutcome.DENIED,
                    "denied by " + denied.getFailedRestrictions() + ": " + denied.getMessage());
        } else {
            record(decidedAt, name, operation, caller, routeId, AuditOutcome.FAILED,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return e;
    }

    private void record(Instant decidedAt, CredentialName name, String operation, Caller caller, String routeId,
                        AuditOutcome outcome, String reason) {
        audit.record(AuditEvent.of(decidedAt == null ? clock.instant() : decidedAt, name.value(), operation, routeId,
                caller, outcome, reason));
    }

    @FunctionalInterface
    private interface Action<T> {
        T run();
    }
}
