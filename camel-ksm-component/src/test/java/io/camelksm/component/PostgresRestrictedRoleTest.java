package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import io.camelksm.runtime.AuditMode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.KsmException;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.access.Caller;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.credential.CredentialName;
import io.camelksm.store.jdbc.AuditVerification;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * The audit trail on PostgreSQL with the setup the docs describe: the schema belongs to an owner role that runs the
 * migrations, the application's role may only INSERT and SELECT audit rows, so it can neither change, delete nor
 * truncate them nor switch the guard trigger off, while the component (migrateSchema=false) works and audits. Also:
 * two "nodes" appending at once keep one chain. Needs {@code KSM_TEST_POSTGRES_URL} with a superuser (as
 * {@code .ci/start-postgres.sh} prints); skipped without it, failed in CI ({@code CI} set).
 */
class PostgresRestrictedRoleTest {

    /** The grants of the docs (ksm-component.adoc, "A restricted application role on PostgreSQL"). */
    static final String[] APP_GRANTS = {
        "GRANT USAGE ON SCHEMA %1$s TO %2$s",
        "GRANT SELECT ON ksm_schema_history, encryption_scheme TO %2$s",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON credential, credential_field, credential_property, access_right,"
        + " route_metadata_write TO %2$s",
        "GRANT SELECT, INSERT ON audit_event TO %2$s",
        "GRANT SELECT, UPDATE ON audit_chain_head TO %2$s" };

    private static final Caller ADMIN = new Caller("admin", Set.of(), "test", "node-1", null);
    private static final CredentialName NAME = CredentialName.of("Portal");

    private static String serverUrl;

    @TempDir
    Path tempDir;

    private String suffix;
    private String schema;
    private String owner;
    private String app;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void requirePostgresInCi() {
        serverUrl = System.getenv("KSM_TEST_POSTGRES_URL");
        if (isBlank(serverUrl) && !isBlank(System.getenv("CI"))) {
            fail("KSM_TEST_POSTGRES_URL is not set, but CI is: the PostgreSQL tests must run in CI."
                 + " Start a server with: eval \"$(bash .ci/start-postgres.sh)\"");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @BeforeEach
    void createRolesAndSchema() throws SQLException {
        Assumptions.assumeFalse(isBlank(serverUrl), "KSM_TEST_POSTGRES_URL is not set: skipping the PostgreSQL tests"
                                                    + " (eval \"$(bash .ci/start-postgres.sh)\" starts a server)");
        suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        schema = "ksm_" + suffix;
        owner = "ksm_owner_" + suffix;
        app = "ksm_app_" + suffix;
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + owner + " LOGIN");
            s.execute("CREATE ROLE " + app + " LOGIN");
            s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + owner);
        }
    }

    @AfterEach
    void dropRolesAndSchema() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("DROP ROLE IF EXISTS " + app);
            s.execute("DROP ROLE IF EXISTS " + owner);
        }
    }

    /** The server's URL as the given role, in the test's schema. */
    private String urlAs(String role) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        return base + "?user=" + role + "&currentSchema=" + schema;
    }

    private DatabaseSettings settingsAs(String role, boolean migrate) {
        return new DatabaseSettings(urlAs(role), null, null, tempDir.resolve("keys/ksm.key"))
                .withMigrate(migrate);
    }

    private KsmDatabase openAs(String role, boolean migrate) {
        KsmDatabase db = KsmDatabase.open(settingsAs(role, migrate));
        open.add(db);
        return db;
    }

    /** The owner migrates the schema and grants the application role what the docs list. */
    private void migrateAsOwnerAndGrant() throws SQLException {
        KsmDatabase.open(settingsAs(owner, true)).close();
        try (Connection c = DriverManager.getConnection(urlAs(owner)); Statement s = c.createStatement()) {
            for (String grant : APP_GRANTS) {
                s.execute(String.format(grant, schema, app));
            }
        }
    }

    @Test
    void theApplicationRoleAppendsAuditRowsButCannotChangeDeleteTruncateOrUnguardThem() throws Exception {
        migrateAsOwnerAndGrant();

        CamelContext context = new DefaultCamelContext();
        open.add(context);
        KsmComponent component = context.getComponent("ksm", KsmComponent.class);
        component.getDatabaseConfiguration().setJdbcUrl(urlAs(app));
        component.getDatabaseConfiguration().setKeyFile(tempDir.resolve("keys/ksm.key").toString());
        component.getDatabaseConfiguration().setMigrateSchema(false);
        component.getAuditConfiguration().setAuditMode(AuditMode.SYNC);
        component.getCallerConfiguration().setNodeName("node-1");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").routeId("portal").to("ksm:Portal?operation=get");
            }
        });
        context.start();
        GovernedCredentials governed = component.getGovernedCredentials();
        PortalCredential.storeAndGrant(governed, ADMIN);
        for (int i = 0; i < 3; i++) {
            Exchange done = context.createProducerTemplate().send("direct:get", e -> { });
            assertThat(done.getException()).isNull();
        }

        try (Connection c = DriverManager.getConnection(urlAs(app)); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM audit_event WHERE operation = 'get' AND outcome = 'GRANTED'"))
                    .isEqualTo(3);
            for (String tamper : List.of("UPDATE audit_event SET outcome = 'DENIED'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event", "ALTER TABLE audit_event DISABLE TRIGGER ALL",
                    "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only",
                    "DROP TRIGGER audit_event_append_only ON audit_event", "DROP TABLE audit_event")) {
                assertThatThrownBy(() -> s.execute(tamper)).as(tamper).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(tamper).isEqualTo("42501"));
            }
            assertThat(count(s, "SELECT COUNT(*) FROM audit_event WHERE operation = 'get'")).isEqualTo(3);
        }
        // the application's own view of the chain: intact, every row chained
        AuditVerification v = openAs(app, false).verifyAuditTrail();
        assertThat(v.intact()).as("%s", v).isTrue();
        assertThat(v.chainedRows()).isGreaterThanOrEqualTo(7); // create, 3 grants, 3 reads
    }

    @Test
    void withoutMigrationsTheApplicationRoleRefusesAnOutdatedSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(urlAs(owner)); Statement s = c.createStatement()) {
            s.execute(String.format(APP_GRANTS[0], schema, app));
        }

        assertThatThrownBy(() -> openAs(app, false)).isInstanceOf(KsmException.class)
                .hasMessageContaining("is not up to date and migrate=false");
    }

    @Test
    void twoNodesAppendingAtOnceKeepOneChain() throws Exception {
        migrateAsOwnerAndGrant();
        List<KsmDatabase> nodes = List.of(openAs(app, false), openAs(app, false));
        int threadsPerNode = 3;
        int rounds = 30;
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size() * threadsPerNode);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (KsmDatabase node : nodes) {
                for (int t = 0; t < threadsPerNode; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < rounds; i++) {
                            node.auditTrail().record(event(i));
                            node.auditTrail().recordAll(List.of(event(i), event(i + 1), event(i + 2)));
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        AuditVerification v = nodes.get(0).verifyAuditTrail();
        long total = (long) nodes.size() * threadsPerNode * rounds * 4;
        assertThat(v.intact()).as("%s", v).isTrue();
        assertThat(v.chainedRows()).isEqualTo(total);
    }

    private static AuditEvent event(int n) {
        return new AuditEvent(null, "Api", "authorize", "route-1", "exchange-" + n, "alice", Set.of("ops"), "p",
                "node", AuditOutcome.GRANTED, "event " + n);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
