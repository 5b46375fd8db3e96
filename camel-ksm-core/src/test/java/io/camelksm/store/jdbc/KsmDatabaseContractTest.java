package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.camelksm.access.AccessMode;
import io.camelksm.access.AccessRights;
import io.camelksm.access.AccessRightsStore;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.audit.AuditTrail;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.access.KsmWriteRefusedException;
import io.camelksm.access.Restriction;
import io.camelksm.access.Restrictions;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.CredentialValidator;
import io.camelksm.credential.DuplicateCredentialException;
import io.camelksm.credential.Secret;
import io.camelksm.credential.StaleCredentialException;
import io.camelksm.crypto.KeyFile;
import io.camelksm.crypto.KsmCryptoException;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;

/**
 * The contract of camel-ksm's database (credentials, access rights, audit trail, encryption at rest), run against each
 * supported database by a subclass that provides a fresh, empty database for every test.
 */
abstract class KsmDatabaseContractTest {

    private static final Instant EXPIRY = Instant.parse("2031-02-03T04:05:06.123456Z");
    private static final Instant INVALID_SINCE = Instant.parse("2024-05-06T07:08:09Z");

    @TempDir
    Path tempDir;

    private DatabaseSettings settings;
    private KsmDatabase db;
    /** Opened by {@link #governed()} for the tests that go through governed credentials. */
    private KsmRuntime runtime;

    /** A JDBC URL of a new, empty database (or schema) for one test. */
    protected abstract String newDatabaseUrl() throws Exception;

    /** A plain JDBC connection to the same database, to look at (and tamper with) what is stored. */
    protected abstract Connection rawConnection(String jdbcUrl) throws SQLException;

    /** The user for a plain connection when the URL does not name one (H2), or null. */
    protected String rawUser() {
        return null;
    }

    @BeforeEach
    void openDatabase() throws Exception {
        settings = new DatabaseSettings(newDatabaseUrl(), null, null, tempDir.resolve("keys/ksm.key"));
        db = KsmDatabase.open(settings);
    }

    @AfterEach
    void closeDatabase() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        if (db != null) {
            db.close();
            db = null;
        }
    }

    private CredentialStore store() {
        return db.credentials();
    }

    /** Governed credentials over this test's database, as the runtime opens them: audited at once, no read cache. */
    private GovernedCredentials governed() {
        if (runtime == null) {
            runtime = KsmRuntime.open(KsmSettings.builder().database(settings).auditMode(AuditMode.SYNC)
                    .cacheTtl(Duration.ZERO).writeValidator(CredentialValidator.NONE).build());
        }
        return runtime.credentials();
    }

    Connection raw() throws SQLException {
        return rawConnection(settings.jdbcUrl());
    }

    /** A credential of the given type with every field it allows, and a plain and a secret property. */
    static Credential complete(String name, CredentialType type) {
        Credential.Builder b = Credential.builder(name, type).description("all fields of " + type);
        for (CredentialField field : CredentialField.values()) {
            if (type.allows(field)) {
                b.value(field, (field.isSecret() ? "secret-" : "plain-") + field.fieldName() + "-of-" + name);
            }
        }
        return b.property(CredentialProperty.plain("region", "eu-west-1"))
                .property(CredentialProperty.secret("apiKey", Secret.of("secret-apiKey-of-" + name)))
                .property(CredentialProperty.plain("tenant", "acme"))
                .expiresAt(EXPIRY)
                .build();
    }

    static Credential basic(String name, String password) {
        return Credential.builder(name, CredentialType.BASIC)
                .field(CredentialField.USERNAME, "alice")
                .secret(CredentialField.PASSWORD, Secret.of(password))
                .build();
    }

    // ------------------------------------------------------------------ credentials

    @ParameterizedTest
    @EnumSource(CredentialType.class)
    void everyTypeRoundTripsWithItsFieldsPropertiesExpiryAndInvalidFlag(CredentialType type) {
        Credential original = complete("Api " + type, type).toBuilder().invalidSince(INVALID_SINCE).build();

        Credential created = store().create(original);
        Credential found = store().find(CredentialName.of("api " + type)).orElseThrow();

        assertThat(created.version()).isEqualTo(1);
        assertThat(found.name().value()).isEqualTo("Api " + type);
        assertThat(found.type()).isEqualTo(type);
        assertThat(found.description()).isEqualTo("all fields of " + type);
        assertThat(found.fields()).isEqualTo(original.fields());
        assertThat(found.secrets()).isEqualTo(original.secrets()); // Secret.equals compares the values
        assertThat(found.secrets().keySet()).isNotEmpty();
        assertThat(found.secrets().keySet()).allMatch(CredentialField::isSecret);
        found.secrets().forEach((field, secret) ->
                assertThat(secret.reveal()).isEqualTo("secret-" + field.fieldName() + "-of-Api " + type));
        assertThat(found.properties().keySet()).containsExactly("region", "apiKey", "tenant");
        assertThat(found.property("apiKey").orElseThrow().secret()).isTrue();
        assertThat(found.property("apiKey").orElseThrow().value().reveal()).isEqualTo("secret-apiKey-of-Api " + type);
        assertThat(found.property("region").orElseThrow().secret()).isFalse();
        assertThat(found.property("region").orElseThrow().displayValue()).isEqualTo("eu-west-1");
        assertThat(found.expiresAt()).contains(EXPIRY);
        assertThat(found.invalidSince()).contains(INVALID_SINCE);
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.updatedAt()).isPresent().isEqualTo(created.updatedAt());
    }

    @Test
    void aCredentialWithoutExpiryOrPropertiesRoundTrips() {
        store().create(basic("Plain", "pw"));

        Credential found = store().find(CredentialName.of("plain")).orElseThrow();

        assertThat(found.expiresAt()).isEmpty();
        assertThat(found.invalidSince()).isEmpty();
        assertThat(found.properties()).isEmpty();
        assertThat(found.description()).isEmpty();
        assertThat(found.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("pw");
    }

    @Test
    void anUnknownCredentialIsNotFound() {
        assertThat(store().find(CredentialName.of("nope"))).isEmpty();
    }

    @Test
    void secretsAreStoredEncryptedWithTheirSchemeIdAndPlainValuesAsText() throws Exception {
        store().create(complete("Stored", CredentialType.OAUTH2_CLIENT_CREDENTIALS));

        List<String> everything = new ArrayList<>();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            for (String table : List.of("credential", "credential_field", "credential_property")) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            everything.add(String.valueOf(rs.getObject(i)));
                        }
                    }
                }
            }
            assertThat(everything).noneMatch(v -> v.contains("secret-"));
            assertThat(everything).contains("plain-clientId-of-Stored", "eu-west-1");

            try (ResultSet rs = s.executeQuery("SELECT f.field_name, f.plain_value, f.scheme_id, f.ciphertext"
                    + " FROM credential_field f ORDER BY f.field_name")) {
                int encrypted = 0;
                while (rs.next()) {
                    boolean secret = CredentialField.byName(rs.getString(1)).orElseThrow().isSecret();
                    if (secret) {
                        encrypted++;
                        assertThat(rs.getString(2)).isNull();
                        assertThat(rs.getString(3)).isEqualTo(KsmDatabase.DEFAULT_SCHEME_ID);
                        byte[] payload = Base64.getDecoder().decode(rs.getString(4));
                        String plaintext = "secret-" + rs.getString(1) + "-of-Stored";
                        assertThat(payload).hasSize(12 + plaintext.length() + 16); // IV, ciphertext, tag
                    } else {
                        assertThat(rs.getString(2)).startsWith("plain-");
                        assertThat(rs.getString(3)).isNull();
                        assertThat(rs.getString(4)).isNull();
                    }
                }
                assertThat(encrypted).isEqualTo(2); // clientSecret, privateKey
            }
            try (ResultSet rs = s.executeQuery("SELECT property_name, secret, plain_value, scheme_id"
                    + " FROM credential_property WHERE property_name = 'apiKey'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(2)).isTrue();
                assertThat(rs.getString(3)).isNull();
                assertThat(rs.getString(4)).isEqualTo(KsmDatabase.DEFAULT_SCHEME_ID);
            }
            try (ResultSet rs = s.executeQuery("SELECT name, algorithm, key_location, available, key_check"
                    + " FROM encryption_scheme WHERE id = '" + KsmDatabase.DEFAULT_SCHEME_ID + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("algorithm")).isEqualTo("AES-256-GCM");
                assertThat(rs.getString("key_location")).isEqualTo("SERVER");
                assertThat(rs.getBoolean("available")).isTrue();
                assertThat(rs.getString("key_check")).startsWith(KsmDatabase.DEFAULT_SCHEME_ID + ":");
            }
        }
    }

    @Test
    void aTamperedCiphertextFailsNamingCredentialAndFieldButNotTheValue() throws Exception {
        store().create(basic("Tampered", "hunter2"));
        try (Connection c = raw()) {
            String ciphertext = selectString(c,
                    "SELECT ciphertext FROM credential_field WHERE field_name = 'password'");
            byte[] payload = Base64.getDecoder().decode(ciphertext);
            payload[payload.length - 3] ^= 0x01;
            execute(c, "UPDATE credential_field SET ciphertext = ? WHERE field_name = 'password'",
                    Base64.getEncoder().encodeToString(payload));
        }

        assertThatThrownBy(() -> store().find(CredentialName.of("tampered")))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageStartingWith("Cannot decrypt credential 'Tampered' field 'password'")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aCiphertextCopiedToAnotherCredentialDoesNotDecrypt() throws Exception {
        store().create(basic("Source", "source-password"));
        store().create(basic("Target", "target-password"));
        try (Connection c = raw()) {
            execute(c, "UPDATE credential_field SET ciphertext = (SELECT f.ciphertext FROM credential_field f"
                       + " JOIN credential s ON s.id = f.credential_id WHERE s.name_key = 'source'"
                       + " AND f.field_name = 'password') WHERE field_name = 'password' AND credential_id ="
                       + " (SELECT id FROM credential WHERE name_key = 'target')");
        }

        assertThatThrownBy(() -> store().find(CredentialName.of("Target")))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("credential 'Target' field 'password'")
                .hasMessageNotContaining("source-password");
        assertThat(store().find(CredentialName.of("Source")).orElseThrow()
                .secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("source-password");
    }

    @Test
    void aValueOfAnUnavailableSchemeFailsNamingTheScheme() throws Exception {
        store().create(basic("Legacy", "pw"));
        try (Connection c = raw()) {
            execute(c, "INSERT INTO encryption_scheme (id, name, algorithm, key_location, available, created_at)"
                       + " VALUES ('des3-legacy', '3DES', 'DESede/CBC/PKCS5Padding', 'DATABASE', TRUE,"
                       + " CURRENT_TIMESTAMP)");
            execute(c, "UPDATE credential_field SET scheme_id = 'des3-legacy' WHERE field_name = 'password'");
        }

        assertThatThrownBy(() -> store().find(CredentialName.of("Legacy")))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("credential 'Legacy' field 'password'")
                .hasMessageContaining("scheme 'des3-legacy', which is not available here");
    }

    @Test
    void tooLongValuesAreRefusedWithoutShowingThem() {
        String huge = "x".repeat(JdbcCredentialStore.MAX_VALUE_BYTES + 1);

        assertThatThrownBy(() -> store().create(basic("Huge", huge)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The value of credential 'Huge' field 'password' is longer than 65536 bytes");
        assertThatThrownBy(() -> store().create(basic("Huge", "pw").toBuilder()
                .property(CredentialProperty.plain("note", huge)).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The value of credential 'Huge' property 'note' is longer than 65536 bytes");
        assertThat(store().find(CredentialName.of("Huge"))).isEmpty();
        // the largest allowed value fits the columns
        String largest = "é".repeat(JdbcCredentialStore.MAX_VALUE_BYTES / 2);
        store().create(basic("Large", largest));
        assertThat(store().find(CredentialName.of("Large")).orElseThrow()
                .secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(largest);
    }

    @Test
    void namesAreUniqueCaseInsensitivelyAndTrimmed() {
        store().create(basic("MyApi", "first"));

        assertThatThrownBy(() -> store().create(basic("  MYAPI ", "second")))
                .isInstanceOf(DuplicateCredentialException.class)
                .hasMessageContaining("'MYAPI' already exists");
        Credential found = store().find(CredentialName.of(" myapi ")).orElseThrow();
        assertThat(found.name().value()).isEqualTo("MyApi");
        assertThat(found.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("first");
        assertThat(store().names()).containsExactly(CredentialName.of("MyApi"));
    }

    @Test
    void creatingTheSameNameConcurrentlyLetsExactlyOneWin() throws Exception {
        int threads = 4;
        List<Object> outcomes = race(threads, i -> store().create(basic(i % 2 == 0 ? "Raced" : "RACED", "pw-" + i)));

        assertThat(outcomes).filteredOn(Credential.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(DuplicateCredentialException.class::isInstance).hasSize(threads - 1);
        assertThat(store().names()).hasSize(1);
    }

    @Test
    void anUpdateOfAStaleVersionFailsAndKeepsTheFirstUpdate() {
        store().create(basic("Shared", "v1"));
        Credential readByA = store().find(CredentialName.of("Shared")).orElseThrow();
        Credential readByB = store().find(CredentialName.of("Shared")).orElseThrow();

        Credential updatedByA = store().update(readByA.toBuilder()
                .secret(CredentialField.PASSWORD, Secret.of("from-A")).build());

        assertThat(updatedByA.version()).isEqualTo(2);
        assertThatThrownBy(() -> store().update(readByB.toBuilder()
                .secret(CredentialField.PASSWORD, Secret.of("from-B")).build()))
                .isInstanceOf(StaleCredentialException.class)
                .hasMessage("Credential 'Shared' was changed concurrently: expected version 1 but the store has"
                            + " version 2");
        Credential stored = store().find(CredentialName.of("Shared")).orElseThrow();
        assertThat(stored.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("from-A");
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void concurrentUpdatesFromTheSameVersionLetExactlyOneWin() throws Exception {
        store().create(basic("Hot", "v1"));
        Credential read = store().find(CredentialName.of("Hot")).orElseThrow();
        int threads = 4;

        List<Object> outcomes = race(threads, i -> store().update(read.toBuilder()
                .secret(CredentialField.PASSWORD, Secret.of("writer-" + i))
                .property(CredentialProperty.plain("writer", String.valueOf(i))).build()));

        List<Object> winners = outcomes.stream().filter(Credential.class::isInstance).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(StaleCredentialException.class::isInstance).hasSize(threads - 1);
        int winner = outcomes.indexOf(winners.get(0));
        Credential stored = store().find(CredentialName.of("Hot")).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("writer-" + winner);
        assertThat(stored.property("writer").orElseThrow().displayValue()).isEqualTo(String.valueOf(winner));
    }

    @Test
    void anUpdateReplacesFieldsAndProperties() {
        Credential created = store().create(complete("Changing", CredentialType.OAUTH2_CLIENT_CREDENTIALS));

        Credential changed = created.toBuilder()
                .field(CredentialField.SCOPE, null)
                .secret(CredentialField.PRIVATE_KEY, null)
                .secret(CredentialField.CLIENT_SECRET, Secret.of("rotated"))
                .removeProperty("region")
                .property(CredentialProperty.secret("newOne", Secret.of("new-secret")))
                .description("changed")
                .expiresAt(null)
                .build();
        Credential updated = store().update(changed);
        Credential found = store().find(CredentialName.of("changing")).orElseThrow();

        assertThat(updated.version()).isEqualTo(2);
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.description()).isEqualTo("changed");
        assertThat(found.field(CredentialField.SCOPE)).isEmpty();
        assertThat(found.secret(CredentialField.PRIVATE_KEY)).isEmpty();
        assertThat(found.secret(CredentialField.CLIENT_SECRET).orElseThrow().reveal()).isEqualTo("rotated");
        assertThat(found.properties().keySet()).containsExactly("apiKey", "tenant", "newOne");
        assertThat(found.expiresAt()).isEmpty();
        assertThat(found.updatedAt().orElseThrow()).isAfterOrEqualTo(created.updatedAt().orElseThrow());
    }

    @Test
    void updatingAnUnknownOrDeletedCredentialFailsClearly() {
        assertThatThrownBy(() -> store().update(basic("Ghost", "pw")))
                .isInstanceOf(CredentialNotFoundException.class)
                .hasMessage("Unknown credential 'Ghost'");

        Credential read = store().create(basic("Gone", "pw"));
        store().delete(CredentialName.of("gone"));
        assertThatThrownBy(() -> store().update(read))
                .isInstanceOf(StaleCredentialException.class)
                .hasMessage("Credential 'Gone' was deleted concurrently (expected version 1)");
    }

    @Test
    void deleteRemovesTheCredentialWithItsValues() throws Exception {
        store().create(complete("Doomed", CredentialType.BASIC));
        store().create(basic("Kept", "pw"));

        assertThat(store().delete(CredentialName.of("DOOMED"))).isTrue();
        assertThat(store().delete(CredentialName.of("Doomed"))).isFalse();
        assertThat(store().find(CredentialName.of("Doomed"))).isEmpty();
        assertThat(store().names()).containsExactly(CredentialName.of("Kept"));
        try (Connection c = raw()) {
            assertThat(selectString(c, "SELECT COUNT(*) FROM credential_field")).isEqualTo("2"); // Kept's
            assertThat(selectString(c, "SELECT COUNT(*) FROM credential_property")).isEqualTo("0");
        }
        // the name is free again
        store().create(basic("doomed", "again"));
        assertThat(store().find(CredentialName.of("Doomed")).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void namesAreSortedCaseInsensitively() {
        for (String name : List.of("beta", "Alpha", "gamma", "ALPHA2", "Beta-2")) {
            store().create(basic(name, "pw"));
        }

        assertThat(store().names()).extracting(CredentialName::value)
                .containsExactly("Alpha", "ALPHA2", "beta", "Beta-2", "gamma");
    }

    @Test
    void nothingLogsASecret() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.ALL);
        try {
            db.close();
            db = KsmDatabase.open(settings);
            Credential created = store().create(complete("Logged", CredentialType.OAUTH2_JWT_BEARER));
            store().find(CredentialName.of("Logged")).orElseThrow();
            store().update(created.toBuilder().secret(CredentialField.PRIVATE_KEY, Secret.of("secret-rotated"))
                    .build());
            assertThatThrownBy(() -> store().update(created)).isInstanceOf(StaleCredentialException.class);
            store().delete(CredentialName.of("Logged"));
        } finally {
            root.detachAppender(appender);
            root.setLevel(level);
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("secret-"));
    }

    // ------------------------------------------------------------------ key file

    @Test
    void theKeyFileIsCreatedOwnerOnlyOnFirstUse() throws Exception {
        Path keyFile = settings.keyFile();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.size(keyFile)).isEqualTo(KeyFile.FILE_BYTES);
    }

    @Test
    void anotherKeyFileIsRefusedWhenTheDatabaseIsOpened() throws Exception {
        store().create(basic("Locked", "pw"));
        db.close();
        db = null;
        Path otherKey = tempDir.resolve("other/ksm.key");
        new KeyFile(otherKey).loadOrCreate();
        Files.copy(otherKey, settings.keyFile(), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> KsmDatabase.open(settings))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("Key file " + settings.keyFile())
                .hasMessageContaining("does not hold the key of encryption scheme '" + KsmDatabase.DEFAULT_SCHEME_ID
                                      + "'");
    }

    @Test
    void aMissingKeyFileIsNotReplacedOnceTheDatabaseUsesIt() throws Exception {
        store().create(basic("Orphan", "pw"));
        db.close();
        db = null;
        Files.delete(settings.keyFile());

        assertThatThrownBy(() -> KsmDatabase.open(settings))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("Key file " + settings.keyFile() + " does not exist")
                .hasMessageContaining("restore that key file");
        assertThat(settings.keyFile()).doesNotExist();
    }

    @Test
    void aWorldReadableKeyFileIsRefusedWhenTheDatabaseIsOpened() throws Exception {
        db.close();
        db = null;
        Files.setPosixFilePermissions(settings.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> KsmDatabase.open(settings))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("Key file " + settings.keyFile() + " is accessible by group or others");
    }

    @Test
    void reopeningMigratesNothingAndKeepsEverything() throws Exception {
        store().create(complete("Durable", CredentialType.BEARER));
        db.accessRights().grant(CredentialName.of("Durable"), Dimension.ROLE, "ops");
        db.auditTrail().record(event("Durable", "create", AuditOutcome.GRANTED, "created"));
        String history = "\"" + SchemaMigration.HISTORY_TABLE + "\"";
        String migrations;
        try (Connection c = raw()) {
            migrations = selectString(c, "SELECT COUNT(*) FROM " + history);
        }
        db.close();

        db = KsmDatabase.open(settings);
        db.close();
        db = KsmDatabase.open(settings);

        try (Connection c = raw()) {
            assertThat(selectString(c, "SELECT COUNT(*) FROM " + history)).isEqualTo(migrations);
            assertThat(selectString(c, "SELECT COUNT(*) FROM " + history + " WHERE \"success\" = FALSE"))
                    .isEqualTo("0");
            assertThat(selectString(c, "SELECT MAX(\"version\") FROM " + history)).isEqualTo("9");
        }
        assertThat(store().find(CredentialName.of("durable")).orElseThrow()
                .secret(CredentialField.TOKEN).orElseThrow().reveal()).isEqualTo("secret-token-of-Durable");
        assertThat(db.accessRights().rightsOf(CredentialName.of("Durable")).roles().allowed()).containsExactly("ops");
        assertThat(db.auditTrail().tail(10)).extracting(AuditEvent::reason).containsExactly("created");
    }

    // ------------------------------------------------------------------ access rights

    @Test
    void aCredentialNobodyWasGrantedDeniesAll() {
        store().create(basic("Fresh", "pw"));

        assertThat(db.accessRights().rightsOf(CredentialName.of("Fresh"))).isEqualTo(AccessRights.DENY_ALL);
    }

    @Test
    void grantRevokeAndRevokeAll() {
        AccessRightsStore rights = db.accessRights();
        CredentialName api = CredentialName.of("MyApi");

        rights.grant(api, Dimension.ROLE, "ops");
        rights.grant(api, Dimension.ROLE, " ops "); // twice, and trimmed: harmless
        rights.grant(api, Dimension.ROLE, "admin");
        rights.grant(api, Dimension.PROCESS, "route-1");
        rights.grant(CredentialName.of("myapi"), Dimension.RESOURCE, "node-a");
        rights.grant(CredentialName.of("Other"), Dimension.ROLE, "ops");

        AccessRights granted = rights.rightsOf(CredentialName.of("MYAPI"));
        assertThat(granted.roles()).isEqualTo(new Restriction(false, Set.of("ops", "admin")));
        assertThat(granted.processes()).isEqualTo(new Restriction(false, Set.of("route-1")));
        assertThat(granted.resources()).isEqualTo(new Restriction(false, Set.of("node-a")));

        assertThat(rights.revoke(api, Dimension.ROLE, "admin")).isTrue();
        assertThat(rights.revoke(api, Dimension.ROLE, "admin")).isFalse();
        assertThat(rights.revoke(api, Dimension.PROCESS, "ops")).as("ops is a role, not a process").isFalse();
        assertThat(rights.rightsOf(api).roles().allowed()).containsExactly("ops");

        rights.revokeAll(api);
        assertThat(rights.rightsOf(api)).isEqualTo(AccessRights.DENY_ALL);
        assertThat(rights.rightsOf(CredentialName.of("Other")).roles().allowed()).containsExactly("ops");
    }

    @Test
    void anyGrantsADimensionToEveryone() {
        AccessRightsStore rights = db.accessRights();
        CredentialName api = CredentialName.of("Open");

        rights.grant(api, Dimension.PROCESS, Restriction.ANY_WORD);
        rights.grant(api, Dimension.RESOURCE, "node-a");
        rights.grant(api, Dimension.RESOURCE, Restriction.ANY_WORD);

        AccessRights granted = rights.rightsOf(api);
        assertThat(granted.processes()).isEqualTo(Restriction.ANY);
        assertThat(granted.resources()).isEqualTo(Restriction.ANY);
        assertThat(granted.roles()).isEqualTo(Restriction.NOBODY);
        assertThat(granted.processes().permits("any-route")).isTrue();

        assertThat(rights.revoke(api, Dimension.RESOURCE, Restriction.ANY_WORD)).isTrue();
        assertThat(rights.rightsOf(api).resources().allowed()).containsExactly("node-a");
    }

    @Test
    void rightsAreKeptForCredentialsThisStoreDoesNotHold() {
        CredentialName inKeeper = CredentialName.of("Held In Keeper");

        db.accessRights().grant(inKeeper, Dimension.ROLE, "bots");

        assertThat(store().find(inKeeper)).isEmpty();
        assertThat(db.accessRights().rightsOf(inKeeper).roles().allowed()).containsExactly("bots");
    }

    @Test
    void writeRightsAreGrantedAndRevokedApartFromReadRights() {
        AccessRightsStore rights = db.accessRights();
        CredentialName api = CredentialName.of("Rotated");

        rights.grant(api, Dimension.ROLE, "ops");
        rights.grant(api, AccessMode.WRITE, Dimension.ROLE, "ops"); // the same value, the other right: a row of its own
        rights.grant(api, AccessMode.WRITE, Dimension.PROCESS, "rotate");
        rights.grant(api, AccessMode.WRITE, Dimension.RESOURCE, Restriction.ANY_WORD);

        AccessRights granted = rights.rightsOf(CredentialName.of("ROTATED"));
        assertThat(granted.read()).isEqualTo(new Restrictions(new Restriction(false, Set.of("ops")), Restriction.NOBODY,
                Restriction.NOBODY));
        assertThat(granted.write()).isEqualTo(new Restrictions(new Restriction(false, Set.of("ops")),
                new Restriction(false, Set.of("rotate")), Restriction.ANY));
        assertThat(granted.routeMetadataWrites()).isFalse();

        assertThat(rights.revoke(api, AccessMode.WRITE, Dimension.PROCESS, "rotate")).isTrue();
        assertThat(rights.revoke(api, AccessMode.READ, Dimension.PROCESS, "rotate")).isFalse();
        assertThat(rights.rightsOf(api).write().processes()).isEqualTo(Restriction.NOBODY);
        assertThat(rights.revoke(api, Dimension.ROLE, "ops")).as("the read grant").isTrue();
        assertThat(rights.rightsOf(api).read()).isEqualTo(Restrictions.NOBODY);
        assertThat(rights.rightsOf(api).write().roles().allowed()).containsExactly("ops");
    }

    @Test
    void routeMetadataWritesAreAllowedPerCredentialAndGoWithRevokeAll() {
        AccessRightsStore rights = db.accessRights();
        CredentialName open = CredentialName.of("Open");

        assertThat(rights.allowRouteMetadataWrites(open, true)).isTrue();
        assertThat(rights.allowRouteMetadataWrites(CredentialName.of("OPEN"), true)).as("allowed before").isFalse();
        assertThat(rights.rightsOf(open).routeMetadataWrites()).isTrue();
        assertThat(rights.rightsOf(CredentialName.of("Other")).routeMetadataWrites()).isFalse();
        assertThat(rights.rightsOf(open).write()).as("no write grant comes with it").isEqualTo(Restrictions.NOBODY);

        assertThat(rights.allowRouteMetadataWrites(open, false)).isTrue();
        assertThat(rights.allowRouteMetadataWrites(open, false)).isFalse();
        assertThat(rights.rightsOf(open)).isEqualTo(AccessRights.DENY_ALL);

        rights.allowRouteMetadataWrites(open, true);
        rights.grant(open, AccessMode.WRITE, Dimension.ROLE, "ops");
        rights.revokeAll(open);
        assertThat(rights.rightsOf(open)).isEqualTo(AccessRights.DENY_ALL);
    }

    @Test
    void aGrantOfTwoNamesInOneValueIsRefused() {
        assertThatThrownBy(() -> db.accessRights().grant(CredentialName.of("x"), Dimension.PROCESS, "r1,r2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The process 'r1,r2' contains a comma: grant each process on its own");
        assertThat(db.accessRights().rightsOf(CredentialName.of("x"))).isEqualTo(AccessRights.DENY_ALL);
    }

    @Test
    void migrationV4KeepsEveryExistingGrantAsAReadRight() throws Exception {
        closeDatabase();
        String url = newDatabaseUrl();
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(url, rawUser(), rawUser() == null ? null : "")
                .locations(SchemaMigration.LOCATION + "common",
                        SchemaMigration.LOCATION + DatabaseVendor.of(url).migrationFolder())
                .table(SchemaMigration.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
                .target("3").load().migrate();
        try (Connection c = rawConnection(url)) {
            for (String[] row : new String[][] { { "ROLE", "ops" }, { "PROCESS", "rotate" }, { "RESOURCE", "*" } }) {
                execute(c, "INSERT INTO access_right (credential_key, dimension, granted_value, granted_at)"
                           + " VALUES ('bot', ?, ?, CURRENT_TIMESTAMP)", row);
            }
            execute(c, "INSERT INTO audit_event (event_time, credential, operation, roles, outcome, reason)"
                       + " VALUES (CURRENT_TIMESTAMP, 'Bot', 'set', '', 'GRANTED', 'before V4')");
        }

        settings = new DatabaseSettings(url, null, null, tempDir.resolve("keys-v3/ksm.key"));
        db = KsmDatabase.open(settings);

        AccessRights rights = db.accessRights().rightsOf(CredentialName.of("Bot"));
        assertThat(rights.read()).isEqualTo(new Restrictions(new Restriction(false, Set.of("ops")),
                new Restriction(false, Set.of("rotate")), Restriction.ANY));
        assertThat(rights.write()).as("a route that wrote needs a write grant now").isEqualTo(Restrictions.NOBODY);
        assertThat(rights.routeMetadataWrites()).isFalse();
        assertThat(db.auditTrail().tail(1).get(0).access()).isNull();
        try (Connection c = raw()) {
            assertThatThrownBy(() -> execute(c, "INSERT INTO access_right (credential_key, access_mode, dimension,"
                                                + " granted_value, granted_at) VALUES ('bot', 'ADMIN', 'ROLE', 'x',"
                                                + " CURRENT_TIMESTAMP)")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(c, "UPDATE audit_event SET access_mode = 'WRITE'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void routeWritesAreCheckedAgainstTheWriteRightAndAuditedAsWrites() throws Exception {
        GovernedCredentials governed = governed();
        Caller admin = new Caller("admin", Set.of(), "ksm-admin", "node-a", null);
        Caller route = new Caller(null, Set.of("ops"), "rotate", "node-a", "exchange-9");
        CredentialName bot = CredentialName.of("Bot");
        governed.create(basic("Bot", "old-pw"), admin);
        for (Dimension d : Dimension.values()) {
            governed.grant(bot, d, Restriction.ANY_WORD, admin);
        }

        assertThatThrownBy(() -> governed.change(bot, "set", route, "rotate",
                b -> b.secret(CredentialField.PASSWORD, Secret.of("new-pw"))))
                .isInstanceOf(KsmAccessDeniedException.class).hasMessageContaining("no write right was granted");
        governed.grant(bot, AccessMode.WRITE, Dimension.ROLE, "ops", admin);
        governed.grant(bot, AccessMode.WRITE, Dimension.PROCESS, "rotate", admin);
        governed.grant(bot, AccessMode.WRITE, Dimension.RESOURCE, "node-a", admin);
        assertThatThrownBy(() -> governed.change(bot, "set", route, "rotate",
                b -> b.field(CredentialField.USERNAME, "someone-else")))
                .isInstanceOf(KsmWriteRefusedException.class).hasMessageContaining("not username");
        governed.change(bot, "set", route, "rotate", b -> b.secret(CredentialField.PASSWORD, Secret.of("new-pw")));

        assertThat(store().find(bot).orElseThrow().secret(CredentialField.PASSWORD).orElseThrow().reveal())
                .isEqualTo("new-pw");
        try (Connection c = raw(); PreparedStatement select = c.prepareStatement("SELECT access_mode, outcome"
                + " FROM audit_event WHERE operation = 'set' ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertThat(rows).containsExactly("WRITE DENIED", "WRITE DENIED", "WRITE GRANTED");
            assertThat(selectString(c, "SELECT COUNT(*) FROM audit_event WHERE access_mode IS NULL"
                                       + " AND operation IN ('create', 'grant')")).isEqualTo("7");
        }
        assertThat(db.auditTrail().tail(1).get(0).access()).isEqualTo(AccessMode.WRITE);
    }

    @Test
    void aBlankGrantIsRefused() {
        assertThatThrownBy(() -> db.accessRights().grant(CredentialName.of("x"), Dimension.ROLE, "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The role to grant or revoke is missing");
    }

    // ------------------------------------------------------------------ audit

    static AuditEvent event(String credential, String operation, AuditOutcome outcome, String reason) {
        return new AuditEvent(Instant.parse("2025-01-02T03:04:05.678901Z"), credential, operation, "route-1",
                "exchange-1", "alice", Set.of("ops", "a,b\\c"), "route-1", "node-a", outcome, reason);
    }

    @Test
    void auditEventsAreAppendedAndTailedOldestFirst() {
        AuditTrail audit = db.auditTrail();
        for (int i = 1; i <= 5; i++) {
            audit.record(event("Api", "authorize", i % 2 == 0 ? AuditOutcome.DENIED : AuditOutcome.GRANTED,
                    "event " + i));
        }

        List<AuditEvent> tail = audit.tail(3);

        assertThat(tail).extracting(AuditEvent::reason).containsExactly("event 3", "event 4", "event 5");
        AuditEvent last = tail.get(2);
        assertThat(last).isEqualTo(event("Api", "authorize", AuditOutcome.GRANTED, "event 5"));
        assertThat(last.roles()).containsExactlyInAnyOrder("ops", "a,b\\c");
        assertThat(audit.tail(100)).hasSize(5);
        assertThat(audit.tail(0)).isEmpty();
    }

    @Test
    void auditEventsWithMissingPartsAndOverlongTextsAreRecorded() {
        AuditTrail audit = db.auditTrail();
        audit.record(new AuditEvent(null, null, "list", null, null, null, null, null, null, AuditOutcome.FAILED,
                "r".repeat(20_000)));

        AuditEvent stored = audit.tail(1).get(0);
        assertThat(stored.time()).isNotNull();
        assertThat(stored.credential()).isNull();
        assertThat(stored.roles()).isEmpty();
        assertThat(stored.reason()).hasSize(8000).endsWith("…");
    }

    @Test
    void aMergedAuditEventRoundTripsWithItsCountAndLastTimeAndExchange() {
        AuditTrail audit = db.auditTrail();
        AuditEvent single = event("Api", "authorize", AuditOutcome.GRANTED, "access granted");
        AuditEvent merged = new AuditEvent(single.time(), "Api", "authorize", "route-1", "exchange-1", "alice",
                Set.of("ops"), "route-1", "node-a", AuditOutcome.GRANTED, "access granted", 42,
                Instant.parse("2025-01-02T03:04:06.123456Z"), "exchange-42");

        audit.recordAll(List.of(single, merged));
        audit.record(merged);

        List<AuditEvent> tail = audit.tail(3);
        assertThat(tail).containsExactly(single, merged, merged);
        assertThat(tail.get(0).occurrences()).isEqualTo(1);
        assertThat(tail.get(0).lastTime()).isNull();
        assertThat(tail.get(0).lastExchangeId()).isNull();
        assertThat(tail.get(1).occurrences()).isEqualTo(42);
        assertThat(tail.get(1).lastTime()).isEqualTo(Instant.parse("2025-01-02T03:04:06.123456Z"));
        assertThat(tail.get(1).lastExchangeId()).isEqualTo("exchange-42");
    }

    @Test
    void journaledEventsKeepTheirKeyAndAreInsertedOnceHoweverOftenTheyAreWritten() throws Exception {
        AuditEvent a = event("Api", "authorize", AuditOutcome.GRANTED, "first");
        AuditEvent b = event("Api", "authorize", AuditOutcome.DENIED, "second");
        AuditEvent c = event("Api", "authorize", AuditOutcome.GRANTED, "third");

        db.auditTrail().recordAll("journal-1", 7, List.of(a, b));
        db.auditTrail().recordAll("journal-1", 7, List.of(a, b, c)); // a replay after a crash, one event further
        db.auditTrail().recordAll("journal-2", 1, List.of(a)); // another node's journal
        db.auditTrail().record(c); // not journaled (auditMode=sync, the CLI)
        db.auditTrail().checkpoint();

        assertThat(db.auditTrail().tail(10)).extracting(AuditEvent::reason)
                .containsExactly("first", "second", "third", "first", "third");
        assertThat(db.auditTrail().lastSequence("journal-1", 6)).isEqualTo(9);
        assertThat(db.auditTrail().lastSequence("journal-1", 100)).as("a wrong hint still finds it").isEqualTo(9);
        assertThat(db.auditTrail().lastSequence("journal-2", 0)).isEqualTo(1);
        assertThat(db.auditTrail().lastSequence("journal-3", 0)).isZero();
        try (Connection raw = rawConnection(settings.jdbcUrl())) {
            assertThatThrownBy(() -> execute(raw, "INSERT INTO audit_event (event_time, roles, outcome, journal_id,"
                                                  + " journal_seq) VALUES (CURRENT_TIMESTAMP, '', 'GRANTED',"
                                                  + " 'journal-1', 8)"))
                    .as("the key is unique").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void migrationV3KeepsTheRowsOfAVersion2DatabaseAsSingleDecisions() throws Exception {
        closeDatabase();
        String url = newDatabaseUrl();
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(url, rawUser(), rawUser() == null ? null : "")
                .locations(SchemaMigration.LOCATION + "common",
                        SchemaMigration.LOCATION + DatabaseVendor.of(url).migrationFolder())
                .table(SchemaMigration.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
                .target("2").load().migrate();
        try (Connection c = rawConnection(url)) {
            execute(c, "INSERT INTO audit_event (event_time, credential, operation, exchange_id, roles, outcome, reason)"
                       + " VALUES (CURRENT_TIMESTAMP, 'Old', 'authorize', 'ex-old', 'ops', 'GRANTED', 'before V3')");
            execute(c, "INSERT INTO audit_event (event_time, credential, operation, roles, outcome, reason)"
                       + " VALUES (CURRENT_TIMESTAMP, 'Old', 'get', '', 'DENIED', 'denied before V3')");
            assertThat(selectString(c, "SELECT MAX(\"version\") FROM \"" + SchemaMigration.HISTORY_TABLE + "\""))
                    .isEqualTo("2");
        }

        settings = new DatabaseSettings(url, null, null, tempDir.resolve("keys-v2/ksm.key"));
        db = KsmDatabase.open(settings);

        List<AuditEvent> old = db.auditTrail().tail(10);
        assertThat(old).extracting(AuditEvent::reason, AuditEvent::occurrences, AuditEvent::lastTime,
                AuditEvent::lastExchangeId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("before V3", 1, null, null),
                org.assertj.core.groups.Tuple.tuple("denied before V3", 1, null, null));
        assertThat(old.get(0).exchangeId()).isEqualTo("ex-old");
        try (Connection c = raw()) {
            assertThat(selectString(c, "SELECT MAX(\"version\") FROM \"" + SchemaMigration.HISTORY_TABLE + "\""))
                    .isEqualTo("9");
            // still append-only after the new columns, and never fewer than one occurrence
            assertThatThrownBy(() -> execute(c, "UPDATE audit_event SET occurrences = 5"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(c, "INSERT INTO audit_event (event_time, roles, outcome, occurrences)"
                                                + " VALUES (CURRENT_TIMESTAMP, '', 'GRANTED', 0)"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(c, "INSERT INTO audit_event (event_time, roles, outcome, occurrences,"
                                                + " last_exchange_id) VALUES (CURRENT_TIMESTAMP, '', 'GRANTED', 1, 'x')"))
                    .isInstanceOf(SQLException.class);
            assertThat(selectString(c, "SELECT SUM(occurrences) FROM audit_event")).isEqualTo("2");
        }
    }

    @Test
    void auditRowsCannotBeChangedOrDeleted() throws Exception {
        db.auditTrail().record(event("Api", "authorize", AuditOutcome.DENIED, "denied"));

        try (Connection c = raw()) {
            assertThatThrownBy(() -> execute(c, "UPDATE audit_event SET outcome = 'GRANTED'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(c, "DELETE FROM audit_event"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(db.auditTrail().tail(10)).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.DENIED);
    }

    @Test
    void governedCredentialsAuditToTheDatabase() {
        GovernedCredentials governed = governed();
        Caller admin = new Caller("admin", Set.of("ksm-admin"), "ksm-admin", "node-a", null);
        Caller route = new Caller(null, Set.of("ops"), "route-1", "node-a", "exchange-7");
        CredentialName api = CredentialName.of("Governed");
        governed.create(basic("Governed", "pw"), admin);

        assertThatThrownBy(() -> governed.read(api, "authorize", route, "route-1"))
                .hasMessageContaining("denied");
        governed.grant(api, Dimension.ROLE, "ops", admin);
        governed.grant(api, Dimension.PROCESS, "route-1", admin);
        governed.grant(api, Dimension.RESOURCE, Restriction.ANY_WORD, admin);
        assertThat(governed.read(api, "authorize", route, "route-1").secret(CredentialField.PASSWORD)
                .orElseThrow().reveal()).isEqualTo("pw");
        governed.delete(api, admin);

        assertThat(db.auditTrail().tail(20)).extracting(AuditEvent::operation, AuditEvent::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("create", AuditOutcome.GRANTED),
                org.assertj.core.groups.Tuple.tuple("authorize", AuditOutcome.DENIED),
                org.assertj.core.groups.Tuple.tuple("grant", AuditOutcome.GRANTED),
                org.assertj.core.groups.Tuple.tuple("grant", AuditOutcome.GRANTED),
                org.assertj.core.groups.Tuple.tuple("grant", AuditOutcome.GRANTED),
                org.assertj.core.groups.Tuple.tuple("authorize", AuditOutcome.GRANTED),
                org.assertj.core.groups.Tuple.tuple("delete", AuditOutcome.GRANTED));
        assertThat(db.accessRights().rightsOf(api)).isEqualTo(AccessRights.DENY_ALL);
        assertThat(db.auditTrail().tail(20)).extracting(AuditEvent::reason).noneMatch(r -> r.contains("pw"));
    }

    // ------------------------------------------------------------------ helpers

    @FunctionalInterface
    interface Racer {
        Object run(int index) throws Exception;
    }

    /** Runs the racers at the same moment; returns each one's result or exception, by index. */
    static List<Object> race(int threads, Racer racer) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return racer.run(index);
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    static String selectString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    static void execute(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
