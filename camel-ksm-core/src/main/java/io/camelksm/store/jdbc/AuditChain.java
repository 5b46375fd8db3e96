package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Appends rows to the audit trail's MAC chain. Each append locks the single chain head row ({@code SELECT ... FOR
 * UPDATE}), so writers in several threads or on several nodes take turns and the chain never forks; a batch takes the
 * lock once and is chained row by row. The caller runs {@link #append} in a transaction, which releases the lock.
 */
final class AuditChain {

    private static final String LOCK_HEAD = "SELECT last_seq, last_mac FROM audit_chain_head WHERE id = 1 FOR UPDATE";
    private static final String UPDATE_HEAD = "UPDATE audit_chain_head SET last_seq = ?, last_mac = ? WHERE id = 1";
    private static final String INSERT = "INSERT INTO audit_event (" + AuditColumns.NAMES + ", chain_seq, chain_mac)"
                                         + " VALUES (" + "?, ".repeat(AuditColumns.ALL.size()) + "?, ?)";

    private final AuditMac mac;

    AuditChain(AuditMac mac) {
        this.mac = Objects.requireNonNull(mac, "audit MAC");
    }

    /** Inserts the rows (stored values, see {@link AuditColumns#values}) in this order, each chained to the one before. */
    void append(Connection c, List<Object[]> rows) throws SQLException {
        long seq;
        byte[] previous;
        try (PreparedStatement lock = c.prepareStatement(LOCK_HEAD); ResultSet rs = lock.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_chain_head has no row: the audit chain cannot continue (it was deleted"
                                       + " from the database; restore it from the newest chained audit_event row)",
                        "55000");
            }
            seq = rs.getLong("last_seq");
            String lastMac = rs.getString("last_mac");
            previous = seq == 0 ? AuditMac.GENESIS : AuditMac.parse(lastMac);
            if (previous == null) {
                throw new SQLException("audit_chain_head holds no valid MAC for seq " + seq
                                       + ": the audit chain cannot continue", "55000");
            }
        }
        AuditMac.Calculator calculator = mac.calculator();
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            int n = AuditColumns.ALL.size();
            for (Object[] row : rows) {
                seq++;
                previous = calculator.mac(previous, seq, row);
                AuditColumns.bind(insert, 1, row);
                insert.setLong(n + 1, seq);
                insert.setString(n + 2, AuditMac.hex(previous));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement head = c.prepareStatement(UPDATE_HEAD)) {
            head.setLong(1, seq);
            head.setString(2, AuditMac.hex(previous));
            head.executeUpdate();
        }
    }
}
