package io.camelksm.audit;

import java.util.List;

/** Append-only record of governed requests. There is deliberately no way to change or remove an entry. */
public interface AuditTrail {

    void record(AuditEvent event);

    /**
     * Records the events in this order. A durable trail should write them all or none (one batch, one transaction),
     * so that a writer retrying after a failure never records an event twice.
     */
    default void recordAll(List<AuditEvent> events) {
        for (AuditEvent event : events) {
            record(event);
        }
    }

    /** The newest entries, oldest first. */
    List<AuditEvent> tail(int count);
}
