package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/** {@code ksm-admin audit verify} on a real embedded H2 database: intact, tampered, and shorter than recorded. */
class AuditVerifyCommandTest {

    @TempDir
    Path home;

    @BeforeEach
    void threeEntries() {
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            for (int i = 1; i <= 3; i++) {
                db.auditTrail().record(new AuditEvent(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i), "Api",
                        "authorize", "route", "ex-" + i, "alice", Set.of("ops"), "p", "r", AuditOutcome.GRANTED,
                        "event " + i));
            }
        }
    }

    private AdminRun verify(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "--home";
        args[1] = home.toString();
        args[2] = "audit";
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[3] = "verify";
        System.arraycopy(extra, 0, all, 4, extra.length);
        return AdminRun.run("", all);
    }

    @Test
    void anIntactTrailExitsZeroAndPrintsTheLastSequenceNumber() {
        AdminRun run = verify();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Audit trail intact: 3 chained entries (seq 1..3).")
                .contains("Last entry: seq 3, MAC ").contains("--expect-seq 3");
        assertThat(verify("--expect-seq", "3").exitCode()).isZero();
    }

    @Test
    void aDeletedEntryExitsWithTheTamperedCodeAndNamesItsPosition() throws SQLException {
        try (Connection c = DriverManager.getConnection(DatabaseSettings.embedded(home).jdbcUrl(), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_event_append_only");
            s.execute("DELETE FROM audit_event WHERE chain_seq = 2");
        }

        AdminRun run = verify();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(KsmAdmin.EXIT_TAMPERED);
        assertThat(run.out()).contains("Audit trail TAMPERED at seq 2 (id 3): GAP: seq 2 missing")
                .contains("Seq 1..1 before it verified.");
    }

    @Test
    void aTrailShorterThanAnEarlierVerifySawIsTampered() {
        AdminRun run = verify("--expect-seq", "5");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(KsmAdmin.EXIT_TAMPERED);
        assertThat(run.out()).contains("TAMPERED at seq 4: TRUNCATED");
        assertThat(verify("--expect-seq", "-1").exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
    }

    @Test
    void theHelpNoLongerPromisesWhatTheDatabaseOwnerCouldBreak() {
        AdminRun audit = AdminRun.run("", "audit", "--help");

        assertThat(audit.out()).doesNotContain("cannot be changed from here or anywhere else").contains("verify")
                .contains("whoever owns the database");
        assertThat(AdminRun.run("", "audit", "verify", "--help").out()).contains("Exit code 0: intact; 3: tampered");
        assertThat(AdminRun.run("", "audit").err()).contains("Missing command: tail or verify");
    }
}
