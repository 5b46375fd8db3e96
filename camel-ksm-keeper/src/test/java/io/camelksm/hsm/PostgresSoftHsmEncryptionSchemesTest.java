package io.camelksm.hsm;

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

/**
 * {@link SoftHsmEncryptionSchemesContract} on PostgreSQL ({@code KSM_TEST_POSTGRES_URL} as printed by
 * {@code .ci/start-postgres.sh}), each test in a schema of its own; skipped without it, except in CI.
 */
class PostgresSoftHsmEncryptionSchemesTest extends SoftHsmEncryptionSchemesContract {

    private static final String URL_VARIABLE = "KSM_TEST_POSTGRES_URL";
    private static String serverUrl;
    private final List<String> schemas = new ArrayList<>();

    @BeforeAll
    static void requirePostgresInCi() {
        serverUrl = System.getenv(URL_VARIABLE);
        if ((serverUrl == null || serverUrl.isBlank()) && System.getenv("CI") != null) {
            fail(URL_VARIABLE + " is not set, but CI is: the PostgreSQL tests must run in CI");
        }
    }

    @Override
    protected String newDatabaseUrl() throws SQLException {
        Assumptions.assumeFalse(serverUrl == null || serverUrl.isBlank(), URL_VARIABLE + " is not set: skipping");
        String schema = "ksm_hsm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        schemas.add(schema);
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected Connection rawConnection(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        for (String schema : schemas) {
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        schemas.clear();
    }
}
