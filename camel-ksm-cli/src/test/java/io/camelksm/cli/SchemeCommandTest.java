package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelksm.audit.AuditEvent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * {@code ksm-admin scheme ...} on a real embedded H2 database with nothing but {@code --home}: create, list with value
 * counts, set-default, retire, delete and import; refusals are user errors (exit 1); every change audited; no key
 * printed.
 */
class SchemeCommandTest extends AdminTestSupport {

    private static final String PASSWORD = "pw-in-old-scheme";
    private static final byte[] IMPORTED_KEY = new byte[32];

    static {
        for (int i = 0; i < IMPORTED_KEY.length; i++) {
            IMPORTED_KEY[i] = (byte) (0x40 + i);
        }
    }

    @Override
    List<String> secrets() {
        return List.of(PASSWORD, HexFormat.of().formatHex(IMPORTED_KEY));
    }

    private void storeCredential(String name) {
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            db.credentials().create(Credential.builder(name, CredentialType.BASIC).field(CredentialField.USERNAME,
                    "bot").secret(CredentialField.PASSWORD, Secret.of(PASSWORD)).build());
        }
    }

    @Test
    void theSchemeLifeCycleWithOnlyHome() {
        storeCredential("Old");
        assertThat(ok("", "scheme", "create", "--name", "db-2").out())
                .contains("Created encryption scheme 'db-2' (AES-256-GCM, key location DATABASE).");
        assertThat(ok("", "scheme", "create", "--name", "srv-2", "--key-location", "server").out())
                .contains("Its key file: " + home.toAbsolutePath().resolve("srv-2.key"));
        assertThat(home.resolve("srv-2.key")).exists();
        ok("", "scheme", "set-default", "db-2");
        storeCredential("New");

        String list = ok("", "scheme", "list").out();
        assertThat(list).containsPattern("aes256-gcm-file-1\\s+AES-256-GCM\\s+SERVER\\s+yes\\s+-\\s+1")
                .containsPattern("db-2\\s+AES-256-GCM\\s+DATABASE\\s+yes\\s+default\\s+1")
                .containsPattern("srv-2\\s+AES-256-GCM\\s+SERVER\\s+yes\\s+-\\s+0");

        assertThat(userError("", "scheme", "retire", "db-2").err()).contains("is the default and cannot be retired");
        ok("", "scheme", "retire", "srv-2");
        assertThat(ok("", "scheme", "delete", "srv-2").out()).contains("Encryption scheme 'srv-2' is deleted.");
        ok("", "scheme", "retire", "aes256-gcm-file-1");
        assertThat(userError("", "scheme", "delete", "aes256-gcm-file-1").err()).contains("original scheme");
        assertThat(userError("", "scheme", "create", "--name", "x", "--algorithm", "rot13").err())
                .contains("Unknown encryption algorithm 'rot13'");
        assertThat(userError("", "scheme", "create", "--name", "x", "--key-location", "cloud").err())
                .contains("Unknown key location 'cloud'");
        assertThat(userError("", "scheme", "set-default", "nope").err())
                .contains("There is no encryption scheme 'nope'");

        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            Credential old = db.credentials().find(CredentialName.of("Old")).orElseThrow();
            assertThat(old.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(PASSWORD);
            assertThat(db.auditTrail().tail(100)).filteredOn(e -> e.credential().startsWith("scheme:"))
                    .extracting(AuditEvent::operation).contains("scheme-create", "scheme-set-default",
                            "scheme-retire", "scheme-delete")
                    .allSatisfy(op -> assertThat(op).startsWith("scheme-"));
            assertThat(db.auditTrail().tail(100)).filteredOn(e -> e.credential().equals("scheme:db-2"))
                    .extracting(AuditEvent::process).containsOnly(AdminSession.PROCESS);
        }
    }

    @Test
    void importTakesAnOwnerOnlyKeyFileAndNeverPrintsIt() throws Exception {
        Path keyFile = home.resolve("legacy.key");
        Files.writeString(keyFile, HexFormat.of().formatHex(IMPORTED_KEY));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(admin("", "scheme", "import", "--name", "imp", "--algorithm", "AES-256-GCM", "--from",
                keyFile.toString()).err()).contains("accessible by group or others").contains("chmod 600");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        assertThat(ok("", "scheme", "import", "--name", "imp", "--algorithm", "aes-256-gcm", "--from",
                keyFile.toString()).out()).contains("Imported encryption scheme 'imp'");
        ok("", "scheme", "set-default", "imp");
        storeCredential("Imported");
        assertThat(ok("", "scheme", "list").out()).containsPattern("imp\\s+AES-256-GCM\\s+DATABASE\\s+yes\\s+default\\s+1");
    }
}
