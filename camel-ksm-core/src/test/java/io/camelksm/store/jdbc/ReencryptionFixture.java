package io.camelksm.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.SchemeAlgorithm;

/**
 * A database whose values were written by the original scheme ({@link KsmDatabase#DEFAULT_SCHEME_ID}, key file
 * {@code ksm.key}) and that then got a second AES-256-GCM scheme {@value #NEW_SCHEME_ID} with its key in the database
 * (key location DATABASE, wrapped by the key file) as its default: the state before {@code ksm-admin reencrypt}. A
 * child JVM given the same URL and directory opens the same database, as another node would.
 */
final class ReencryptionFixture implements AutoCloseable {

    static final String NEW_SCHEME_ID = "db-key-2";

    private final String jdbcUrl;
    private final KsmDatabase database;
    /** For the test's own SQL (counts, tampering): the database's pool is its own. */
    private final ConnectionPool pool;

    private ReencryptionFixture(String jdbcUrl, KsmDatabase database, ConnectionPool pool) {
        this.jdbcUrl = jdbcUrl;
        this.database = database;
        this.pool = pool;
    }

    /**
     * Creates the database at the URL with {@code count} BASIC credentials "Cred-i", each with a password and a secret
     * property (two encrypted values), written by the original scheme; then makes the new scheme the default.
     */
    static void seed(String jdbcUrl, Path directory, int count) {
        try (KsmDatabase db = KsmDatabase.open(settings(jdbcUrl, directory))) {
            for (int i = 0; i < count; i++) {
                db.credentials().create(credential(i));
            }
            db.schemes().create(NEW_SCHEME_ID, SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE);
            db.schemes().setDefault(NEW_SCHEME_ID);
        }
    }

    private static DatabaseSettings settings(String jdbcUrl, Path directory) {
        return new DatabaseSettings(jdbcUrl, null, null, directory.resolve("ksm.key"))
                .withConnectionTimeout(Duration.ofSeconds(2));
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

    /** Opens the seeded database (its default: the new scheme). */
    static ReencryptionFixture open(String jdbcUrl, Path directory) {
        DatabaseSettings settings = settings(jdbcUrl, directory);
        KsmDatabase database = KsmDatabase.open(settings);
        try {
            return new ReencryptionFixture(jdbcUrl, database,
                    ConnectionPool.open(settings, DatabaseVendor.of(jdbcUrl)));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    DataSource dataSource() {
        return pool.dataSource();
    }

    /** The database's re-encryptor; each call a new one. */
    JdbcReencryptor reencryptor() {
        return database.reencryptor();
    }

    /** The credential store: reads every scheme, writes the new one. */
    CredentialStore credentials() {
        return database.credentials();
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
            database.close();
        } finally {
            pool.close();
        }
    }
}
