package io.camelksm.governance;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import io.camelksm.access.AccessDecision;
import io.camelksm.access.AccessMode;
import io.camelksm.access.AccessPolicy;
import io.camelksm.access.AccessRights;
import io.camelksm.access.AccessRightsStore;
import io.camelksm.access.Caller;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialStore;

/**
 * The access decisions of {@link GovernedCredentials} for routes: the credential must exist, the caller must hold the
 * right, and a credential handed out must be neither expired nor invalid. Reads take the rights from the cache; a
 * write passes the rights it read afresh. Auditing is the caller's ({@link AuditedRequests}).
 */
final class RouteAccess {

    private final AccessPolicy policy = new AccessPolicy();
    private final Clock clock;
    private final CredentialCache cache;
    private final ExpiryWatch expiries;
    // bound once: a lambda capturing the name would be allocated on every request
    private final Function<CredentialName, Optional<Credential>> findCredential;
    private final Function<CredentialName, AccessRights> findRights;

    RouteAccess(CredentialStore store, AccessRightsStore rights, CredentialCache cache, ExpiryWatch expiries,
                Clock clock) {
        this.clock = clock;
        this.cache = cache;
        this.expiries = expiries;
        this.findCredential = store::find;
        this.findRights = rights::rightsOf;
    }

    /** The decision of a read: gives back the caller's own copy, or wipes it and throws. */
    Credential read(CredentialName name, String operation, Caller caller) {
        Credential credential = cache.credential(name, findCredential)
                .orElseThrow(() -> new CredentialNotFoundException(name));
        try {
            decide(credential.name(), operation, caller, cache.rights(name, findRights), AccessMode.READ);
            Instant now = clock.instant();
            credential.requireUsable(now);
            expiries.used(credential, now);
            return credential;
        } catch (RuntimeException e) {
            credential.destroySecrets(); // never handed out: ours to wipe
            throw e;
        }
    }

    /**
     * The decision of a use, spelled out rather than passed to {@link AuditedRequests#run} as a lambda: this is every
     * authorized exchange's path, and a capturing lambda would cost an allocation on each.
     */
    CredentialLease lend(CredentialName name, String operation, Caller caller, Instant now) {
        long nowMillis = now.toEpochMilli();
        CredentialLease lent = cache.lease(name, findCredential, nowMillis)
                .orElseThrow(() -> new CredentialNotFoundException(name));
        try {
            decide(lent.credential().name(), operation, caller, cache.rights(name, findRights, nowMillis),
                    AccessMode.READ);
            lent.credential().requireUsable(now);
            expiries.used(lent.credential(), now);
            return lent;
        } catch (RuntimeException e) {
            lent.close();
            throw e;
        }
    }

    void decide(CredentialName name, String operation, Caller caller, AccessRights current, AccessMode mode) {
        AccessDecision decision = policy.decide(current, caller, mode);
        if (!decision.granted()) {
            throw new KsmAccessDeniedException(name, operation, caller, decision);
        }
    }
}
