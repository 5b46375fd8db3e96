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

    /** What one batch did: rows it read as outdated, and of those the rows it re-encrypted (the others moved on). */
    public record Batch(int rowsRead, int rowsReencrypted) {
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
        try {
            return jdbc.withConnection(c -> count(c, ValueTable.FIELD) + count(c, ValueTable.PROPERTY));
        } catch (SQLException e) {
            throw Jdbc.failure("counting the values to re-encrypt", e);
        }
    }

    private long count(Connection c, ValueTable table) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM " + table.table
                + " WHERE scheme_id IS NOT NULL AND scheme_id <> ?")) {
            select.setString(1, currentSchemeId());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Re-encrypts up to {@code batchSize} outdated values in one transaction: fields first, then properties.
     * {@code rowsRead == 0} means nothing was left.
     */
    public Batch reencryptBatch(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, was " + batchSize);
        }
        for (int attempt = 1; ; attempt++) {
            // one registry for the whole batch, even if the default scheme changes meanwhile
            SecretCipher batchCipher = new SecretCipher(cipher.schemes());
            try {
                return jdbc.inTransaction(c -> {
                    for (ValueTable table : ValueTable.values()) {
                        List<OutdatedValue> outdated = selectOutdated(c, table, batchSize, batchCipher);
                        if (!outdated.isEmpty()) {
                            return new Batch(outdated.size(), reencrypt(c, table, outdated, batchCipher));
                        }
                    }
                    return new Batch(0, 0);
                });
            } catch (SQLException e) {
                // a live write held one of the rows (H2 reports its concurrent update): the batch is read again
                if (!Jdbc.isConcurrencyConflict(e) || attempt == MAX_ATTEMPTS) {
                    throw Jdbc.failure("re-encrypting a batch of values", e);
                }
            }
        }
    }

    private static List<OutdatedValue> selectOutdated(Connection c, ValueTable table, int limit, SecretCipher cipher)
            throws SQLException {
        List<OutdatedValue> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT v.credential_id, v." + table.nameColumn
                + ", v.scheme_id, v.ciphertext, c.name FROM " + table.table + " v JOIN credential c ON c.id ="
                + " v.credential_id WHERE v.scheme_id IS NOT NULL AND v.scheme_id <> ?"
                + " ORDER BY v.credential_id, v." + table.nameColumn + " FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setString(1, cipher.schemes().current().id());
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
