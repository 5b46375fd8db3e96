package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.runtime.ReencryptionResult;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;
import io.camelksm.store.jdbc.SchemeSettings;

/**
 * {@code ksm-admin reencrypt} on an embedded H2 database with nothing but {@code --home}, beside {@code scheme ...}:
 * a key rotation run in two parts, a node lacking a SERVER key file, and the progress display.
 */
class ReencryptCommandTest extends AdminTestSupport {

    private static final String PASSWORD = "s3cret-pw-42";

    @Override
    List<String> secrets() {
        return List.of(PASSWORD);
    }

    private void addCredential(String name) {
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            db.credentials().create(Credential.builder(name, CredentialType.BASIC)
                    .field(CredentialField.USERNAME, "alice")
                    .secret(CredentialField.PASSWORD, Secret.of(PASSWORD)).build());
        }
    }

    private String passwordOf(String name) {
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            return db.credentials().find(CredentialName.of(name)).orElseThrow().secret(CredentialField.PASSWORD)
                    .orElseThrow().reveal();
        }
    }

    @Test
    void nothingOutdatedEndsWithExitCodeZeroAndASummary() {
        addCredential("Api");

        AdminRun run = ok("", "reencrypt", "--batch-size", "10");

        assertThat(run.out()).contains("Re-encrypted 0 rows in 0 batches")
                .contains("Every stored value is encrypted with the current scheme.");
    }

    @Test
    void aKeyRotationWithOnlyHomeExitsThreeWhileRowsRemainAndZeroWhenDone() {
        addCredential("First");
        addCredential("Second");
        ok("", "scheme", "create", "--name", "db-2");
        ok("", "scheme", "set-default", "db-2");

        AdminRun partial = admin("", "reencrypt", "--batch-size", "1", "--max-iterations", "1");

        assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(KsmAdmin.EXIT_ROWS_REMAIN);
        assertThat(partial.out()).contains("Re-encrypted 1 rows in 1 batches")
                .contains("1 rows remain: run reencrypt again to continue.");
        assertThat(ok("", "scheme", "list").out())
                .containsPattern("aes256-gcm-file-1\\s+AES-256-GCM\\s+SERVER\\s+yes\\s+-\\s+1")
                .containsPattern("db-2\\s+AES-256-GCM\\s+DATABASE\\s+yes\\s+default\\s+1");

        AdminRun rest = ok("", "reencrypt");

        assertThat(rest.out()).contains("Re-encrypted 1 rows in 1 batches")
                .contains("Every stored value is encrypted with the current scheme.");
        assertThat(ok("", "scheme", "list").out())
                .containsPattern("aes256-gcm-file-1\\s+AES-256-GCM\\s+SERVER\\s+yes\\s+-\\s+0")
                .containsPattern("db-2\\s+AES-256-GCM\\s+DATABASE\\s+yes\\s+default\\s+2");
        assertThat(passwordOf("First")).isEqualTo(PASSWORD);
        assertThat(passwordOf("Second")).isEqualTo(PASSWORD);
    }

    @Test
    void aValueWhoseServerKeyFileIsMissingOnThisNodeIsAFailureNamingItsPlaceAndScheme() throws Exception {
        ok("", "scheme", "create", "--name", "srv-2", "--key-location", "SERVER");
        ok("", "scheme", "set-default", "srv-2");
        addCredential("Api");
        ok("", "scheme", "set-default", "aes256-gcm-file-1");
        Files.delete(home.resolve("srv-2.key"));

        AdminRun run = admin("", "reencrypt");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(KsmAdmin.EXIT_FAILURE);
        assertThat(run.err()).contains("Re-encryption stopped after 0 batches")
                .contains("credential 'Api' field 'password'").contains("srv-2")
                .contains("missing on this node");
    }

    @Test
    void serverKeyFilesInAnotherDirectoryAreFoundWithTheGlobalSchemeKeyDirectory() throws Exception {
        addCredential("Api");
        Path keys = Files.createDirectory(home.resolve("scheme-keys"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ok("", "scheme", "create", "--name", "srv-2", "--key-location", "SERVER", "--scheme-key-directory",
                keys.toString());
        ok("", "--scheme-key-directory", keys.toString(), "scheme", "set-default", "srv-2");
        assertThat(keys.resolve("srv-2.key")).exists();
        assertThat(admin("", "reencrypt").exitCode()).isEqualTo(KsmAdmin.EXIT_FAILURE);

        AdminRun run = ok("", "reencrypt", "--scheme-key-directory", keys.toString());

        assertThat(run.out()).contains("Re-encrypted 1 rows in 1 batches");
        assertThat(ok("", "scheme", "list", "--scheme-key-directory", keys.toString()).out())
                .containsPattern("srv-2\\s+AES-256-GCM\\s+SERVER\\s+yes\\s+default\\s+1");
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home), new SchemeSettings(keys, null))) {
            assertThat(db.credentials().find(CredentialName.of("Api")).orElseThrow().secret(CredentialField.PASSWORD)
                    .orElseThrow().reveal()).isEqualTo(PASSWORD);
        }
    }

    @Test
    void refusesABatchSizeOrIterationLimitBelowOne() {
        assertThat(userError("", "reencrypt", "--batch-size", "0").err())
                .contains("--batch-size must be at least 1, was 0");
        assertThat(userError("", "reencrypt", "--max-iterations", "-1").err())
                .contains("--max-iterations must be at least 1, was -1");
    }

    @Test
    void aTerminalGetsOneBarRedrawnInPlace() {
        StringWriter text = new StringWriter();
        ReencryptionProgress progress = new ReencryptionProgress(new PrintWriter(text), true);

        progress.batchDone(new ReencryptionResult(250, 750, 1, Duration.ofMillis(100)));
        progress.batchDone(new ReencryptionResult(500, 500, 2, Duration.ofMillis(200)));
        progress.finish();

        assertThat(text.toString()).isEqualTo(
                "\r[#######-----------------------]  25% 250 done, 750 remaining, 2,500 rows/s"
                + "\r[###############---------------]  50% 500 done, 500 remaining, 2,500 rows/s"
                + System.lineSeparator());
    }

    @Test
    void elsewherePlainLinesAtMostEveryTwoSeconds() {
        StringWriter text = new StringWriter();
        ReencryptionProgress progress = new ReencryptionProgress(new PrintWriter(text), false);

        progress.batchDone(new ReencryptionResult(1000, 9000, 1, Duration.ofMillis(500)));
        progress.batchDone(new ReencryptionResult(2000, 8000, 2, Duration.ofMillis(1500)));
        progress.batchDone(new ReencryptionResult(3000, 7000, 3, Duration.ofMillis(2600)));
        progress.finish();

        assertThat(text.toString().lines()).containsExactly(
                "Re-encrypted 1,000 rows in 1 batches, 9,000 remaining, 2,000 rows/s",
                "Re-encrypted 3,000 rows in 3 batches, 7,000 remaining, 1,154 rows/s");
    }

    @Test
    void theSummarySaysWhetherRowsRemain() {
        assertThat(ReencryptionProgress.summary(new ReencryptionResult(10_000, 0, 10, Duration.ofMillis(500))))
                .isEqualTo("Re-encrypted 10,000 rows in 10 batches in 0.5 s (20,000 rows/s)."
                           + " Every stored value is encrypted with the current scheme.");
        assertThat(ReencryptionProgress.summary(new ReencryptionResult(100, 900, 1, Duration.ofSeconds(1))))
                .isEqualTo("Re-encrypted 100 rows in 1 batches in 1.0 s (100 rows/s). 900 rows remain: run"
                           + " reencrypt again to continue.");
    }
}
