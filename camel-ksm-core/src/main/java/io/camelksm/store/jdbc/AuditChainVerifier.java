package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;

import io.camelksm.store.jdbc.AuditVerification.Kind;
import io.camelksm.store.jdbc.AuditVerification.Problem;

/**
 * Walks the audit trail's MAC chain in sequence order and finds the first place where it breaks: a missing sequence
 * number (deleted rows), a row that does not match its MAC (changed or forged), rows stored out of order (swapped), a
 * row without a MAC after the chain started (inserted behind camel-ksm's back), or fewer rows than the chain head
 * records (newest rows deleted). Rows from before the chain (no MAC, lower ids) are counted as legacy rows.
 * <p>
 * Row ids must grow with the sequence numbers: appends take their ids while holding the chain head lock, which holds
 * as long as the identity sequence of {@code audit_event.id} hands out ids in order (PostgreSQL's default CACHE 1).
 * <p>
 * What it cannot see alone: whoever deletes the newest rows and also rewinds the chain head leaves a shorter, valid
 * chain. Compare {@link AuditVerification#lastSeq()} with one recorded earlier, outside the database.
 */
final class AuditChainVerifier {

    private static final String HEAD = "SELECT last_seq, last_mac FROM audit_chain_head WHERE id = 1";
    private static final String CHAIN_START = "SELECT MIN(id) FROM audit_event WHERE chain_seq IS NOT NULL";
    private static final String LEGACY = "SELECT COUNT(*) FROM audit_event WHERE chain_seq IS NULL AND id < ?";
    private static final String FIRST_UNCHAINED = "SELECT MIN(id) FROM audit_event WHERE chain_seq IS NULL AND id > ?";
    private static final String SEQ_BEFORE = "SELECT MAX(chain_seq) FROM audit_event WHERE id < ?";
    private static final String CHAIN = "SELECT id, chain_seq, chain_mac, " + AuditColumns.NAMES
                                        + " FROM audit_event WHERE chain_seq IS NOT NULL ORDER BY chain_seq";
    private static final int FETCH_SIZE = 500;

    private final AuditMac mac;

    AuditChainVerifier(AuditMac mac) {
        this.mac = Objects.requireNonNull(mac, "audit MAC");
    }

    /** Run in one transaction (PostgreSQL streams the rows only inside one). */
    AuditVerification verify(Connection c) throws SQLException {
        // the head first: rows appended while we read only make the table longer than the head says, never shorter
        long headSeq = 0;
        String headMac = null;
        try (PreparedStatement s = c.prepareStatement(HEAD); ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                headSeq = rs.getLong(1);
                headMac = rs.getString(2);
            }
        }
        Long chainStart = selectLong(c, CHAIN_START, null);
        long legacy = selectLong(c, chainStart == null ? "SELECT COUNT(*) FROM audit_event" : LEGACY, chainStart);
        Problem unchained = chainStart == null ? null : firstUnchained(c, chainStart);

        long expected = 1;
        long previousId = Long.MIN_VALUE;
        byte[] previous = AuditMac.GENESIS;
        String previousHex = null;
        Problem problem = null;
        AuditMac.Calculator calculator = mac.calculator();
        try (PreparedStatement s = c.prepareStatement(CHAIN)) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery()) {
                while (problem == null && rs.next()) {
                    long id = rs.getLong("id");
                    long seq = rs.getLong("chain_seq");
                    String storedMac = rs.getString("chain_mac");
                    problem = check(calculator, expected, previousId, previous, id, seq, storedMac,
                            AuditColumns.read(rs));
                    if (problem == null) {
                        previous = AuditMac.parse(storedMac);
                        previousHex = storedMac;
                        previousId = id;
                        expected++;
                    }
                }
            }
        }
        long last = expected - 1;
        if (problem == null && headSeq > last) {
            problem = new Problem(Kind.TRUNCATED, last + 1, null, "the chain head records seq " + headSeq
                      + ", but the trail ends at seq " + last + ": the newest rows (seq " + (last + 1) + ".." + headSeq
                      + ") were deleted");
        } else if (problem == null && headSeq == last && last > 0 && !previousHex.equalsIgnoreCase(headMac)) {
            problem = new Problem(Kind.CHANGED, last, null, "the chain head's MAC for seq " + last
                      + " differs from the row's: the newest row was replaced");
        }
        if (unchained != null && (problem == null || unchained.seq() < problem.seq())) {
            problem = unchained;
        }
        return new AuditVerification(legacy, last, last, previousHex, problem);
    }

    private static Problem check(AuditMac.Calculator calculator, long expected, long previousId, byte[] previous,
                                 long id, long seq, String storedMac, Object[] values) {
        if (seq > expected) {
            return new Problem(Kind.GAP, expected, id, "seq " + range(expected, seq - 1) + " missing: the row after seq "
                               + (expected - 1) + " is seq " + seq + " (id " + id + "); rows were deleted");
        }
        if (seq < expected) {
            return new Problem(Kind.REORDERED, seq, id, "seq " + seq + " occurs twice (again at id " + id + ")");
        }
        if (id < previousId) {
            return new Problem(Kind.REORDERED, seq, id, "seq " + seq + " is stored at id " + id + ", before seq "
                               + (seq - 1) + " at id " + previousId + ": rows were swapped or re-inserted");
        }
        byte[] computed = calculator.mac(previous, seq, values);
        boolean matches = AuditMac.matches(computed, storedMac);
        Arrays.fill(computed, (byte) 0);
        if (!matches) {
            return new Problem(Kind.CHANGED, seq, id, "seq " + seq + " (id " + id + ") does not match its MAC: the row"
                               + " was changed, forged, or does not follow seq " + (seq - 1));
        }
        return null;
    }

    private static Problem firstUnchained(Connection c, long chainStart) throws SQLException {
        Long id = selectLong(c, FIRST_UNCHAINED, chainStart);
        if (id == null) {
            return null;
        }
        Long before = selectLong(c, SEQ_BEFORE, id);
        long seq = (before == null ? 0 : before) + 1;
        return new Problem(Kind.UNCHAINED, seq, id, "row id " + id + " has no MAC but comes after seq " + (seq - 1)
                           + ": it was inserted outside camel-ksm");
    }

    private static String range(long from, long to) {
        return from == to ? String.valueOf(from) : from + ".." + to;
    }

    private static Long selectLong(Connection c, String sql, Long parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setLong(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long value = rs.getLong(1);
                return rs.wasNull() ? null : value;
            }
        }
    }
}
