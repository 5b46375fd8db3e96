package io.camelksm.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.AesGcmScheme;
import io.camelksm.crypto.KeyFile;
import io.camelksm.crypto.SchemeRegistry;
import io.camelksm.crypto.SecretCipher;

/**
 * A database whose values were written by the original scheme ({@link KsmDatabase#DEFAULT_SCHEME_ID}, key file
 * {@code ksm.key}) and a second AES-256-GCM scheme {@value #NEW_SCHEME_ID} (key file {@code new.key}) that is current
 * for the stores this fixture hands out, the original one kept to read. Both key files live in one directory, so a
 * child JVM given the same URL and directory sees the same schemes.
 */
final class ReencryptionFixture implements AutoCloseable {

    static final String NEW_SCHEME_ID = "aes256-gcm-test-2";

    private final String jdbcUrl;
    private final ConnectionPool pool;
    private final SchemeRegistry schemes;

    private ReencryptionFixture(String jdbcUrl, ConnectionPool pool, SchemeRegistry schemes) {
        this.jdbcUrl = jdbcUrl;
        this.pool = pool;
        this.schemes = schemes;
    }

    /**
     * Creates the database at the URL and seeds it through {@link KsmDatabase} (original scheme): {@code count}
     * BASIC credentials "Cred-i", each with a password and a secret property (two encrypted values).
     */
    static void seed(String jdbcUrl, Path directory, int count) throws SQLException {
        try (KsmDatabase db = KsmDatabase.open(new DatabaseSettings(jdbcUrl, null, null, directory.resolve("ksm.key")))) {
            for (int i = 0; i < count; i++) {
                db.credentials().create(credential(i));
            }
        }
        try (ConnectionPool pool = pool(jdbcUrl, directory);
             Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO encryption_scheme (id, name, algorithm, key_location, available, created_at)"
                            + " VALUES ('" + NEW_SCHEME_ID + "', 'test key 2', 'AES/GCM/NoPadding', 'SERVER_KEY_FILE',"
                            + " TRUE, CURRENT_TIMESTAMP)");
        }
        new KeyFile(directory.resolve("new.key")).loadOrCreate();
    }

    static Credential credential(int i) {
        return Credential.builder("Cred-" + i, CredentialType.BASIC)
                .field(CredentialField.USERNAME, "user-" + i)
                .secret(CredentialField.PASSWORD, Secret.of(password(i)))
                .property(new CredentialProperty("apiKey", Secret.of(apiKey(i)), true))
                .build();
    }

    static String password(int i) {
        return "pw-" + i + "-\u00e9\u20ac";
    }

    static String apiKey(int i) {
        return "key-" + i;
    }

    /** Opens the seeded database with the new scheme current. */
    static ReencryptionFixture open(String jdbcUrl, Path directory) {
        byte[] oldKey = new KeyFile(directory.resolve("ksm.key")).load();
        byte[] newKey = new KeyFile(directory.resolve("new.key")).load();
        try {
            SchemeRegistry schemes = new SchemeRegistry(new AesGcmScheme(NEW_SCHEME_ID, newKey),
                    List.of(new AesGcmScheme(KsmDatabase.DEFAULT_SCHEME_ID, oldKey)));
            return new ReencryptionFixture(jdbcUrl, pool(jdbcUrl, directory), schemes);
        } finally {
            Arrays.fill(oldKey, (byte) 0);
            Arrays.fill(newKey, (byte) 0);
        }
    }

    /** The pool production opens for this URL (HikariCP on PostgreSQL), with a short connection timeout. */
    private static ConnectionPool pool(String jdbcUrl, Path directory) {
        DatabaseSettings settings = new DatabaseSettings(jdbcUrl, null, null, directory.resolve("ksm.key"))
                .withConnectionTimeout(Duration.ofSeconds(2));
        return ConnectionPool.open(settings, DatabaseVendor.of(jdbcUrl));
    }

    DataSource dataSource() {
        return pool.dataSource();
    }

    /** A re-encryptor moving values to the new scheme; each call a new one, as on another node. */
    JdbcReencryptor reencryptor() {
        return new JdbcReencryptor(pool.dataSource(), new SecretCipher(schemes));
    }

    /** The credential store as a node with the new scheme current sees it: reads both, writes the new one. */
    JdbcCredentialStore credentials() {
        return new JdbcCredentialStore(pool.dataSource(), new SecretCipher(schemes), Clock.systemUTC());
    }

    /** How many rows the credential tables hold, as "credentials/fields/properties". */
    String rowCounts() throws SQLException {
        StringBuilder counts = new StringBuilder();
        try (Connection c = pool.dataSource().getConnection()) {
            for (String table : List.of("credential", "credential_field", "credential_property")) {
                try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                     ResultSet rs = select.executeQuery()) {
                    rs.next();
                    counts.append(counts.length() == 0 ? "" : "/").append(rs.getLong(1));
                }
            }
        }
        return counts.toString();
    }

    /** How many encrypted values each scheme holds, e.g. {@code {aes256-gcm-file-1=3, aes256-gcm-test-2=5}}. */
    Map<String, Long> valuesPerScheme() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = pool.dataSource().getConnection()) {
            for (String table : List.of("credential_field", "credential_property")) {
                try (PreparedStatement select = c.prepareStatement("SELECT scheme_id, COUNT(*) FROM " + table
                        + " WHERE scheme_id IS NOT NULL GROUP BY scheme_id");
                     ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
                    }
                }
            }
        }
        return counts;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        try {
            schemes.close();
        } finally {
            pool.close();
        }
    }
}
