package io.camelksm.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.KsmException;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.audit.AuditHealth;
import io.camelksm.audit.JournalSettings;
import io.camelksm.audit.KsmAuditException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.runtime.ProcessCredentialsTest.RecordingTokenProvider;
import io.camelksm.store.jdbc.DatabaseSettings;

/** The composition root opens its parts from the settings and closes what it opened, and only that. */
class KsmRuntimeTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(), "ksm-admin", "node-a", null);
    private static final CredentialName PORTAL = CredentialName.of("Portal");

    @TempDir
    Path dir;

    private KsmSettings journaled() {
        return KsmSettings.builder().embeddedDatabase(dir).nodeName("node-a").build();
    }

    @Test
    void closesTheJournalAndTheDatabaseSoBothCanBeOpenedAgain() throws Exception {
        KsmRuntime first = KsmRuntime.open(journaled());
        first.credentials().create(Credential.builder(PORTAL, CredentialType.BASIC)
                .field(CredentialField.USERNAME, "u").secret(CredentialField.PASSWORD, Secret.of("pw")).build(), ADMIN);
        assertThat(first.auditHealth().state()).isEqualTo(AuditHealth.State.UP);
        assertThat(h2Sessions()).as("the runtime's pool holds connections while it is open").isGreaterThan(1);

        first.close();

        assertThat(h2Sessions()).as("no connection of the closed runtime is left").isEqualTo(1);
        // the journal's lock is released: a runtime that opens it again in this JVM is not refused as "in use"
        try (KsmRuntime second = KsmRuntime.open(journaled())) {
            assertThat(second.credentials().inspect(PORTAL)).isPresent();
            assertThat(second.credentials().audit().tail(10)).extracting(e -> e.operation()).contains("create");
        }
    }

    @Test
    void aJournalOpenedTwiceIsRefusedWhileTheFirstRuns() {
        try (KsmRuntime first = KsmRuntime.open(journaled())) {
            assertThatThrownBy(() -> KsmRuntime.open(journaled())).isInstanceOf(KsmAuditException.class)
                    .hasMessageContaining("in use");
            assertThat(first.credentials().inspect(PORTAL)).isEmpty(); // the first one still works
        }
    }

    @Test
    void aFailingStepClosesWhatWasOpenedBeforeIt() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("journal-file"), "not a directory");
        KsmSettings settings = KsmSettings.builder().embeddedDatabase(dir)
                .journal(JournalSettings.of(notADirectory)).build();

        assertThatThrownBy(() -> KsmRuntime.open(settings)).isInstanceOf(KsmAuditException.class)
                .hasMessageContaining("Cannot open the audit journal");

        assertThat(dir.resolve("ksm.mv.db")).as("the database was opened before the journal").exists();
        assertThat(h2Sessions()).as("and closed again").isEqualTo(1);
    }

    @Test
    void givenCredentialsAndTokenProviderAreUsedButNotClosed() {
        RecordingTokenProvider tokens = new RecordingTokenProvider();
        try (KsmRuntime owner = KsmRuntime.open(KsmSettings.builder().embeddedDatabase(dir)
                .auditMode(AuditMode.SYNC).build())) {
            owner.credentials().create(Credential.builder(PORTAL, CredentialType.BASIC)
                    .field(CredentialField.USERNAME, "u").secret(CredentialField.PASSWORD, Secret.of("pw")).build(),
                    ADMIN);
            for (Dimension d : Dimension.values()) {
                owner.credentials().grant(PORTAL, d, "*", ADMIN);
            }

            KsmRuntime borrower = KsmRuntime.open(KsmSettings.builder().givenCredentials(owner.credentials())
                    .givenTokenProvider(tokens).nodeName("node-b").build());
            assertThat(borrower.credentials()).isSameAs(owner.credentials());
            assertThat(borrower.tokenProvider()).isSameAs(tokens);
            assertThat(borrower.database()).isNull();
            assertThat(borrower.forProcess("p").field(PORTAL, "username")).isEqualTo("u");
            borrower.close();

            assertThat(tokens.closed).isFalse();
            // the owner's database and audit trail are still open
            assertThat(owner.forProcess("p").field(PORTAL, "username")).isEqualTo("u");
            assertThat(owner.credentials().audit().tail(1).get(0).resource()).isEqualTo(
                    KsmSettings.defaults().nodeName());
        }
    }

    @Test
    void anOwnTokenProviderIsClosedWithTheRuntime() {
        RecordingTokenProvider tokens = new RecordingTokenProvider();
        KsmRuntime runtime = KsmRuntime.open(KsmSettings.builder().embeddedDatabase(dir).auditMode(AuditMode.SYNC)
                .givenTokenProvider(tokens).build());
        runtime.close();
        runtime.close(); // twice is harmless

        assertThat(tokens.closed).as("given: its maker closes it").isFalse();
    }

    @Test
    void storeKeeperWithoutTheKeeperModuleFailsNamingTheArtifactBeforeAnythingOpens() {
        KsmSettings settings = KsmSettings.builder().embeddedDatabase(dir).store(StoreKind.KEEPER).build();

        assertThatThrownBy(() -> KsmRuntime.open(settings)).isInstanceOf(KsmException.class)
                .hasMessageContaining("store=keeper").hasMessageContaining("io.camelksm:camel-ksm-keeper");
        assertThat(dir.resolve("ksm.mv.db")).doesNotExist();
    }

    @Test
    void settingsNeverShowAPasswordOrPin() {
        KsmSettings settings = KsmSettings.builder()
                .database(new DatabaseSettings("jdbc:postgresql://db.example/ksm", "ksm",
                        Secret.of("db-password-1"), dir.resolve("ksm.key")))
                .store(StoreKind.KEEPER)
                .keeper(new KeeperSettings("keeper.json.enc", "hsm.properties", Secret.of("hsm-pin-4711"),
                        "mapping.properties", null))
                .build();

        assertThat(settings.toString()).contains("store=keeper").contains("hsm.properties")
                .doesNotContain("db-password-1").doesNotContain("hsm-pin-4711");
        assertThat(settings.keeper().toString()).doesNotContain("hsm-pin-4711");
        assertThat(settings.database().toString()).doesNotContain("db-password-1");
    }

    /** The sessions of the embedded database, this look-up's own included (H2 closes it with its last session). */
    private long h2Sessions() throws SQLException {
        try (Connection c = DriverManager.getConnection(DatabaseSettings.embedded(dir).jdbcUrl(), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
