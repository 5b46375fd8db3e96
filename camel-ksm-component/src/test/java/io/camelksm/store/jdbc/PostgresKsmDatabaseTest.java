package io.camelksm.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The database contract on PostgreSQL, each test in a schema of its own. Needs {@code KSM_TEST_POSTGRES_URL} (a JDBC
 * URL including the user, as printed by {@code .ci/start-postgres.sh}); without it the tests are skipped, except in CI
 * ({@code CI} set), where they fail so that CI never skips them silently.
 */
class PostgresKsmDatabaseTest extends KsmDatabaseContractTest {

    static final String URL_VARIABLE = "KSM_TEST_POSTGRES_URL";

    private static String serverUrl;
    private String schema;

    @BeforeAll
    static void requirePostgres() {
        serverUrl = System.getenv(URL_VARIABLE);
        if (serverUrl == null || serverUrl.isBlank()) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                fail(URL_VARIABLE + " is not set, but CI is: the PostgreSQL tests must run in CI."
                     + " Start a server with: eval \"$(bash .ci/start-postgres.sh)\"");
            }
            Assumptions.abort(URL_VARIABLE + " is not set: skipping the PostgreSQL tests"
                              + " (eval \"$(bash .ci/start-postgres.sh)\" starts a throwaway server)");
        }
    }

    @Override
    protected String newDatabaseUrl() throws SQLException {
        schema = "ksm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected Connection rawConnection(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        closeDatabase();
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
