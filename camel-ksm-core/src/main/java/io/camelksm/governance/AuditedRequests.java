package io.camelksm.governance;

import io.camelksm.access.AccessMode;
import io.camelksm.access.Caller;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.access.KsmSendRefusedException;
import io.camelksm.access.KsmWriteRefusedException;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;

import io.camelksm.credential.CredentialName;

/**
 * Runs a request of {@link GovernedCredentials} and records its outcome in the audit trail: granted when the action
 * returns, denied when an access right or a write scope refused it, failed otherwise. The exception goes on to the
 * caller unchanged.
 */
final class AuditedRequests {

    private final AuditTrail audit;
    private final Clock clock;
    private final DecisionCounts counts = new DecisionCounts();

    AuditedRequests(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The decisions recorded so far, by outcome and operation. */
    DecisionCounts counts() {
        return counts;
    }

    /** Administration on an operator's behalf: no access right is checked. */
    <T> T run(CredentialName name, String operation, Caller caller, String routeId, Action<T> action,
              String success) {
        return run(null, name, operation, caller, routeId, action, success, null);
    }

    <T> T run(CredentialName name, String operation, Caller caller, String routeId, Action<T> action,
              String success, AccessMode access) {
        return run(null, name, operation, caller, routeId, action, success, access);
    }

    /**
     * @param decidedAt the time to record, or null for the time the action ends
     * @param access    the right checked (recorded in the audit event), or null for administration
     */
    <T> T run(Instant decidedAt, CredentialName name, String operation, Caller caller, String routeId,
              Action<T> action, String success, AccessMode access) {
        try {
            T result = action.run();
            record(decidedAt, name, operation, caller, routeId, AuditOutcome.GRANTED, success, access);
            return result;
        } catch (RuntimeException e) {
            throw refused(decidedAt, name, operation, caller, routeId, e, access);
        }
    }

    /** Audits a request that was denied or failed, and gives back the exception for the caller to throw. */
    RuntimeException refused(Instant decidedAt, CredentialName name, String operation, Caller caller,
                             String routeId, RuntimeException e, AccessMode access) {
        if (e instanceof KsmSendRefusedException refusedSend) {
            record(decidedAt, name, operation, caller, routeId, AuditOutcome.DENIED,
                    "refused sending to host '" + refusedSend.getHost() + "': " + refusedSend.getMessage(), access);
        } else if (e instanceof KsmWriteRefusedException refusedWrite) {
            record(decidedAt, name, operation, caller, routeId, AuditOutcome.DENIED,
                    "refused " + refusedWrite.getRefusedParts() + ": " + refusedWrite.getMessage(), access);
        } else if (e instanceof KsmAccessDeniedException denied) {
            record(decidedAt, name, operation, caller, routeId, AuditOutcome.DENIED,
                    "denied by " + denied.getFailedRestrictions() + ": " + denied.getMessage(), access);
        } else {
            record(decidedAt, name, operation, caller, routeId, AuditOutcome.FAILED,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), access);
        }
        return e;
    }

    void record(Instant decidedAt, CredentialName name, String operation, Caller caller, String routeId,
                AuditOutcome outcome, String reason, AccessMode access) {
        audit.record(AuditEvent.of(decidedAt == null ? clock.instant() : decidedAt, name.value(), operation, routeId,
                caller, outcome, reason, access));
        counts.count(outcome, operation); // after the record: a decision the trail refused was not made
    }

    /** What a request does once it is let through; its exception is audited and rethrown. */
    @FunctionalInterface
    interface Action<T> {
        T run();
    }
}
