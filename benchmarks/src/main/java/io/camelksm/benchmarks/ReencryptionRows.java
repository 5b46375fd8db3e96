package io.camelksm.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's floor: the reads and writes re-encryption needs, without any cryptography. Walks (by key: each batch
 * starts where the last one ended, an index range scan) the encrypted fields of {@code credential_field} in
 * primary-key order, one batch per transaction, and writes each row back unchanged, as a compare-and-set on the value
 * it read (as {@code JdbcReencryptor} writes).
 */
final class ReencryptionRows {

    /** One encrypted field as read: where it is, and its scheme and ciphertext (Base64). */
    record Row(long credentialId, String credentialName, String fieldName, String schemeId, String ciphertext) {
    }

    private static final String SELECT = "SELECT f.credential_id, c.name, f.field_name, f.scheme_id, f.ciphertext"
            + " FROM credential_field f JOIN credential c ON c.id = f.credential_id"
            + " WHERE f.scheme_id IS NOT NULL AND f.scheme_id <> ?"
            + " AND (f.credential_id, f.field_name) > (?, ?)"
            + " ORDER BY f.credential_id, f.field_name LIMIT ?";
    private static final String UPDATE = "UPDATE credential_field SET scheme_id = ?, ciphertext = ?"
            + " WHERE credential_id = ? AND field_name = ? AND scheme_id = ? AND ciphertext = ?";

    private final Connection connection;

    /** @param connection a connection of its own; its auto-commit is switched off */
    ReencryptionRows(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    /**
     * Writes back every encrypted field whose scheme is not {@code targetSchemeId}, in batches of {@code batchSize}.
     *
     * @return the rows written (a row changed meanwhile by someone else is skipped, not counted)
     */
    long rewriteAll(String targetSchemeId, int batchSize) throws SQLException {
        long written = 0;
        long lastId = -1;
        String lastField = "";
        try (PreparedStatement select = connection.prepareStatement(SELECT);
             PreparedStatement update = connection.prepareStatement(UPDATE)) {
            while (true) {
                List<Row> batch = readBatch(select, targetSchemeId, lastId, lastField, batchSize);
                if (batch.isEmpty()) {
                    connection.commit(); // ends the read's transaction: it would hold its locks
                    return written;
                }
                for (Row row : batch) {
                    update.setString(1, row.schemeId());
                    update.setString(2, row.ciphertext());
                    update.setLong(3, row.credentialId());
                    update.setString(4, row.fieldName());
                    update.setString(5, row.schemeId());
                    update.setString(6, row.ciphertext());
                    update.addBatch();
                }
                for (int count : update.executeBatch()) {
                    written += count == PreparedStatement.SUCCESS_NO_INFO ? 1 : count;
                }
                connection.commit();
                Row last = batch.get(batch.size() - 1);
                lastId = last.credentialId();
                lastField = last.fieldName();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static List<Row> readBatch(PreparedStatement select, String targetSchemeId, long lastId, String lastField,
                                       int batchSize) throws SQLException {
        select.setString(1, targetSchemeId);
        select.setLong(2, lastId);
        select.setString(3, lastField);
        select.setInt(4, batchSize);
        List<Row> batch = new ArrayList<>(batchSize);
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                batch.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return batch;
    }
}
