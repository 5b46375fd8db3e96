package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.EncryptedValue;
import io.camelksm.crypto.KsmCryptoException;
import io.camelksm.crypto.SecretCipher;
import io.camelksm.crypto.SecretLocation;

/**
 * Moves stored secret values written by an older scheme to the current scheme, one batch per transaction.
 * <p>
 * Concurrency is optimistic: a batch reads outdated values without locking them, re-encrypts them, then writes each
 * only if its row still holds the very scheme id and ciphertext it read (compare-and-set; every ciphertext is unique
 * because of its random IV). A credential update or a second re-encryptor that got there first makes the write match
 * no row, and the value it wrote stays: nothing is lost, nothing is done twice. This works alike on H2 and
 * PostgreSQL, holds no lock while decrypting, and never blocks or fails a live update; {@code SELECT ... FOR UPDATE
 * SKIP LOCKED} would only spare a second re-encryptor some wasted work, which is rare (one runs per rotation).
 * The credential's version is left alone: the secrets keep their values, so no writer holding the credential is
 * refused as stale because of a re-encryption.
 */
public final class JdbcReencryptor {

    /** The two tables that hold secret values, with their key column besides credential_id. */
    private enum ValueTable {
        FIELD("credential_field", "field_name"),
        PROPERTY("credential_property", "property_name");

        final String table;
        final String nameColumn;

        ValueTable(String table, String nameColumn) {
            this.table = table;
            this.nameColumn = nameColumn;
        }

        SecretLocation location(CredentialName credential, String name) {
            if (this == PROPERTY) {
                return SecretLocation.property(credential, name);
            }
            CredentialField field = CredentialField.byName(name).orElseThrow(() -> new KsmCryptoException(
                    "Credential '" + credential + "' has a field '" + name
                    + "', which this version of camel-ksm does not know: cannot re-encrypt it"));
            return SecretLocation.field(credential, field);
        }
    }

    /**
     * Where a run is: after this row (table, credential id, value name) in primary-key order. Walking the keys spares
     * each batch a scan of the rows already done; a value written by an older scheme behind the position (a node that
     * has not seen the new default yet) is left to the next run, which the remaining count announces.
     */
    public record Position(int table, long credentialId, String name) {

        public static final Position START = new Position(0, Long.MIN_VALUE, "");
    }

    /**
     * What one batch did: rows it read as outdated, of those the rows it re-encrypted (the others moved on), and where
     * the next batch starts.
     */
    public record Batch(int rowsRead, int rowsReencrypted, Position next) {
    }

    private record OutdatedValue(long credentialId, String name, CredentialName credential, EncryptedValue stored) {
    }

    private static final int MAX_ATTEMPTS = 5;

    private final Jdbc jdbc;
    private final SecretCipher cipher;

    public JdbcReencryptor(DataSource dataSource, SecretCipher cipher) {
        this.jdbc = new Jdbc(dataSource);
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** The scheme every value is moved to. */
    public String currentSchemeId() {
        return cipher.schemes().current().id();
    }

    /** How many stored values an older scheme wrote (fields and properties). */
    public long countOutdated() {
        String current = currentSchemeId(); // one default for both tables
        try {
            return jdbc.withConnection(c -> count(c, ValueTable.FIELD, current)
                                            + count(c, ValueTable.PROPERTY, current));
        } catch (SQLException e) {
            throw Jdbc.failure("counting the values to re-encrypt", e);
        }
    }

    private static long count(Connection c, ValueTable table, String currentSchemeId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM " + table.table
                + " WHERE scheme_id IS NOT NULL AND scheme_id <> ?")) {
            select.setString(1, currentSchemeId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Re-encrypts up to {@code batchSize} outdated values after {@code from} in one transaction: fields first, then
     * properties. {@code rowsRead == 0} means nothing was left after it.
     */
    public Batch reencryptBatch(int batchSize, Position from) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, was " + batchSize);
        }
        for (int attempt = 1; ; attempt++) {
            // one registry for the whole batch, even if the default scheme changes meanwhile
            SecretCipher batchCipher = new SecretCipher(cipher.schemes());
            try {
                return jdbc.inTransaction(c -> {
                    ValueTable[] tables = ValueTable.values();
                    for (int t = from.table(); t < tables.length; t++) {
                        Position after = t == from.table() ? from : new Position(t, Long.MIN_VALUE, "");
                        List<OutdatedValue> outdated = selectOutdated(c, tables[t], after, batchSize, batchCipher);
                        if (!outdated.isEmpty()) {
                            OutdatedValue last = outdated.get(outdated.size() - 1);
                            return new Batch(outdated.size(), reencrypt(c, tables[t], outdated, batchCipher),
                                    new Position(t, last.credentialId(), last.name()));
                        }
                    }
                    return new Batch(0, 0, from);
                });
            } catch (SQLException e) {
                // a live write held one of the rows (H2 reports its concurrent update): the batch is read again
                if (!Jdbc.isConcurrencyConflict(e) || attempt == MAX_ATTEMPTS) {
                    throw Jdbc.failure("re-encrypting a batch of values", e);
                }
            }
        }
    }

    private static List<OutdatedValue> selectOutdated(Connection c, ValueTable table, Position after, int limit,
                                                      SecretCipher cipher) throws SQLException {
        List<OutdatedValue> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT v.credential_id, v." + table.nameColumn
                + ", v.scheme_id, v.ciphertext, c.name FROM " + table.table + " v JOIN credential c ON c.id ="
                + " v.credential_id WHERE (v.credential_id, v." + table.nameColumn + ") > (?, ?)"
                + " AND v.scheme_id IS NOT NULL AND v.scheme_id <> ?"
                + " ORDER BY v.credential_id, v." + table.nameColumn + " FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setLong(1, after.credentialId());
            select.setString(2, after.name());
            select.setString(3, cipher.schemes().current().id());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutdatedValue(rs.getLong(1), rs.getString(2), CredentialName.of(rs.getString(5)),
                            EncryptedValue.of(rs.getString(3), rs.getString(4))));
                }
            }
        }
        return rows;
    }

    private static int reencrypt(Connection c, ValueTable table, List<OutdatedValue> rows, SecretCipher cipher)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table.table + " SET scheme_id = ?,"
                + " ciphertext = ? WHERE credential_id = ? AND " + table.nameColumn + " = ? AND scheme_id = ?"
                + " AND ciphertext = ?")) {
            for (OutdatedValue row : rows) {
                SecretLocation where = table.location(row.credential(), row.name());
                Secret plain = cipher.decrypt(where, row.stored());
                EncryptedValue fresh;
                try {
                    fresh = cipher.encrypt(where, plain);
                } finally {
                    plain.destroy();
                }
                update.setString(1, fresh.schemeId());
                update.setString(2, fresh.payloadBase64());
                update.setLong(3, row.credentialId());
                update.setString(4, row.name());
                update.setString(5, row.stored().schemeId());
                update.setString(6, row.stored().payloadBase64());
                update.addBatch();
            }
            int done = 0;
            for (int count : update.executeBatch()) {
                done += count > 0 ? 1 : 0;
            }
            return done;
        }
    }
}
