package io.camelksm.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, empty schemas on the PostgreSQL server named by {@value #URL_VARIABLE}, one per database a test needs, dropped
 * by {@link #dropAll()}. Without a server a test is skipped (one by one, so that the skipped count shows them), except
 * in CI, where the PostgreSQL tests must run ({@link #requireServerInCi()}).
 */
final class PostgresSchemas {

    static final String URL_VARIABLE = "KSM_TEST_POSTGRES_URL";

    private final List<String> schemas = new ArrayList<>();

    /** Fails when {@code CI} is set but no server is: for a {@code @BeforeAll}. */
    static void requireServerInCi() {
        if (isBlank(serverUrl()) && !isBlank(System.getenv("CI"))) {
            fail(URL_VARIABLE + " is not set, but CI is: the PostgreSQL tests must run in CI."
                 + " Start a server with: eval \"$(bash .ci/start-postgres.sh)\"");
        }
    }

    static String serverUrl() {
        return System.getenv(URL_VARIABLE);
    }

    /** The JDBC URL of a new, empty schema; skips the test when no server is configured. */
    String newSchemaUrl() throws SQLException {
        String server = serverUrl();
        Assumptions.assumeFalse(isBlank(server), URL_VARIABLE + " is not set: skipping the PostgreSQL tests"
                                                 + " (eval \"$(bash .ci/start-postgres.sh)\" starts a server)");
        String schema = "ksm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        schemas.add(schema);
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops every schema made since the last call. */
    void dropAll() throws SQLException {
        for (String schema : schemas) {
            try (Connection c = DriverManager.getConnection(serverUrl()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        schemas.clear();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
