package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.camelksm.access.Dimension;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.credential.CredentialName;

/**
 * camel-ksm in the application's own DataSource: its tables and history table in a schema of their own, beside the
 * application's tables (one even has the same name) and the application's own Flyway history; the application's pool
 * is not closed and its connections keep their schema.
 */
class ApplicationDataSourceTest {

    @TempDir
    Path tempDir;

    @Test
    void onH2CamelKsmLivesInSchemaKsmBesideTheApplicationsTables() throws Exception {
        JdbcConnectionPool app = JdbcConnectionPool.create("jdbc:h2:mem:app-" + UUID.randomUUID()
                                                           + ";DB_CLOSE_DELAY=-1", "sa", "");
        app.setMaxConnections(3);
        try {
            sideBySide(app, null, "ksm", "\"ksm\"", "PUBLIC");
        } finally {
            app.dispose();
        }
    }

    @Test
    void onPostgresqlCamelKsmLivesInItsSchemaBesideTheApplicationsTables() throws Exception {
        String serverUrl = System.getenv(PostgresSchemas.URL_VARIABLE);
        if (serverUrl == null || serverUrl.isBlank()) {
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                fail(PostgresSchemas.URL_VARIABLE + " is not set, but CI is");
            }
            Assumptions.abort(PostgresSchemas.URL_VARIABLE + " is not set: skipping");
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String appSchema = "app_" + suffix;
        String ksmSchema = "ksm_ds_" + suffix;
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + appSchema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + appSchema);
        config.setMaximumPoolSize(3);
        try (HikariDataSource app = new HikariDataSource(config)) {
            sideBySide(app, ksmSchema, ksmSchema, ksmSchema, appSchema);
        } finally {
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + appSchema + " CASCADE");
                s.execute("DROP SCHEMA IF EXISTS " + ksmSchema + " CASCADE");
            }
        }
    }

    @Test
    void aSchemaNameThatIsNoPlainSqlNameIsRefused() {
        assertThatThrownBy(() -> DatabaseSettings.ofDataSource(new org.h2.jdbcx.JdbcDataSource(), "ksm; DROP x",
                tempDir.resolve("ksm.key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a plain SQL name").hasMessageContaining("'ksm; DROP x'");
    }

    private void sideBySide(DataSource app, String schemaSetting, String ksmSchema, String ksmSchemaSql,
                            String appSchema) throws SQLException {
        Flyway.configure().dataSource(app).locations("classpath:appdb").load().migrate();

        DatabaseSettings settings = DatabaseSettings.ofDataSource(app, schemaSetting, tempDir.resolve("ksm.key"));
        assertThat(settings.effectiveSchema()).contains(ksmSchema);
        try (KsmDatabase db = KsmDatabase.open(settings)) {
            db.credentials().create(KsmDatabaseContractTest.basic("Shared", "pw"));
            db.accessRights().grant(CredentialName.of("Shared"), Dimension.ROLE, "ops");
            db.auditTrail().record(new AuditEvent(Instant.now(), "Shared", "get", "route-1", "exchange-1", "alice",
                    Set.of("ops"), "route-1", "node-a", AuditOutcome.GRANTED, "granted"));
            assertThat(db.credentials().names()).containsExactly(CredentialName.of("Shared"));
            assertThat(db.verifyAuditTrail().chainedRows()).isEqualTo(1);
        }
        // opened again: nothing to migrate, the same rows
        try (KsmDatabase db = KsmDatabase.open(settings)) {
            assertThat(db.credentials().find(CredentialName.of("Shared"))).isPresent();
        }

        try (Connection c = app.getConnection(); Statement s = c.createStatement()) {
            assertThat(c.getSchema()).as("the application's connection keeps its schema").isEqualTo(appSchema);
            assertThat(strings(s, "SELECT note FROM credential")).containsExactly("the application's own");
            assertThat(strings(s, "SELECT name FROM " + ksmSchemaSql + ".credential")).containsExactly("Shared");
            assertThat(strings(s, "SELECT \"script\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                                  + " ORDER BY \"installed_rank\""))
                    .as("the application's history").containsExactly("V1__app.sql", "V2__app.sql");
            assertThat(strings(s, "SELECT \"script\" FROM " + ksmSchemaSql + ".\"ksm_schema_history\""
                                  + " WHERE \"version\" IS NOT NULL AND \"type\" = 'SQL' ORDER BY \"installed_rank\""))
                    .as("camel-ksm's history").containsExactly("V1__credentials_rights_audit.sql",
                            "V2__audit_event_append_only.sql", "V3__audit_event_occurrences.sql",
                            "V4__write_rights.sql", "V5__audit_event_chain.sql", "V6__audit_event_journal_key.sql",
                            "V7__credential_reference.sql", "V8__credential_reference_stopped.sql",
                            "V9__encryption_schemes.sql", "V10__oauth_token.sql", "V11__change_notices.sql");
            assertThat(strings(s, "SELECT table_schema FROM information_schema.tables"
                                  + " WHERE LOWER(table_name) = 'ksm_schema_history'"))
                    .containsExactly(ksmSchema);
            assertThat(strings(s, "SELECT LOWER(table_name) FROM information_schema.tables"
                                  + " WHERE table_schema = '" + appSchema + "' ORDER BY 1"))
                    .as("camel-ksm put nothing into the application's schema")
                    .containsExactly("credential", "flyway_schema_history");
        }
        // closing camel-ksm left the application's pool open, and each of its connections in its own schema
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                all.add(app.getConnection());
                assertThat(all.get(i).getSchema()).isEqualTo(appSchema);
            }
        } finally {
            for (Connection c : all) {
                c.close();
            }
        }
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }
}
