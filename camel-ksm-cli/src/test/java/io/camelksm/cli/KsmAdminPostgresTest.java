package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.store.jdbc.DatabaseSettings;

/**
 * {@code ksm-admin} on PostgreSQL (the production database) through {@code --db-url}, in a schema of its own. Needs
 * {@code KSM_TEST_POSTGRES_URL} as printed by {@code .ci/start-postgres.sh}; skipped without it, except in CI
 * ({@code CI} set), where it fails so that CI never skips it silently.
 */
class KsmAdminPostgresTest {

    private static final String URL_VARIABLE = "KSM_TEST_POSTGRES_URL";
    private static final String PASSWORD = "pg-open-sesame";

    @TempDir
    Path keyDir;

    private String serverUrl;
    private String schema;

    @BeforeEach
    void createSchema() throws SQLException {
        serverUrl = System.getenv(URL_VARIABLE);
        if (isBlank(serverUrl)) {
            if (!isBlank(System.getenv("CI"))) {
                fail(URL_VARIABLE + " is not set, but CI is: the PostgreSQL tests must run in CI."
                     + " Start a server with: eval \"$(bash .ci/start-postgres.sh)\"");
            }
            Assumptions.abort(URL_VARIABLE + " is not set: skipping ksm-admin on PostgreSQL");
        }
        schema = "ksm_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private AdminRun admin(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--db-url",
                serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema, "--key-file",
                keyDir.resolve("ksm.key").toString()));
        all.addAll(List.of(args));
        AdminRun run = AdminRun.run(stdin, all.toArray(String[]::new));
        assertThat(run.all()).doesNotContain(PASSWORD);
        return run;
    }

    @Test
    void addGrantShowListAuditAndDeleteOnPostgres() {
        assertThat(admin(PASSWORD + "\n", "credential", "add", "--name", "PgApi", "--type", "basic", "--username",
                "svc").exitCode()).isZero();
        assertThat(admin("", "credential", "grant", "PgApi", "--role", "ops", "--process", "*", "--resource", "*")
                .exitCode()).isZero();

        AdminRun show = admin("", "credential", "show", "pgapi");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("name:        PgApi", "svc", "******", "roles:", "ops");
        assertThat(admin("", "credential", "list").out()).contains("PgApi");
        assertThat(admin("", "credential", "add", "--name", "PGAPI", "--type", "bearer").exitCode())
                .isEqualTo(KsmAdmin.EXIT_USER_ERROR);

        assertThat(admin("", "credential", "delete", "PgApi").exitCode()).isZero();
        String tail = admin("", "audit", "tail", "-n", "10").out();
        assertThat(tail).contains("create", "grant", "delete", "process=ksm-admin");
    }

    @Test
    void refsAndDeleteSeeTheRowsOfANodeRunningBesideOnPostgresAndAfterItStopped() {
        assertThat(admin(PASSWORD + "\n", "credential", "add", "--name", "PgApi", "--type", "basic", "--username",
                "svc").exitCode()).isZero();
        String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (KsmRuntime node = KsmRuntime.open(KsmSettings.builder().database(new DatabaseSettings(url, null, null,
                keyDir.resolve("ksm.key"))).auditMode(AuditMode.SYNC).nodeName("pg-node").build())) {
            node.references().register(CredentialName.of("PgApi"), CredentialReference.Kind.ENDPOINT, "ksm://PgApi",
                    "invoices");

            assertThat(admin("", "credential", "refs", "pgapi").out()).contains("ENDPOINT", "ksm://PgApi", "invoices",
                    "pg-node", "running", "never");
            AdminRun refused = admin("", "credential", "delete", "PgApi");
            assertThat(refused.exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
            assertThat(refused.err()).contains("invoices", "1 place (running)", "Use --force");
            assertThat(admin("", "credential", "show", "PgApi").exitCode()).isZero();
        }

        assertThat(admin("", "credential", "refs", "PgApi").out()).contains("invoices", "pg-node", "stopped at");
        AdminRun refused = admin("", "credential", "delete", "PgApi");
        assertThat(refused.exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(refused.err()).contains("1 place (stopped)", "Use --force");
        assertThat(admin("", "credential", "delete", "PgApi", "--force").out())
                .isEqualTo("Deleted credential 'PgApi', overriding 1 reference (credential refs lists them until their"
                           + " nodes start again without them).\n");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
