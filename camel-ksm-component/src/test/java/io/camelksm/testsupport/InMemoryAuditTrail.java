package io.camelksm.testsupport;

import java.util.ArrayList;
import java.util.List;

import io.camelksm.access.AuditEvent;
import io.camelksm.access.AuditTrail;

/** Test-only append-only audit trail in memory. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public synchronized List<AuditEvent> tail(int count) {
        return List.copyOf(events.subList(Math.max(0, events.size() - count), events.size()));
    }
}
