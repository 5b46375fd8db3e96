package io.camelksm.store.jdbc;

import java.util.Optional;

/**
 * What {@code verify} found in the audit trail's MAC chain.
 *
 * @param legacyRows   rows written before the chain started (schema migration V5): they carry no MAC
 * @param chainedRows  chained rows checked (all of them when intact; up to the problem otherwise)
 * @param lastSeq      the sequence number of the last row checked, 0 if none
 * @param lastMac      that row's MAC (hex), or null; record it elsewhere to detect later deletion of the newest rows
 * @param firstProblem the first gap, change or reorder, or null when the chain is intact
 */
public record AuditVerification(long legacyRows, long chainedRows, long lastSeq, String lastMac,
                                Problem firstProblem) {

    /** What kind of tampering a problem shows. */
    public enum Kind {
        /** Sequence numbers are missing: rows were deleted. */
        GAP,
        /** A row does not match its MAC: its content, sequence number or MAC was changed, or a row was forged. */
        CHANGED,
        /** Rows are stored out of their chain order (swapped), or a sequence number occurs twice. */
        REORDERED,
        /** A row without a MAC was inserted after the chain started, bypassing camel-ksm. */
        UNCHAINED,
        /** The chain head records newer rows than the table holds: the newest rows were deleted. */
        TRUNCATED
    }

    /**
     * @param kind        what was found
     * @param seq         the sequence number at which the chain breaks
     * @param id          the {@code audit_event.id} of the offending row, or null when the row is missing
     * @param description what was found, in words
     */
    public record Problem(Kind kind, long seq, Long id, String description) {
    }

    public boolean intact() {
        return firstProblem == null;
    }

    public Optional<Problem> problem() {
        return Optional.ofNullable(firstProblem);
    }
}
