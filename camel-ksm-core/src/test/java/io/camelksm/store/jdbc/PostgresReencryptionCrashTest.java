package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.KsmException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialStore;
import io.camelksm.runtime.Reencryption;
import io.camelksm.runtime.ReencryptionListener;
import io.camelksm.runtime.ReencryptionResult;

/**
 * Crash safety of re-encryption on PostgreSQL ({@code KSM_TEST_POSTGRES_URL}, from {@code .ci/start-postgres.sh}):
 * a child JVM re-encrypting is killed with SIGKILL at random moments, 20 times, and resumed each time; then the server
 * itself is stopped in the middle of a run. Each time every credential must still decrypt to its original value, the
 * rows unchanged in number, and a last run must finish the job.
 * <p>
 * The data set: {@value #CREDENTIALS} credentials, {@value #VALUES} encrypted values (a password and a secret
 * property each), more than a large RPA estate holds, re-encrypted in batches of {@value #BATCH_SIZE}: 20 kills after
 * 1 to 3 batches each (plus up to 40 ms, so kills land inside a batch too) leave about half the data set to the last
 * run, and the whole test stays within about a minute (mostly the 21 JVM starts).
 */
class PostgresReencryptionCrashTest {

    private static final int CREDENTIALS = 2_500;
    private static final int VALUES = 2 * CREDENTIALS;
    private static final int BATCH_SIZE = 50;
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    private String url;
    private final PostgresSchemas schemas = new PostgresSchemas();

    @BeforeEach
    void seed() throws Exception {
        PostgresSchemas.requireServerInCi();
        url = schemas.newSchemaUrl();
    }

    @AfterEach
    void dropSchema() throws Exception {
        schemas.dropAll();
    }

    @Test
    void killedTwentyTimesWithSigkillAndResumedEveryCredentialStillDecryptsToItsValue() throws Exception {
        ReencryptionFixture.seed(url, dir, CREDENTIALS);
        String rowsBefore;
        try (ReencryptionFixture fixture = ReencryptionFixture.open(url, dir)) {
            rowsBefore = fixture.rowCounts();
        }
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        List<Integer> batchesSeen = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            int batches = 1 + random.nextInt(3);
            Process child = startChild();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                int seen = 0;
                String line;
                while (seen < batches && (line = out.readLine()) != null) {
                    if (line.startsWith("batch ")) {
                        seen++;
                    }
                }
                assertThat(seen).as("batches the child committed before kill %d (seed %d); stderr: %s", kill + 1,
                        seed, stderr(child)).isEqualTo(batches);
                Thread.sleep(random.nextInt(40));
                child.destroyForcibly(); // SIGKILL
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            }
            batchesSeen.add(batches);
        }

        try (ReencryptionFixture fixture = ReencryptionFixture.open(url, dir)) {
            long outdated = new Reencryption(fixture.reencryptor()).outdatedRows();
            assertThat(outdated).as("values left after %d kills (batches before each: %s)", KILLS, batchesSeen)
                    .isPositive().isLessThan(VALUES);
            assertEveryCredentialDecryptsToItsOriginal(fixture);
        }

        Process last = startChild();
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as("last run; stderr: %s", stderr(last)).isZero();

        try (ReencryptionFixture fixture = ReencryptionFixture.open(url, dir)) {
            assertThat(fixture.valuesPerScheme())
                    .containsOnly(Map.entry(ReencryptionFixture.NEW_SCHEME_ID, (long) VALUES));
            assertThat(fixture.rowCounts()).isEqualTo(rowsBefore);
            assertEveryCredentialDecryptsToItsOriginal(fixture);
        }
    }

    @Test
    void liveUpdatesAndASecondReencryptorLoseNothing() throws Exception {
        ReencryptionFixture.seed(url, dir, 300);
        try (ReencryptionFixture fixture = ReencryptionFixture.open(url, dir)) {
            ReencryptionRaces.liveUpdatesAndTwoReencryptors(fixture, 300);
        }
    }

    @Test
    void postgresStoppedInTheMiddleOfARunFailsItClearlyAndTheNextRunFinishes() throws Exception {
        int credentials = 200;
        ReencryptionFixture.seed(url, dir, credentials);
        String rowsBefore;
        try (ReencryptionFixture fixture = ReencryptionFixture.open(url, dir)) {
            rowsBefore = fixture.rowCounts();
            Reencryption reencryption = new Reencryption(fixture.reencryptor());
            ReencryptionListener stopAfterTwoBatches = progress -> {
                if (progress.batches() == 2) {
                    PostgresServer.stop();
                }
            };
            try {
                assertThatThrownBy(() -> reencryption.run(20, 1000, stopAfterTwoBatches))
                        .isInstanceOf(KsmException.class)
                        .hasMessageStartingWith("Re-encryption stopped after 2 batches (40 values re-encrypted and"
                                                + " committed; the next run continues from there): camel-ksm"
                                                + " database error while re-encrypting a batch of values: ");
            } finally {
                PostgresServer.start();
            }
        }

        // the next run, as the operator's next ksm-admin reencrypt: a new process with new connections
        try (ReencryptionFixture fixture = ReencryptionFixture.open(url, dir)) {
            ReencryptionResult next = new Reencryption(fixture.reencryptor()).run(20, 1000,
                    ReencryptionListener.NONE);

            assertThat(next.complete()).isTrue();
            assertThat(next.rowsDone()).isEqualTo(2L * credentials - 40);
            assertThat(fixture.rowCounts()).isEqualTo(rowsBefore);
            CredentialStore store = fixture.credentials();
            for (int i = 0; i < credentials; i++) {
                Credential read = store.find(CredentialName.of("Cred-" + i)).orElseThrow();
                assertThat(read.secret(CredentialField.PASSWORD).orElseThrow().reveal())
                        .isEqualTo(ReencryptionFixture.password(i));
            }
        }
    }

    private Process startChild() throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                ReencryptionChild.class.getName(), url, dir.toString(), Integer.toString(BATCH_SIZE));
        return new ProcessBuilder(command).redirectError(dir.resolve("child-stderr.txt").toFile()).start();
    }

    private String stderr(Process child) {
        try {
            return Files.readString(dir.resolve("child-stderr.txt"));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void assertEveryCredentialDecryptsToItsOriginal(ReencryptionFixture fixture) {
        CredentialStore store = fixture.credentials();
        for (int i = 0; i < CREDENTIALS; i++) {
            Credential read = store.find(CredentialName.of("Cred-" + i)).orElseThrow();
            assertThat(read.secret(CredentialField.PASSWORD).orElseThrow().reveal())
                    .isEqualTo(ReencryptionFixture.password(i));
            assertThat(read.properties().get("apiKey").value().reveal()).isEqualTo(ReencryptionFixture.apiKey(i));
            read.destroySecrets();
        }
    }

    /** The test server of .ci/start-postgres.sh ({@code KSM_TEST_POSTGRES_DIR}), stopped and started again. */
    private static final class PostgresServer {

        static void stop() {
            pgCtl("stop", "-m", "fast", "-w");
        }

        static void start() {
            URI server = URI.create(System.getenv(PostgresSchemas.URL_VARIABLE).substring("jdbc:".length()));
            String directory = System.getenv("KSM_TEST_POSTGRES_DIR");
            pgCtl("start", "-w", "-t", "60", "-l", directory + "/postgres.log", "-o", "-p " + server.getPort()
                  + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off");
        }

        private static void pgCtl(String... args) {
            String directory = System.getenv("KSM_TEST_POSTGRES_DIR");
            Assumptions.assumeTrue(directory != null && !directory.isBlank(),
                    "KSM_TEST_POSTGRES_DIR is not set: cannot restart the server");
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            command.add(pgCtlBinary());
            command.addAll(List.of("-D", directory + "/data"));
            command.addAll(List.of(args));
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("pg_ctl " + String.join(" ", args) + " failed");
                }
            } catch (IOException e) {
                throw new IllegalStateException("pg_ctl " + args[0] + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private static String pgCtlBinary() {
            try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                return versions.map(v -> v.resolve("bin/pg_ctl")).filter(Files::isExecutable).sorted()
                        .reduce((a, b) -> b).orElseThrow().toString();
            } catch (IOException e) {
                throw new IllegalStateException("no pg_ctl under /usr/lib/postgresql", e);
            }
        }
    }
}
