package io.camelksm.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.store.jdbc.DatabaseSettings;

/**
 * A Spring Boot application with its own Flyway ({@code db/migration/V1__app.sql}, {@code V2__app.sql}) and camel-ksm
 * on its class path: Boot's Flyway, which scans {@code classpath:db/migration} recursively, finds only the
 * application's scripts (camel-ksm's used to be under {@code db/migration/ksm}: "Found more than one migration with
 * version 2"), and camel-ksm opens beside it, in a database of its own or in the application's DataSource.
 */
class BootFlywayBesideKsmTest {

    @TempDir
    Path tempDir;

    @SpringBootConfiguration
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
    static class FlywayApp {
    }

    private ConfigurableApplicationContext startApp() {
        return new SpringApplicationBuilder(FlywayApp.class)
                .properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
                        "spring.datasource.url=jdbc:h2:mem:bootapp-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .run();
    }

    @Test
    void bootsFlywayRunsOnlyTheApplicationsScriptsAndCamelKsmOpensInADatabaseOfItsOwn() throws Exception {
        try (ConfigurableApplicationContext app = startApp()) {
            assertThat(scripts(app.getBean(Flyway.class))).containsExactly("V1__app.sql", "V2__app.sql");

            try (KsmRuntime ksm = KsmRuntime.open(KsmSettings.builder()
                    .database(DatabaseSettings.embedded(tempDir.resolve("ksm"))).build())) {
                storeAndRead(ksm);
                assertThat(historyScripts(ksm.settings().database().jdbcUrl(), "\"ksm_schema_history\""))
                        .hasSize(11).doesNotContain("V1__app.sql", "V2__app.sql");
            }

            assertThat(historyScripts(app.getBean(DataSource.class), "\"flyway_schema_history\""))
                    .containsExactly("V1__app.sql", "V2__app.sql");
        }
    }

    @Test
    void camelKsmInTheApplicationsDataSourceKeepsItsScriptsAndTablesInItsOwnSchema() throws Exception {
        try (ConfigurableApplicationContext app = startApp()) {
            DataSource dataSource = app.getBean(DataSource.class);

            try (KsmRuntime ksm = KsmRuntime.open(KsmSettings.builder()
                    .database(DatabaseSettings.ofDataSource(dataSource, null, tempDir.resolve("ksm.key"))).build())) {
                storeAndRead(ksm);
            }

            assertThat(historyScripts(dataSource, "\"flyway_schema_history\""))
                    .as("the application's history").containsExactly("V1__app.sql", "V2__app.sql");
            assertThat(historyScripts(dataSource, "\"ksm\".\"ksm_schema_history\""))
                    .as("camel-ksm's history").hasSize(11).contains("V1__credentials_rights_audit.sql")
                    .doesNotContain("V1__app.sql", "V2__app.sql");
            assertThat(scripts(app.getBean(Flyway.class))).as("Boot's Flyway, asked again")
                    .containsExactly("V1__app.sql", "V2__app.sql");
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT item FROM app_order")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("first");
            }
        }
    }

    private static void storeAndRead(KsmRuntime ksm) {
        ksm.database().credentials().create(Credential.builder("Beside", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "svc").value(CredentialField.PASSWORD, "pw").build());
        assertThat(ksm.database().credentials().names()).containsExactly(CredentialName.of("Beside"));
        assertThat(ksm.database().verifyAuditTrail().intact()).isTrue();
    }

    /** Every migration Flyway knows of: found on the class path or recorded in its history table. */
    private static List<String> scripts(Flyway flyway) {
        return Arrays.stream(flyway.info().all()).map(MigrationInfo::getScript).toList();
    }

    private static List<String> historyScripts(String jdbcUrl, String table) throws SQLException {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(jdbcUrl);
        h2.setUser("sa");
        return historyScripts(h2, table);
    }

    /** The scripts a history table recorded (no schema-creation marker, no H2 lock row). */
    private static List<String> historyScripts(DataSource dataSource, String table) throws SQLException {
        List<String> scripts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"script\" FROM " + table + " WHERE \"version\" IS NOT NULL"
                                          + " ORDER BY \"installed_rank\"")) {
            while (r.next()) {
                scripts.add(r.getString(1));
            }
        }
        return scripts;
    }
}
