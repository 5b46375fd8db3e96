package io.camelksm.access;

import java.time.Instant;
import java.util.Set;

/**
 * One audited decision or change. Holds names and reasons, never a secret value.
 *
 * @param time       when it was decided
 * @param credential the credential name as asked for
 * @param operation  authorize, get, set, setProperty, create, update, delete, grant, revoke, ...
 * @param routeId    the Camel route, or null outside a route
 * @param exchangeId the exchange (session), or null outside a route
 * @param principal  the authenticated user or client, or null
 * @param roles      the caller's roles
 * @param process    the caller's process
 * @param resource   the caller's resource
 * @param outcome    granted, denied or failed
 * @param reason     why, in words
 */
public record AuditEvent(Instant time, String credential, String operation, String routeId, String exchangeId,
                         String principal, Set<String> roles, String process, String resource, AuditOutcome outcome,
                         String reason) {

    public AuditEvent {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static AuditEvent of(Instant time, String credential, String operation, String routeId, Caller caller,
                                AuditOutcome outcome, String reason) {
        return new AuditEvent(time, credential, operation, routeId, caller.session(), caller.principal(),
                caller.roles(), caller.process(), caller.resource(), outcome, reason);
    }
}
