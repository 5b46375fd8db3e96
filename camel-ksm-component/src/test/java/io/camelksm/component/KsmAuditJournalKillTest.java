package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.audit.JournalAuditTrail;
import io.camelksm.audit.JournalSettings;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.AuditVerification;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * Kills (SIGKILL) a JVM that sends exchanges through {@code ksm:} to a loopback API 20 times, at random moments (some
 * while it is still starting and replaying its journal). After the last kill, opening the journal writes what the
 * killed JVMs left: every exchange that reached the API then has exactly one audit row, in the order sent.
 */
class KsmAuditJournalKillTest {

    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void everyExchangeThatReachedTheApiIsAuditedOnceAndInOrderAfterRepeatedKills() throws Exception {
        Path reached = dir.resolve("reached.txt");
        int killedRunning = 0;
        for (int round = 1; round <= KILLS; round++) {
            Process child = start(reached);
            try {
                CountDownLatch ready = new CountDownLatch(1);
                StringBuilder output = new StringBuilder();
                Thread reader = watch(child, ready, output);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                if (round % 5 == 0) {
                    // anywhere in the start: opening the database, replaying the journal, the first exchanges
                    ready.await(random.nextInt(200, 1500), TimeUnit.MILLISECONDS);
                } else {
                    assertThat(ready.await(60, TimeUnit.SECONDS))
                            .as("round %d: child ready; output:%n%s", round, output).isTrue();
                    Thread.sleep(random.nextInt(20, 300));
                    killedRunning++;
                }
                assertThat(child.isAlive()).as("round %d: the child runs until killed; output:%n%s", round, output)
                        .isTrue();
                child.destroyForcibly(); // SIGKILL
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                reader.join(5_000);
            } finally {
                child.destroyForcibly(); // a failed round leaves no child JVM behind
            }
        }

        List<String> sent = Files.readAllLines(reached, StandardCharsets.US_ASCII).stream()
                .filter(line -> !line.isBlank()).toList();
        assertThat(sent).as("exchanges that reached the API in %d runs killed while sending", killedRunning)
                .hasSizeGreaterThan(killedRunning);

        // the next start: the journal the last JVM left is written into the database
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        try (KsmDatabase database = KsmDatabase.open(settings);
             JournalAuditTrail trail = JournalAuditTrail.open(JournalSettings.of(dir.resolve("audit-journal")),
                     database.auditTrail(), null)) {
            assertThat(trail.flush(Duration.ofSeconds(30))).isTrue();
            // twenty kills, each in the middle of appends, and the MAC chain has no gap, change or reorder
            AuditVerification verification = database.verifyAuditTrail();
            assertThat(verification.problem()).as("audit verify after the kills").isEmpty();
            assertThat(verification.intact()).isTrue();
            assertThat(verification.chainedRows()).isGreaterThanOrEqualTo(sent.size());
        }

        List<String> audited = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), "sa", "");
             PreparedStatement select = c.prepareStatement("SELECT exchange_id, journal_seq FROM audit_event"
                                                           + " WHERE route_id = ? ORDER BY id")) {
            select.setString(1, JournalKillChild.ROUTE);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    audited.add(rs.getString(1));
                    sequences.add(rs.getLong(2));
                }
            }
        }
        assertThat(new HashSet<>(audited)).as("no decision audited twice").hasSameSizeAs(audited);
        Set<String> reachedApi = new HashSet<>(sent);
        List<String> auditedAndSent = audited.stream().filter(reachedApi::contains).toList();
        assertThat(auditedAndSent).as("the audit rows of the exchanges that reached the API, in order")
                .containsExactlyElementsOf(sent);
        // an exchange may be audited and killed before it reached the API: at most one per kill
        assertThat(audited.size() - sent.size()).isBetween(0, KILLS);
        assertThat(sequences).as("rows in journal order").isSorted().doesNotHaveDuplicates().doesNotContain(0L);
    }

    private static Process start(Path reached) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), JournalKillChild.class.getName(),
                reached.getParent().toString(), reached.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static Thread watch(Process child, CountDownLatch ready, StringBuilder output) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.contains("CHILD ready")) {
                        ready.countDown();
                    } else if (output.length() < 20_000) {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                    }
                }
            } catch (IOException e) {
                // killed
            }
        }, "kill-child-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
