package io.camelksm.audit;

/**
 * Whether the audit trail can record decisions, for health checks: {@code UP} records and writes the database;
 * {@code DEGRADED} records (in the journal) but the database writer is failing or behind; {@code DOWN} cannot record, so
 * every request is refused.
 *
 * @param state   UP, DEGRADED or DOWN
 * @param detail  what is wrong, in words (never a secret), or a short description when all is well
 * @param pending events recorded in the journal and not yet in the database
 */
public record AuditHealth(State state, String detail, long pending) {

    public enum State {
        UP, DEGRADED, DOWN
    }

    /** Whether decisions can be recorded, so that requests are served. */
    public boolean canRecord() {
        return state != State.DOWN;
    }

    public static AuditHealth up(String detail) {
        return new AuditHealth(State.UP, detail, 0);
    }
}
