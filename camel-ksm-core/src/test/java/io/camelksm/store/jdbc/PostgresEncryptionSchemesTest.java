package io.camelksm.store.jdbc;

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

import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The encryption scheme contract on PostgreSQL, each test in a schema of its own ({@code KSM_TEST_POSTGRES_URL}, as
 * {@link PostgresKsmDatabaseTest}), and two nodes on one database: a changed default reaches the other node.
 */
class PostgresEncryptionSchemesTest extends EncryptionSchemesContractTest {

    private static String serverUrl;
    private final List<String> schemas = new ArrayList<>();

    @BeforeAll
    static void requirePostgresInCi() {
        serverUrl = System.getenv(PostgresKsmDatabaseTest.URL_VARIABLE);
        if ((serverUrl == null || serverUrl.isBlank()) && System.getenv("CI") != null) {
            fail(PostgresKsmDatabaseTest.URL_VARIABLE + " is not set, but CI is: the PostgreSQL tests must run in CI");
        }
    }

    @Override
    protected String newDatabaseUrl() throws SQLException {
        Assumptions.assumeFalse(serverUrl == null || serverUrl.isBlank(), PostgresKsmDatabaseTest.URL_VARIABLE
                                                                          + " is not set: skipping");
        String schema = "ksm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        schemas.add(schema);
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Test
    void aNodeSeesTheDefaultAnotherNodeChangedWhenItRefreshes() throws Exception {
        String url = newDatabaseUrl();
        KsmSettings settings = KsmSettings.builder()
                .database(new DatabaseSettings(url, null, null, tempDir.resolve("keys/ksm.key")))
                .auditMode(AuditMode.SYNC).build();
        try (KsmRuntime a = KsmRuntime.open(settings); KsmRuntime b = KsmRuntime.open(settings)) {
            a.schemes().create("db-2", SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE, ADMIN);
            a.schemes().setDefault("db-2", ADMIN);
            assertThat(a.database().schemes().registry().current().id()).isEqualTo("db-2");
            assertThat(b.database().schemes().registry().current().id())
                    .as("within the refresh interval b still writes with the old default")
                    .isEqualTo(KsmDatabase.DEFAULT_SCHEME_ID);
            b.database().schemes().reload(); // what the refresh does once DatabaseSchemes.REFRESH has passed
            assertThat(b.database().schemes().registry().current().id()).isEqualTo("db-2");
        }
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        closeRuntimesNow();
        for (String schema : schemas) {
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        schemas.clear();
    }
}
