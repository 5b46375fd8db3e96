package io.camelksm.governance;

import io.camelksm.access.AccessMode;
import io.camelksm.access.AccessRights;
import io.camelksm.access.AccessRightsStore;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.access.KsmSendRefusedException;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.camelksm.credential.ConfusableNames;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialInUseException;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.CredentialReference;
import io.camelksm.credential.CredentialValidator;
import io.camelksm.credential.SendTargets;

/**
 * The one way to reach credentials: every request is checked against the credential's access rights (routes) or
 * done on an administrator's behalf (CLI), and every decision and change goes to the audit trail.
 */
public final class GovernedCredentials implements AutoCloseable {

    private final CredentialStore store;
    private final AccessRightsStore rights;
    private final AuditTrail audit;
    private final Clock clock;
    private final CredentialCache cache;
    private final CredentialChanges changes;
    private final AuditedRequests requests;
    private final ExpiryWatch expiries;
    private final CredentialUses uses = new CredentialUses();
    private final UnboundCredentials unbound;
    private final CredentialAdministration administration;
    private final RouteAccess access;
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
        this.changes = new CredentialChanges(cache);
        this.requests = new AuditedRequests(audit, clock);
        this.expiries = new ExpiryWatch(clock);
        changes.add(expiries);
        this.unbound = new UnboundCredentials(store);
        this.administration = new CredentialAdministration(store, rights, cache, changes, requests,
                this::getWriteValidator);
        this.access = new RouteAccess(store, rights, cache, expiries, clock);
    }

    /** The credentials routes have used, with type, expiry and the last decision (for the dev console). */
    public CredentialUses credentialUses() {
        return uses;
    }

    /** How many decisions were recorded, by outcome and operation (for metrics). */
    public DecisionCounts decisionCounts() {
        return requests.counts();
    }

    public CredentialStore store() {
        return store;
    }

    public AuditTrail audit() {
        return audit;
    }

    /**
     * The credentials in use and their expiry, and the warnings before they lapse; its window is off (zero) until set
     * ({@code KsmSettings.expiryWarning} sets it for the credentials a runtime opens).
     */
    public ExpiryWatch expiries() {
        return expiries;
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
        changes.add(listener);
    }

    public void removeChangeListener(CredentialChangeListener listener) {
        changes.remove(listener);
    }

    /**
     * A route reads a credential: it must exist, the caller must be allowed, and it must be neither expired nor
     * invalid.
     */
    public Credential read(CredentialName name, String operation, Caller caller, String routeId) {
        Credential read;
        try {
            read = requests.run(name, operation, caller, routeId, () -> access.read(name, operation, caller),
                    "access granted", AccessMode.READ);
        } catch (RuntimeException e) {
            uses.refused(name, e, clock.instant());
            throw e;
        }
        uses.granted(name, read.type(), read.expiresAt().orElse(null), clock.instant());
        return read;
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
            lease = access.lend(name, operation, caller, now);
        } catch (RuntimeException e) {
            RuntimeException refused = requests.refused(now, name, operation, caller, routeId, e, AccessMode.READ);
            uses.refused(name, e, now);
            throw refused;
        }
        try (lease) { // the lease ends even if the audit trail refuses the record
            requests.record(now, name, operation, caller, routeId, AuditOutcome.GRANTED, "access granted",
                    AccessMode.READ);
            Credential used = lease.credential();
            uses.granted(name, used.type(), used.expiresAt().orElse(null), now);
            return action.apply(lease.credential());
        }
    }

    /**
     * A route changes a credential (an RPA bot rotating a password): the caller must hold the write right (granted
     * apart from the read right), the change may touch only the secret values unless the credential allows route
     * metadata writes ({@link RouteWriteScope}), and it is applied to the version read, so a concurrent change fails
     * instead of being lost. The rights are read afresh, never from the cache.
     */
    public Credential change(CredentialName name, String operation, Caller caller, String routeId,
                             UnaryOperator<Credential.Builder> change) {
        return requests.run(name, operation, caller, routeId, () -> {
            Credential current = store.find(name).orElseThrow(() -> new CredentialNotFoundException(name));
            AccessRights granted = rights.rightsOf(name);
            access.decide(current.name(), operation, caller, granted, AccessMode.WRITE);
            Credential written = change.apply(current.toBuilder()).build();
            RouteWriteScope.check(current, written, granted.routeMetadataWrites(), operation, caller);
            writeValidator.validate(written);
            return changes.changed(name, store.update(written));
        }, "credential written", AccessMode.WRITE);
    }

    // administration: done on an operator's behalf, audited, not checked against the credential's rights

    /**
     * Stores a new credential; a name that mixes scripts or looks like an existing name is refused
     * ({@link ConfusableNames}), and so is a token URL outside the credential's own allowed hosts or a malformed
     * {@code sendTo}.
     */
    public Credential create(Credential credential, Caller admin) {
        return administration.create(credential, admin);
    }

    /** Replaces a credential; a token URL outside its own allowed hosts or a malformed {@code sendTo} is refused. */
    public Credential update(Credential credential, Caller admin) {
        return administration.update(credential, admin);
    }

    public boolean delete(CredentialName name, Caller admin) {
        return administration.delete(name, admin);
    }

    /**
     * Deletes a credential that routes, connectors or Kamelets may still use: with references and without
     * {@code force} nothing is deleted and the refusal is audited ({@link CredentialInUseException}); with
     * {@code force} the audit event says how many references the deletion overrode and where they are.
     *
     * @param references the places that use the credential now (from the runtime's credential references)
     */
    public boolean delete(CredentialName name, Caller admin, List<CredentialReference> references, boolean force) {
        return administration.delete(name, admin, references, force);
    }

    /** Grants a value of the read right. */
    public void grant(CredentialName name, Dimension dimension, String value, Caller admin) {
        grant(name, AccessMode.READ, dimension, value, admin);
    }

    /** Grants a value of the read or the write right. */
    public void grant(CredentialName name, AccessMode mode, Dimension dimension, String value, Caller admin) {
        administration.grant(name, mode, dimension, value, admin);
    }

    /** Revokes a value of the read right. */
    public boolean revoke(CredentialName name, Dimension dimension, String value, Caller admin) {
        return revoke(name, AccessMode.READ, dimension, value, admin);
    }

    /** Revokes a value of the read or the write right; false if it was not granted. */
    public boolean revoke(CredentialName name, AccessMode mode, Dimension dimension, String value, Caller admin) {
        return administration.revoke(name, mode, dimension, value, admin);
    }

    /**
     * Lets routes holding the write right change the credential's non-secret parts too (true), or only its secret
     * values (false, the default). Returns false when it was already so.
     */
    public boolean allowRouteMetadataWrites(CredentialName name, boolean allowed, Caller admin) {
        return administration.allowRouteMetadataWrites(name, allowed, admin);
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

    /**
     * Another node (or {@code ksm-admin}) changed the credential or its rights: drops what is cached for it and tells the
     * change listeners (its tokens are dropped), as for a change made here.
     */
    public void dropCached(CredentialName name) {
        changes.changed(name, null);
    }

    /**
     * Changes made elsewhere can no longer be noticed: every request reads the store and the rights until
     * {@link #resumeCache()}.
     */
    public void suspendCache() {
        cache.suspend();
    }

    /** Changes made elsewhere are noticed again: the cache serves again, starting empty. */
    public void resumeCache() {
        cache.resume();
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
     * Records that a credential the caller was allowed to use was about to be sent where its {@code sendTo} does not
     * allow, and gives back the exception to throw. Nothing was sent: the caller refuses before the request leaves.
     *
     * @param refusal the host and why, never a secret
     */
    public KsmSendRefusedException refuseSend(CredentialName name, String operation, Caller caller, String routeId,
                                              SendTargets.Refusal refusal) {
        KsmSendRefusedException refused = new KsmSendRefusedException(name, operation, caller, refusal.host(),
                refusal.reason());
        Instant now = clock.instant();
        requests.refused(now, name, operation, caller, routeId, refused, AccessMode.READ);
        uses.refused(name, refused, now);
        return refused;
    }

    /**
     * Logs once per credential (for the life of this instance) that it names no {@code sendTo}, so what is built from
     * it may go anywhere; {@code usedBy} says who uses it (e.g. {@code ksm:Graph}, {@code connector 'github'}).
     */
    public void warnIfUnbound(CredentialName name, String usedBy) {
        unbound.warnIfUnbound(name, usedBy);
    }
}
