package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database contract on PostgreSQL, each test in a schema of its own. Needs {@code KSM_TEST_POSTGRES_URL} (a JDBC
 * URL including the user, as printed by {@code .ci/start-postgres.sh}); without it the tests are skipped, except in CI
 * ({@code CI} set), where they fail so that CI never skips them silently.
 */
class PostgresKsmDatabaseTest extends KsmDatabaseContractTest {

    static final String URL_VARIABLE = "KSM_TEST_POSTGRES_URL";

    private static String serverUrl;
    /** The schemas this test made: a test may ask for a second, empty database. */
    private final List<String> schemas = new ArrayList<>();

    @BeforeAll
    static void requirePostgresInCi() {
        serverUrl = System.getenv(URL_VARIABLE);
        String ci = System.getenv("CI");
        if (isBlank(serverUrl) && !isBlank(ci)) {
            fail(URL_VARIABLE + " is not set, but CI is: the PostgreSQL tests must run in CI."
                 + " Start a server with: eval \"$(bash .ci/start-postgres.sh)\"");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    protected String newDatabaseUrl() throws SQLException {
        // skipped one by one, so that the skipped count shows them
        Assumptions.assumeFalse(isBlank(serverUrl), URL_VARIABLE + " is not set: skipping the PostgreSQL tests"
                                                    + " (eval \"$(bash .ci/start-postgres.sh)\" starts a server)");
        String schema = "ksm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        schemas.add(schema);
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected Connection rawConnection(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    @Test
    void theAuditTrailCannotBeTruncated() throws SQLException {
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO audit_event (event_time, roles, outcome) VALUES (CURRENT_TIMESTAMP, '', 'DENIED')");

            assertThatThrownBy(() -> s.execute("TRUNCATE audit_event"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("audit_event is append-only: TRUNCATE is not allowed");
            assertThat(selectString(c, "SELECT COUNT(*) FROM audit_event")).isEqualTo("1");
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        closeDatabase();
        for (String schema : schemas) {
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        schemas.clear();
    }
}
