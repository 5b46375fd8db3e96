package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.KsmCryptoException;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.crypto.SchemeRegistry;
import io.camelksm.crypto.SecretCipher;

/**
 * Values of every algorithm in camel-ksm's real tables, on H2 and on PostgreSQL: the credential store writes with an
 * AES-256-CBC-HMAC-SHA256 scheme, reads a 3DES-CBC value taken over from {@code openssl enc} and moves it to the
 * current scheme when the credential is written. The schemes are registered by hand here; how the database opens
 * its schemes is the store's business.
 */
class SchemeAlgorithmsInDatabaseTest {

    // printf 'legacy p@ssw0rd – ünïcode' | openssl enc -des-ede3-cbc -K <KEY> -iv <IV> | base64  (OpenSSL 3.0)
    private static final String KEY = "4d2d07115e36703f4b75e638c08e42a1836b743c8cea6ec6";
    private static final String IV = "c79692fd3f6c6d0c";
    private static final String OPENSSL_OUTPUT = "sW7dj82a/4ukT784PLEAGV4hVntUs7D3qsMHyfb2bfc=";
    private static final String PLAINTEXT = "legacy p@ssw0rd – ünïcode";

    @TempDir
    Path tempDir;

    private final PostgresSchemas schemas = new PostgresSchemas();
    private SchemeRegistry registry;

    @AfterEach
    void cleanUp() throws SQLException {
        if (registry != null) {
            registry.close();
        }
        schemas.dropAll();
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void writesWithCbcHmacReadsLegacy3desAndMovesItOnTheNextWrite(String vendor) throws Exception {
        DataSource dataSource = migratedDatabase(vendor);
        byte[] cbcKey = SchemeAlgorithm.AES_256_CBC_HMAC_SHA256.generateKey();
        try (Connection c = dataSource.getConnection()) {
            registerScheme(c, "cbc-1", SchemeAlgorithm.AES_256_CBC_HMAC_SHA256);
            registerScheme(c, "legacy-3des", SchemeAlgorithm.DES_EDE3_CBC);
        }
        registry = new SchemeRegistry(SchemeAlgorithm.AES_256_CBC_HMAC_SHA256.open("cbc-1", cbcKey),
                List.of(SchemeAlgorithm.DES_EDE3_CBC.open("legacy-3des", HexFormat.of().parseHex(KEY))));
        Arrays.fill(cbcKey, (byte) 0);
        JdbcCredentialStore store = new JdbcCredentialStore(dataSource, new SecretCipher(registry), Clock.systemUTC());

        store.create(basic("Modern", "pw-ü-1"));
        store.create(basic("Legacy", "placeholder"));

        assertThat(store.find(CredentialName.of("Modern")).orElseThrow().secret(CredentialField.PASSWORD)
                .orElseThrow().reveal()).isEqualTo("pw-ü-1");
        try (Connection c = dataSource.getConnection()) {
            assertThat(passwordSchemes(c)).containsExactly("Legacy=cbc-1", "Modern=cbc-1");
            // the legacy system's value, as a migration would have copied it: IV in front of openssl's output
            byte[] iv = HexFormat.of().parseHex(IV);
            byte[] ciphertext = Base64.getDecoder().decode(OPENSSL_OUTPUT);
            byte[] payload = new byte[iv.length + ciphertext.length];
            System.arraycopy(iv, 0, payload, 0, iv.length);
            System.arraycopy(ciphertext, 0, payload, iv.length, ciphertext.length);
            setPassword(c, "Legacy", "legacy-3des", Base64.getEncoder().encodeToString(payload));
        }

        Credential legacy = store.find(CredentialName.of("Legacy")).orElseThrow();
        assertThat(legacy.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(PLAINTEXT);

        store.update(legacy.toBuilder().description("touched").build());

        try (Connection c = dataSource.getConnection()) {
            assertThat(passwordSchemes(c)).containsExactly("Legacy=cbc-1", "Modern=cbc-1");
        }
        assertThat(store.find(CredentialName.of("Legacy")).orElseThrow().secret(CredentialField.PASSWORD)
                .orElseThrow().reveal()).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void aCbcHmacValueCopiedToAnotherCredentialDoesNotDecrypt(String vendor) throws Exception {
        DataSource dataSource = migratedDatabase(vendor);
        byte[] cbcKey = SchemeAlgorithm.AES_256_CBC_HMAC_SHA256.generateKey();
        try (Connection c = dataSource.getConnection()) {
            registerScheme(c, "cbc-1", SchemeAlgorithm.AES_256_CBC_HMAC_SHA256);
        }
        registry = new SchemeRegistry(SchemeAlgorithm.AES_256_CBC_HMAC_SHA256.open("cbc-1", cbcKey));
        Arrays.fill(cbcKey, (byte) 0);
        JdbcCredentialStore store = new JdbcCredentialStore(dataSource, new SecretCipher(registry), Clock.systemUTC());
        store.create(basic("Victim", "victim-secret"));
        store.create(basic("Attacker", "attacker-secret"));

        try (Connection c = dataSource.getConnection()) {
            setPassword(c, "Attacker", "cbc-1", password(c, "Victim"));
        }

        assertThatThrownBy(() -> store.find(CredentialName.of("Attacker")))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("with scheme 'cbc-1'")
                .hasMessageNotContaining("victim-secret");
    }

    private static Credential basic(String name, String password) {
        return Credential.builder(name, CredentialType.BASIC).field(CredentialField.USERNAME, "alice")
                .secret(CredentialField.PASSWORD, Secret.of(password)).build();
    }

    /** A database migrated by camel-ksm itself, then used through a plain DataSource. */
    private DataSource migratedDatabase(String vendor) throws Exception {
        String url;
        DataSource dataSource;
        if (vendor.equals("h2")) {
            url = "jdbc:h2:file:" + tempDir.resolve("db/ksm");
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(ConnectionPool.H2_DEFAULT_USER);
            dataSource = h2;
        } else {
            url = newPostgresSchemaUrl();
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            dataSource = postgres;
        }
        KsmDatabase.open(new DatabaseSettings(url, null, null, tempDir.resolve("keys/ksm.key"))).close();
        return dataSource;
    }

    private String newPostgresSchemaUrl() throws SQLException {
        PostgresSchemas.requireServerInCi();
        return schemas.newSchemaUrl();
    }

    private static void registerScheme(Connection c, String id, SchemeAlgorithm algorithm) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO encryption_scheme (id, name, algorithm,"
                + " key_location, available, created_at) VALUES (?, ?, ?, 'SERVER', TRUE, CURRENT_TIMESTAMP)")) {
            p.setString(1, id);
            p.setString(2, id);
            p.setString(3, algorithm.displayName());
            p.executeUpdate();
        }
    }

    private static List<String> passwordSchemes(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT c.name, f.scheme_id"
                + " FROM credential_field f JOIN credential c ON c.id = f.credential_id"
                + " WHERE f.field_name = 'password' ORDER BY c.name")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getString(2));
            }
        }
        return rows;
    }

    private static String password(Connection c, String credential) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT f.ciphertext FROM credential_field f JOIN credential c"
                + " ON c.id = f.credential_id WHERE f.field_name = 'password' AND c.name = ?")) {
            p.setString(1, credential);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void setPassword(Connection c, String credential, String schemeId, String ciphertext)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE credential_field SET scheme_id = ?, ciphertext = ?"
                + " WHERE field_name = 'password' AND credential_id = (SELECT id FROM credential WHERE name = ?)")) {
            p.setString(1, schemeId);
            p.setString(2, ciphertext);
            p.setString(3, credential);
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
    }
}
