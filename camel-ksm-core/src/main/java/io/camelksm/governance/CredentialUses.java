package io.camelksm.governance;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;

/**
 * The credentials routes and processes have read or used ({@link GovernedCredentials#read}, {@link
 * GovernedCredentials#use}), each with its type, expiry and the last decision,
 * for the Camel dev console. Only names and metadata are kept, never a value.
 */
public final class CredentialUses {

    /**
     * The last use of one credential.
     *
     * @param type      its type, or null when the request was refused before it was read
     * @param expiresAt when it expires, or null if it does not (or is unknown)
     * @param outcome   the last decision
     * @param decidedAt when that decision was made
     */
    public record Use(CredentialType type, Instant expiresAt, AuditOutcome outcome, Instant decidedAt) {
    }

    /** Names routes may take from headers: at most this many are kept, so unknown names cannot fill the memory. */
    static final int MAX_NAMES = 1000;

    private final Map<CredentialName, Last> uses = new ConcurrentHashMap<>();

    void granted(CredentialName name, CredentialType type, Instant expiresAt, Instant decidedAt) {
        Last last = entry(name);
        if (last != null) {
            if (!last.sameGrant(type, expiresAt)) {
                last.use = new Use(type, expiresAt, AuditOutcome.GRANTED, decidedAt);
            }
            last.decidedAt = decidedAt; // the exchange path: no allocation while nothing else changes
        }
    }

    /** A read or use that was denied (access right) or failed (unknown, expired, store down ...). */
    void refused(CredentialName name, RuntimeException why, Instant decidedAt) {
        Last last = entry(name);
        if (last != null) {
            AuditOutcome outcome = why instanceof KsmAccessDeniedException ? AuditOutcome.DENIED : AuditOutcome.FAILED;
            Use before = last.use;
            last.use = new Use(before == null ? null : before.type(), before == null ? null : before.expiresAt(),
                    outcome, decidedAt);
            last.decidedAt = decidedAt;
        }
    }

    /** The entry of the name, made on first use unless {@link #MAX_NAMES} are kept already (then null). */
    private Last entry(CredentialName name) {
        Last last = uses.get(name);
        if (last == null && uses.size() < MAX_NAMES) {
            last = uses.computeIfAbsent(name, n -> new Last());
        }
        return last;
    }

    /** The last use of one name: the decision (replaced when it changes) and the time of the latest one. */
    private static final class Last {
        volatile Use use;
        volatile Instant decidedAt;

        boolean sameGrant(CredentialType type, Instant expiresAt) {
            Use u = use;
            return u != null && u.outcome() == AuditOutcome.GRANTED && u.type() == type
                   && java.util.Objects.equals(u.expiresAt(), expiresAt);
        }
    }

    /** The uses so far, by credential name. */
    public Map<CredentialName, Use> snapshot() {
        Map<CredentialName, Use> snapshot = new TreeMap<>(java.util.Comparator.comparing(CredentialName::value));
        uses.forEach((name, last) -> {
            Use use = last.use;
            if (use != null) {
                snapshot.put(name, new Use(use.type(), use.expiresAt(), use.outcome(), last.decidedAt));
            }
        });
        return snapshot;
    }
}
