package io.camelksm.audit;

import io.camelksm.access.AccessMode;
import io.camelksm.access.Caller;
import java.time.Instant;
import java.util.Set;

/**
 * One audited decision or change, or (with {@code occurrences > 1}) a run of identical granted reads merged into one
 * entry by the summarizing audit writer ({@code auditMode=summary}). Holds names and reasons, never a secret value.
 *
 * @param time           when it was decided; for a merged entry, when the first of them was decided
 * @param credential     the credential name as asked for
 * @param operation      authorize, get, set, setProperty, create, update, delete, grant, revoke, ...
 * @param routeId        the Camel route, or null outside a route
 * @param exchangeId     the exchange (session), or null outside a route; for a merged entry, the first one's
 * @param principal      the authenticated user or client, or null
 * @param roles          the caller's roles
 * @param process        the caller's process
 * @param resource       the caller's resource
 * @param outcome        granted, denied or failed
 * @param reason         why, in words
 * @param occurrences    how many identical decisions this entry stands for: 1 for a single one, at least 1
 * @param lastTime       when the last of the merged decisions was made; null for a single one
 * @param lastExchangeId the exchange of the last merged decision; null for a single one
 * @param access         the right a route's request was checked against: {@link AccessMode#READ} (authorize, get) or
 *                       {@link AccessMode#WRITE} (set, setProperty); null for administration on an operator's behalf
 */
public record AuditEvent(Instant time, String credential, String operation, String routeId, String exchangeId,
                         String principal, Set<String> roles, String process, String resource, AuditOutcome outcome,
                         String reason, int occurrences, Instant lastTime, String lastExchangeId,
                         AccessMode access) {

    public AuditEvent {
        if (occurrences < 1) {
            throw new IllegalArgumentException("An audit event stands for at least 1 occurrence, got occurrences="
                                               + occurrences + " (credential '" + credential + "', operation "
                                               + operation + ")");
        }
        if (occurrences == 1 && (lastTime != null || lastExchangeId != null)) {
            throw new IllegalArgumentException("A single audit event (occurrences=1) has no lastTime or lastExchangeId"
                                               + " (credential '" + credential + "', operation " + operation + ")");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Without the access right (administration, or written before it was recorded). */
    public AuditEvent(Instant time, String credential, String operation, String routeId, String exchangeId,
                      String principal, Set<String> roles, String process, String resource, AuditOutcome outcome,
                      String reason, int occurrences, Instant lastTime, String lastExchangeId) {
        this(time, credential, operation, routeId, exchangeId, principal, roles, process, resource, outcome, reason,
                occurrences, lastTime, lastExchangeId, null);
    }

    /** A single decision (occurrences 1). */
    public AuditEvent(Instant time, String credential, String operation, String routeId, String exchangeId,
                      String principal, Set<String> roles, String process, String resource, AuditOutcome outcome,
                      String reason) {
        this(time, credential, operation, routeId, exchangeId, principal, roles, process, resource, outcome, reason, 1,
                null, null, null);
    }

    /** A single decision (occurrences 1) by the given caller. */
    public static AuditEvent of(Instant time, String credential, String operation, String routeId, Caller caller,
                                AuditOutcome outcome, String reason) {
        return of(time, credential, operation, routeId, caller, outcome, reason, null);
    }

    /** A single decision (occurrences 1) by the given caller on the given right (null: administration). */
    public static AuditEvent of(Instant time, String credential, String operation, String routeId, Caller caller,
                                AuditOutcome outcome, String reason, AccessMode access) {
        return new AuditEvent(time, credential, operation, routeId, caller.session(), caller.principal(),
                caller.roles(), caller.process(), caller.resource(), outcome, reason, 1, null, null, access);
    }

    /** Whether this entry stands for more than one decision. */
    public boolean merged() {
        return occurrences > 1;
    }

    /**
     * This entry standing for {@code occurrences} decisions, the last of which was made at {@code lastTime} in
     * exchange {@code lastExchangeId}; the roles are taken over as they are (no copy).
     */
    AuditEvent mergedWith(int occurrences, Instant lastTime, String lastExchangeId) {
        return new AuditEvent(time, credential, operation, routeId, exchangeId, principal, roles, process, resource,
                outcome, reason, occurrences, lastTime, lastExchangeId, access);
    }
}
