package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database contract on PostgreSQL, each test in a schema of its own. Needs {@code KSM_TEST_POSTGRES_URL} (a JDBC
 * URL including the user, as printed by {@code .ci/start-postgres.sh}); without it the tests are skipped, except in CI
 * ({@code CI} set), where they fail so that CI never skips them silently.
 */
class PostgresKsmDatabaseTest extends KsmDatabaseContractTest {

    /** A test may ask for a second, empty database: one schema each. */
    private final PostgresSchemas schemas = new PostgresSchemas();

    @BeforeAll
    static void requirePostgresInCi() {
        PostgresSchemas.requireServerInCi();
    }

    @Override
    protected String newDatabaseUrl() throws SQLException {
        return schemas.newSchemaUrl();
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
        schemas.dropAll();
    }
}
