package io.camelksm.access;

import java.util.List;

/** Append-only record of governed requests. There is deliberately no way to change or remove an entry. */
public interface AuditTrail {

    void record(AuditEvent event);

    /** The newest entries, oldest first. */
    List<AuditEvent> tail(int count);
}
