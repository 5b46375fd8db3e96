package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.runtime.AuditMode;

/**
 * The readiness check {@code camel-ksm/ksm-change-notices} of a component on PostgreSQL: LISTENING once its listener
 * hears, RECONNECTING (and still UP: the node reads the database on every request meanwhile) after the listening
 * connection was terminated and while the node cannot log in again, LISTENING with one reconnect once it can; OFF with
 * changeNotices=false, with no listening connection at all. The node logs in as a role of its own, so that the test can
 * keep it from reconnecting ({@code ALTER ROLE ... NOLOGIN}: sessions already open, the pool's, stay). Needs
 * {@code KSM_TEST_POSTGRES_URL} with a superuser (as {@code .ci/start-postgres.sh} prints); skipped without it, failed
 * in CI.
 */
class KsmChangeNoticesHealthPostgresTest {

    /** How long the listener may take to (re)connect: its back-off grows to 5 s between attempts. */
    private static final Duration CONNECT_BOUND = Duration.ofSeconds(15);
    /** How long it may take to notice a terminated connection: it probes at least every second. */
    private static final Duration LOSS_BOUND = Duration.ofSeconds(5);

    private static String serverUrl;

    @TempDir
    Path tempDir;

    private String schema;
    private String role;
    private CamelContext context;

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
    void createRoleAndSchema() throws SQLException {
        Assumptions.assumeFalse(isBlank(serverUrl), "KSM_TEST_POSTGRES_URL is not set: skipping the PostgreSQL tests"
                                                    + " (eval \"$(bash .ci/start-postgres.sh)\" starts a server)");
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        schema = "ksm_cn_" + suffix;
        role = "ksm_node_" + suffix;
        sql("CREATE ROLE " + role + " LOGIN", "CREATE SCHEMA " + schema + " AUTHORIZATION " + role);
    }

    @AfterEach
    void dropRoleAndSchema() throws Exception {
        if (context != null) {
            context.close();
        }
        if (schema != null) {
            sql("ALTER ROLE " + role + " LOGIN",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'",
                "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "DROP ROLE IF EXISTS " + role);
        }
    }

    private KsmComponent start(boolean changeNotices) throws Exception {
        context = new DefaultCamelContext();
        KsmComponent component = context.getComponent("ksm", KsmComponent.class);
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        component.getDatabaseConfiguration().setJdbcUrl(base + "?user=" + role + "&currentSchema=" + schema);
        component.getDatabaseConfiguration().setKeyFile(tempDir.resolve("ksm.key").toString());
        component.getAuditConfiguration().setAuditMode(AuditMode.SYNC);
        component.getCallerConfiguration().setNodeName("node-1");
        component.getCallerConfiguration().setCacheTtl(60_000);
        component.getCallerConfiguration().setChangeNotices(changeNotices);
        context.start();
        return component;
    }

    @Test
    void listeningThenReconnectingWhileUpThenListeningAgainWithOneReconnect() throws Exception {
        start(true);

        HealthCheck.Result listening = awaitState("LISTENING", CONNECT_BOUND);
        assertThat(listening.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(listening.getDetails()).containsEntry("changeNotices.reconnects", 0L)
                .containsKey("changeNotices.since");
        assertThat(listenerCount()).as("one listening connection of this node").isEqualTo(1);

        // the listener cannot come back until the role may log in again
        sql("ALTER ROLE " + role + " NOLOGIN");
        sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name ="
            + " 'camel-ksm-change-notices' AND usename = '" + role + "'");
        HealthCheck.Result reconnecting = awaitState("RECONNECTING", LOSS_BOUND);

        assertThat(reconnecting.getState()).as("the node still decides, from the database").isEqualTo(HealthCheck.State.UP);
        assertThat(reconnecting.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("reads the database"));
        assertThat(reconnecting.getDetails()).containsKey("changeNotices.since");

        sql("ALTER ROLE " + role + " LOGIN");
        HealthCheck.Result back = awaitState("LISTENING", CONNECT_BOUND);

        assertThat(back.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(back.getDetails()).containsEntry("changeNotices.reconnects", 1L);
        assertThat(listenerCount()).isEqualTo(1);
    }

    @Test
    void changeNoticesOffOnPostgresIsOffAndUpWithoutAListeningConnection() throws Exception {
        start(false);

        HealthCheck.Result off = check();

        assertThat(off.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(off.getDetails()).containsEntry("changeNotices.state", "OFF");
        assertThat(off.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("changeNotices=false")
                .contains("60000 ms"));
        assertThat(listenerCount()).isZero();
    }

    private HealthCheck.Result check() {
        HealthCheck check = HealthCheckRegistry.get(context).getCheck("ksm-change-notices").orElseThrow();
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
        return check.call();
    }

    /** Polls the check until its state detail is {@code state}; fails with the last result after {@code bound}. */
    private HealthCheck.Result awaitState(String state, Duration bound) throws InterruptedException {
        Predicate<HealthCheck.Result> reached = r -> state.equals(r.getDetails().get("changeNotices.state"));
        long deadline = System.nanoTime() + bound.toNanos();
        HealthCheck.Result last = check();
        while (!reached.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("ksm-change-notices not " + state + " within " + bound + ": " + last.getDetails() + " "
                     + last.getMessage().orElse(""));
            }
            Thread.sleep(50);
            last = check();
        }
        return last;
    }

    private long listenerCount() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name ="
                                           + " 'camel-ksm-change-notices' AND usename = '" + role + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
