package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.runtime.ReencryptionResult;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * {@code ksm-admin reencrypt} on an embedded H2 database, and its progress display. (Moving values between two
 * schemes is shown by the core's H2ReencryptionTest and PostgresReencryptionCrashTest.)
 */
class ReencryptCommandTest extends AdminTestSupport {

    private static final String PASSWORD = "s3cret-pw-42";

    @Override
    List<String> secrets() {
        return List.of(PASSWORD);
    }

    private void addCredential() {
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            db.credentials().create(Credential.builder("Api", CredentialType.BASIC)
                    .field(CredentialField.USERNAME, "alice")
                    .secret(CredentialField.PASSWORD, Secret.of(PASSWORD)).build());
        }
    }

    @Test
    void nothingOutdatedEndsWithExitCodeZeroAndASummary() {
        addCredential();

        AdminRun run = ok("", "reencrypt", "--batch-size", "10");

        assertThat(run.out()).contains("Re-encrypted 0 rows in 0 batches")
                .contains("Every stored value is encrypted with the current scheme.");
    }

    @Test
    void aValueNoSchemeHereCanReadIsAFailureNamingItsPlaceAndScheme() throws Exception {
        addCredential();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + home.toAbsolutePath().resolve("ksm"), "sa",
                "");
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO encryption_scheme (id, name, algorithm, key_location, available, created_at)"
                            + " VALUES ('lost-key-1', 'lost', 'AES/GCM/NoPadding', 'SERVER_KEY_FILE', TRUE,"
                            + " CURRENT_TIMESTAMP)");
            s.executeUpdate("UPDATE credential_field SET scheme_id = 'lost-key-1' WHERE field_name = 'password'");
        }

        AdminRun run = admin("", "reencrypt");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(KsmAdmin.EXIT_FAILURE);
        assertThat(run.err()).contains("credential 'Api' field 'password'").contains("scheme 'lost-key-1'");
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
