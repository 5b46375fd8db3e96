package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assertions;

/**
 * Where credentials are used, on PostgreSQL in a schema of its own. Needs {@code KSM_TEST_POSTGRES_URL} as
 * {@link PostgresKsmDatabaseTest} does: skipped without it, failed in CI without it.
 */
class PostgresCredentialReferencesTest extends CredentialReferencesContractTest {

    private static String serverUrl;
    private String schema;

    @BeforeAll
    static void requirePostgresInCi() {
        serverUrl = System.getenv(PostgresSchemas.URL_VARIABLE);
        if (isBlank(serverUrl) && !isBlank(System.getenv("CI"))) {
            Assertions.fail(PostgresSchemas.URL_VARIABLE + " is not set, but CI is: the PostgreSQL tests must"
                            + " run in CI. Start a server with: eval \"$(bash .ci/start-postgres.sh)\"");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    protected String newDatabaseUrl() throws SQLException {
        Assumptions.assumeFalse(isBlank(serverUrl), PostgresSchemas.URL_VARIABLE
                                                    + " is not set: skipping the PostgreSQL tests");
        schema = "ksm_refs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        closeNodes();
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
