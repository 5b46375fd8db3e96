package io.camelksm.audit;

import java.util.List;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditTrail;

/**
 * A durable trail that keeps each journaled event's key (journal id and sequence), so that writing the journal into
 * it again after a crash inserts nothing twice.
 */
public interface SequencedAuditTrail extends AuditTrail {

    /**
     * Records the events of the journal, numbered {@code firstSequence}, {@code firstSequence + 1}, ..., all or none;
     * those the trail already holds are skipped.
     */
    void recordAll(String journalId, long firstSequence, List<AuditEvent> events);

    /**
     * Makes what was recorded so far survive a crash of this process (an embedded database may hold commits in memory
     * for a while). Called before journal files are deleted, so an event is always in one or the other.
     */
    void checkpoint();

    /**
     * The highest sequence of the journal this trail holds, or 0 when it holds none. {@code from} is a hint: the answer
     * is expected at or above it (looking there first is cheap), but is correct either way.
     */
    long lastSequence(String journalId, long from);
}
