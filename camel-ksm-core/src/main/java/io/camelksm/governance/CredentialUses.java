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

    private final Map<CredentialName, Use> uses = new ConcurrentHashMap<>();

    void granted(CredentialName name, CredentialType type, Instant expiresAt, Instant decidedAt) {
        if (isFull(name)) {
            return;
        }
        uses.put(name, new Use(type, expiresAt, AuditOutcome.GRANTED, decidedAt));
    }

    /** A read or use that was denied (access right) or failed (unknown, expired, store down ...). */
    void refused(CredentialName name, RuntimeException why, Instant decidedAt) {
        if (isFull(name)) {
            return;
        }
        AuditOutcome outcome = why instanceof KsmAccessDeniedException ? AuditOutcome.DENIED : AuditOutcome.FAILED;
        uses.compute(name, (n, before) -> new Use(before == null ? null : before.type(),
                before == null ? null : before.expiresAt(), outcome, decidedAt));
    }

    private boolean isFull(CredentialName name) {
        return uses.size() >= MAX_NAMES && !uses.containsKey(name);
    }

    /** The uses so far, by credential name. */
    public Map<CredentialName, Use> snapshot() {
        Map<CredentialName, Use> snapshot = new TreeMap<>(java.util.Comparator.comparing(CredentialName::value));
        snapshot.putAll(uses);
        return snapshot;
    }
}
