package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.Caller;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.CredentialValidator;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.KsmCryptoException;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.EncryptionSchemes;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;

/**
 * Encryption schemes in the database, through {@code KsmRuntime.schemes()}: DATABASE and SERVER key locations, the
 * default scheme writing and each value read with the scheme that wrote it, retire and delete rules, audit, a node
 * without a SERVER key file. Run on H2 and on PostgreSQL.
 */
abstract class EncryptionSchemesContractTest {

    static final Caller ADMIN = new Caller("test-admin", java.util.Set.of(), "ksm-test", "test-node", null);

    @TempDir
    Path tempDir;

    private final List<KsmRuntime> opened = new ArrayList<>();
    private String url;

    protected abstract String newDatabaseUrl() throws Exception;

    /** A plain connection beside the runtime, to look at the rows. */
    protected Connection rawConnection(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    @AfterEach
    void closeRuntimes() {
        closeRuntimesNow();
    }

    private KsmRuntime open() throws Exception {
        return open(null);
    }

    /** A runtime ("node") on the test's database; each node may have its own directory of SERVER key files. */
    private KsmRuntime open(Path schemeKeyDirectory) throws Exception {
        if (url == null) {
            url = newDatabaseUrl();
        }
        KsmRuntime runtime = KsmRuntime.open(KsmSettings.builder()
                .database(new DatabaseSettings(url, null, null, tempDir.resolve("keys/ksm.key")))
                .auditMode(AuditMode.SYNC).cacheTtl(Duration.ZERO).writeValidator(CredentialValidator.NONE)
                .schemeKeyDirectory(schemeKeyDirectory).build());
        opened.add(runtime);
        return runtime;
    }

    protected void closeRuntimesNow() {
        opened.forEach(KsmRuntime::close);
        opened.clear();
    }

    private static void addCredential(KsmRuntime runtime, String name, String password) {
        runtime.credentials().create(Credential.builder(name, CredentialType.BASIC).field(CredentialField.USERNAME,
                "bot").secret(CredentialField.PASSWORD, Secret.of(password)).build(), ADMIN);
    }

    private static String password(KsmRuntime runtime, String name) {
        Credential c = runtime.credentials().inspect(CredentialName.of(name)).orElseThrow();
        try {
            return c.secret(CredentialField.PASSWORD).orElseThrow().reveal();
        } finally {
            c.destroySecrets();
        }
    }

    private String schemeOf(String credential) throws SQLException {
        try (Connection c = rawConnection(url);
             PreparedStatement s = c.prepareStatement("SELECT f.scheme_id FROM credential_field f JOIN credential cr"
                                                      + " ON cr.id = f.credential_id WHERE cr.name = ?"
                                                      + " AND f.scheme_id IS NOT NULL")) {
            s.setString(1, credential);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("an encrypted value of " + credential).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static EncryptionSchemeInfo info(EncryptionSchemes schemes, String name) {
        return schemes.list().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aDatabaseSchemeMadeDefaultWritesNewValuesAndEveryValueReadsWithItsOwnScheme() throws Exception {
        KsmRuntime node = open();
        addCredential(node, "old", "old-pw");
        node.schemes().create("db-2", SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE, ADMIN);
        assertThat(info(node.schemes(), "db-2")).extracting(EncryptionSchemeInfo::keyLocation,
                EncryptionSchemeInfo::available, EncryptionSchemeInfo::isDefault, EncryptionSchemeInfo::valueCount)
                .containsExactly(KeyLocation.DATABASE, true, false, 0L);

        node.schemes().setDefault("db-2", ADMIN);
        addCredential(node, "new", "new-pw");

        assertThat(schemeOf("old")).isEqualTo(KsmDatabase.DEFAULT_SCHEME_ID);
        assertThat(schemeOf("new")).isEqualTo("db-2");
        assertThat(node.schemes().list()).extracting(EncryptionSchemeInfo::name, EncryptionSchemeInfo::isDefault,
                EncryptionSchemeInfo::valueCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(KsmDatabase.DEFAULT_SCHEME_ID, false, 1L),
                org.assertj.core.groups.Tuple.tuple("db-2", true, 1L));
        try (Connection c = rawConnection(url);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT wrapped_key FROM encryption_scheme WHERE id = 'db-2'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("the data key is stored encrypted by the key file").isNotBlank();
        }
        List<AuditEvent> audit = node.credentials().audit().tail(100);
        assertThat(audit).filteredOn(e -> e.credential().equals("scheme:db-2"))
                .extracting(AuditEvent::operation, AuditEvent::outcome, AuditEvent::principal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("scheme-create", AuditOutcome.GRANTED, "test-admin"),
                        org.assertj.core.groups.Tuple.tuple("scheme-set-default", AuditOutcome.GRANTED,
                                "test-admin"));

        closeRuntimesNow();
        KsmRuntime again = open();
        assertThat(password(again, "old")).isEqualTo("old-pw");
        assertThat(password(again, "new")).isEqualTo("new-pw");
        addCredential(again, "newer", "newer-pw");
        assertThat(schemeOf("newer")).as("the default survives a restart").isEqualTo("db-2");
    }

    @Test
    void aServerSchemeHasAnOwnerOnlyKeyFileAndANodeWithoutItFailsOnItsValuesNamingTheFile() throws Exception {
        Path nodeA = tempDir.resolve("node-a-keys");
        KsmRuntime node = open(nodeA);
        node.schemes().create("srv-2", SchemeAlgorithm.AES_256_GCM, KeyLocation.SERVER, ADMIN);
        Path keyFile = nodeA.resolve("srv-2.key");
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        node.schemes().setDefault("srv-2", ADMIN);
        addCredential(node, "on-server-key", "s3rver-pw");
        node.schemes().setDefault(KsmDatabase.DEFAULT_SCHEME_ID, ADMIN);
        closeRuntimesNow();

        Path nodeB = Files.createDirectories(tempDir.resolve("node-b-keys"));
        KsmRuntime withoutFile = open(nodeB);
        assertThat(info(withoutFile.schemes(), "srv-2").available()).isFalse();
        assertThatThrownBy(() -> password(withoutFile, "on-server-key"))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("scheme 'srv-2' needs its key file " + nodeB.resolve("srv-2.key")
                                      + ", which is missing on this node")
                .hasMessageNotContaining("s3rver-pw");
        assertThatThrownBy(() -> withoutFile.schemes().setDefault("srv-2", ADMIN))
                .hasMessageContaining("needs its key file");
        closeRuntimesNow();

        Path copy = nodeB.resolve("srv-2.key");
        Files.copy(keyFile, copy, StandardCopyOption.COPY_ATTRIBUTES);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> open(nodeB)).hasMessageContaining("accessible by group or others")
                .hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        assertThat(password(open(nodeB), "on-server-key")).isEqualTo("s3rver-pw");
    }

    @Test
    void retireAndDeleteFollowTheRulesAndRefusalsAreAudited() throws Exception {
        KsmRuntime node = open();
        EncryptionSchemes schemes = node.schemes();
        schemes.create("db-2", SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE, ADMIN);
        schemes.setDefault("db-2", ADMIN);
        addCredential(node, "moving", "pw-1");

        assertThatThrownBy(() -> schemes.retire("db-2", ADMIN)).hasMessageContaining("is the default and cannot be"
                                                                                      + " retired");
        assertThatThrownBy(() -> schemes.delete("db-2", ADMIN)).hasMessageContaining("not retired");
        schemes.setDefault(KsmDatabase.DEFAULT_SCHEME_ID, ADMIN);
        schemes.retire("db-2", ADMIN);
        assertThatThrownBy(() -> schemes.setDefault("db-2", ADMIN)).hasMessageContaining("is retired");
        assertThat(info(schemes, "db-2")).extracting(EncryptionSchemeInfo::retired, EncryptionSchemeInfo::valueCount)
                .containsExactly(true, 1L);
        assertThat(password(node, "moving")).as("a retired scheme's values stay readable").isEqualTo("pw-1");
        assertThatThrownBy(() -> schemes.delete("db-2", ADMIN))
                .hasMessageContaining("scheme 'db-2' still holds 1 values");

        // the next write moves the value to the default scheme
        Credential c = node.credentials().inspect(CredentialName.of("moving")).orElseThrow();
        node.credentials().update(c.toBuilder().secret(CredentialField.PASSWORD, Secret.of("pw-2")).build(), ADMIN);
        assertThat(schemeOf("moving")).isEqualTo(KsmDatabase.DEFAULT_SCHEME_ID);
        schemes.delete("db-2", ADMIN);
        assertThat(schemes.list()).extracting(EncryptionSchemeInfo::name)
                .containsExactly(KsmDatabase.DEFAULT_SCHEME_ID);
        assertThatThrownBy(() -> schemes.delete(KsmDatabase.DEFAULT_SCHEME_ID, ADMIN))
                .hasMessageContaining("original scheme");

        assertThat(node.credentials().audit().tail(100)).filteredOn(e -> e.credential().equals("scheme:db-2"))
                .extracting(AuditEvent::operation, AuditEvent::outcome).contains(
                        org.assertj.core.groups.Tuple.tuple("scheme-retire", AuditOutcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple("scheme-delete", AuditOutcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple("scheme-retire", AuditOutcome.GRANTED),
                        org.assertj.core.groups.Tuple.tuple("scheme-delete", AuditOutcome.GRANTED));
    }

    @Test
    void anImportedKeyDecryptsWhatItEncryptedAndAReadableKeyFileIsRefused() throws Exception {
        KsmRuntime node = open();
        Path keyFile = tempDir.resolve("imported.hex");
        byte[] key = SchemeAlgorithm.AES_256_GCM.generateKey();
        Files.writeString(keyFile, java.util.HexFormat.of().formatHex(key) + "\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> node.schemes().importKey("imp", SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE,
                keyFile, ADMIN)).hasMessageContaining("accessible by group or others");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        node.schemes().importKey("imp", SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE, keyFile, ADMIN);
        node.schemes().setDefault("imp", ADMIN);
        addCredential(node, "imported", "imp-pw");
        closeRuntimesNow();
        assertThat(password(open(), "imported")).isEqualTo("imp-pw");
        assertThat(schemeOf("imported")).isEqualTo("imp");
    }

    @Test
    void aNewSchemeOfALegacyAlgorithmIsRefusedAndNothingIsAdded() throws Exception {
        KsmRuntime node = open();
        assertThatThrownBy(() -> node.schemes().create("legacy-2", SchemeAlgorithm.DES_EDE3_CBC, KeyLocation.DATABASE,
                ADMIN)).isInstanceOf(KsmCryptoException.class)
                .hasMessageStartingWith("3DES-CBC is kept only to read legacy values: a new scheme cannot encrypt");
        assertThat(node.schemes().list()).extracting(EncryptionSchemeInfo::name).doesNotContain("legacy-2");
    }

    @Test
    void badInputIsRefusedWithAClearError() throws Exception {
        KsmRuntime node = open();
        assertThatThrownBy(() -> node.schemes().create("hsm-1", SchemeAlgorithm.AES_256_GCM, KeyLocation.HSM, ADMIN))
                .hasMessageContaining("scheme 'hsm-1' needs the HSM settings");
        assertThatThrownBy(() -> node.schemes().create("Bad Name", SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE,
                ADMIN)).hasMessageContaining("'Bad Name' is malformed");
        node.schemes().create("twice", SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE, ADMIN);
        assertThatThrownBy(() -> node.schemes().create("twice", SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE,
                ADMIN)).hasMessageContaining("'twice' exists already");
        assertThatThrownBy(() -> node.schemes().setDefault("nope", ADMIN))
                .hasMessageContaining("There is no encryption scheme 'nope'");
        assertThatThrownBy(() -> KeyLocation.of("cloud")).hasMessageContaining("DATABASE, SERVER, HSM");
        assertThatThrownBy(() -> SchemeAlgorithm.of("rot13")).hasMessageContaining("AES-256-GCM");
    }
}
