package io.camelksm.store.jdbc;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Where credentials are used, on PostgreSQL in a schema of its own. Needs {@code KSM_TEST_POSTGRES_URL} as
 * {@link PostgresKsmDatabaseTest} does: skipped without it, failed in CI without it.
 */
class PostgresCredentialReferencesTest extends CredentialReferencesContractTest {

    private final PostgresSchemas schemas = new PostgresSchemas();

    @BeforeAll
    static void requirePostgresInCi() {
        PostgresSchemas.requireServerInCi();
    }

    @Override
    protected String newDatabaseUrl() throws SQLException {
        return schemas.newSchemaUrl();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        closeNodes();
        schemas.dropAll();
    }
}
