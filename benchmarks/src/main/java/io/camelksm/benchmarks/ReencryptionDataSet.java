package io.camelksm.benchmarks;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.EncryptedValue;
import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.crypto.SecretCipher;
import io.camelksm.crypto.SecretLocation;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * The re-encryption benchmark's data: a camel-ksm database (opened, so migrated, by {@link KsmDatabase} with its key
 * file), a second scheme {@value #SECOND_SCHEME} (AES-256-GCM, key in the database) beside the default one, and BASIC
 * credentials {@code bench-<i>} whose password field is encrypted with the current default scheme exactly as the store
 * writes it (same associated data), so the store reads them.
 * The passwords follow from the index and a random salt, so every value can be checked after any number of runs.
 */
final class ReencryptionDataSet implements AutoCloseable {

    static final String SECOND_SCHEME = "bench-2";
    private static final int SEED_COMMIT_EVERY = 1_000;

    /** What a check of every value found. */
    record Check(long rows, long wrongValues, long onOtherScheme) {
    }

    private final String jdbcUrl;
    private final KsmDatabase database;
    private final SecretCipher cipher;
    private final String salt;
    private int seeded;

    ReencryptionDataSet(String jdbcUrl, Path keyFile) {
        this.jdbcUrl = jdbcUrl;
        this.database = KsmDatabase.open(new DatabaseSettings(jdbcUrl, null, null, keyFile));
        this.cipher = new SecretCipher(database.schemes()::registry);
        database.schemes().create(SECOND_SCHEME, SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE);
        byte[] saltBytes = new byte[6];
        new SecureRandom().nextBytes(saltBytes);
        this.salt = HexFormat.of().formatHex(saltBytes);
    }

    /** A new connection of its own to the data set's database. */
    Connection connection() throws SQLException {
        // PostgreSQL: the user is in the URL; H2: camel-ksm's pool uses "sa" when the settings name no user
        return jdbcUrl.startsWith("jdbc:h2:") ? DriverManager.getConnection(jdbcUrl, "sa", "")
                : DriverManager.getConnection(jdbcUrl);
    }

    KsmDatabase database() {
        return database;
    }

    /** The scheme that encrypts new values now. */
    String currentSchemeId() {
        return database.schemes().registry().current().id();
    }

    int size() {
        return seeded;
    }

    static CredentialName name(int index) {
        return CredentialName.of("bench-" + index);
    }

    String expectedPassword(int index) {
        return "pw-" + salt + "-" + index;
    }

    /** Adds credentials until the data set holds {@code total}, their passwords under the current scheme. */
    void seedUpTo(int total) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = connection();
             PreparedStatement credential = c.prepareStatement("INSERT INTO credential (id, name, name_key,"
                     + " credential_type, description, version, created_at, updated_at)"
                     + " VALUES (?, ?, ?, ?, '', 1, ?, ?)");
             PreparedStatement field = c.prepareStatement("INSERT INTO credential_field (credential_id, field_name,"
                     + " plain_value, scheme_id, ciphertext) VALUES (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = seeded; i < total; i++) {
                CredentialName name = name(i);
                long id = i + 1L;
                credential.setLong(1, id);
                credential.setString(2, name.value());
                credential.setString(3, name.key());
                credential.setString(4, CredentialType.BASIC.name());
                credential.setTimestamp(5, now);
                credential.setTimestamp(6, now);
                credential.addBatch();
                addField(field, id, CredentialField.USERNAME.fieldName(), "user-" + i, null);
                Secret password = Secret.of(expectedPassword(i));
                addField(field, id, CredentialField.PASSWORD.fieldName(), null,
                        cipher.encrypt(SecretLocation.field(name, CredentialField.PASSWORD), password));
                password.destroy();
                if ((i + 1) % SEED_COMMIT_EVERY == 0 || i + 1 == total) {
                    credential.executeBatch();
                    field.executeBatch();
                    c.commit();
                }
            }
            try (Statement s = c.createStatement()) {
                // the ids were given, so the identity must continue after them for the store's own inserts
                s.execute("ALTER TABLE credential ALTER COLUMN id RESTART WITH " + (total + 1L));
            }
            c.commit();
        }
        seeded = Math.max(seeded, total);
    }

    private static void addField(PreparedStatement field, long id, String fieldName, String plain,
                                 EncryptedValue encrypted) throws SQLException {
        field.setLong(1, id);
        field.setString(2, fieldName);
        field.setString(3, plain);
        field.setString(4, encrypted == null ? null : encrypted.schemeId());
        field.setString(5, encrypted == null ? null : encrypted.payloadBase64());
        field.addBatch();
    }

    /** Decrypts every password (with whichever scheme wrote it) and compares it with what was seeded. */
    Check checkAll(String expectedSchemeId) throws SQLException {
        long rows = 0;
        long wrong = 0;
        long other = 0;
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.id, c.name, f.scheme_id, f.ciphertext FROM credential_field f"
                     + " JOIN credential c ON c.id = f.credential_id WHERE f.field_name = 'password'")) {
            while (rs.next()) {
                rows++;
                int index = (int) (rs.getLong(1) - 1);
                String schemeId = rs.getString(3);
                Secret value = cipher.decrypt(SecretLocation.field(CredentialName.of(rs.getString(2)),
                        CredentialField.PASSWORD), EncryptedValue.of(schemeId, rs.getString(4)));
                if (!value.reveal().equals(expectedPassword(index))) {
                    wrong++;
                }
                value.destroy();
                if (!schemeId.equals(expectedSchemeId)) {
                    other++;
                }
            }
        }
        return new Check(rows, wrong, other);
    }

    @Override
    public void close() {
        database.close();
    }
}
