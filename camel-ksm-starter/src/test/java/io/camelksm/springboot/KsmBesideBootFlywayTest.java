package io.camelksm.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import io.camelksm.access.Caller;
import io.camelksm.component.KsmComponent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;

/**
 * A Spring Boot application with its own Flyway ({@code db/migration/V1__app.sql}, {@code V2__app.sql}, run by Boot on
 * its DataSource) and the starter keeping camel-ksm's tables in that same DataSource, schema {@code ksm}
 * ({@code camel.component.ksm.data-source=#bean:dataSource}): both start, Boot's Flyway knows only the application's
 * scripts, and each history table holds only its own.
 */
@SpringBootTest(classes = KsmBesideBootFlywayTest.App.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:ksm-beside-flyway;DB_CLOSE_DELAY=-1",
        "camel.component.ksm.data-source=#bean:dataSource",
        "camel.component.ksm.key-file=target/ksm-beside-flyway/ksm.key",
        "camel.component.ksm.audit-mode=sync",
        "camel.component.ksm.node-name=app-node"})
class KsmBesideBootFlywayTest {

    @Autowired
    private Flyway flyway;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private CamelContext camel;

    @Test
    void bootsFlywayRunsOnlyTheApplicationsScriptsAndCamelKsmKeepsItsTablesInItsOwnSchema() throws Exception {
        assertThat(Arrays.stream(flyway.info().all()).map(MigrationInfo::getScript))
                .containsExactly("V1__app.sql", "V2__app.sql");
        // the component starts when first asked for (a route using ksm: would do the same)
        GovernedCredentials governed = camel.getComponent("ksm", KsmComponent.class).getGovernedCredentials();
        assertThat(historyScripts("PUBLIC.\"flyway_schema_history\"")).containsExactly("V1__app.sql", "V2__app.sql");
        assertThat(historyScripts("\"ksm\".\"ksm_schema_history\"")).isNotEmpty()
                .doesNotContain("V1__app.sql", "V2__app.sql").contains("V1__credentials_rights_audit.sql");

        Caller admin = new Caller("admin", java.util.Set.of(), "ksm-admin", "app-node", null);
        Credential credential = Credential.builder(CredentialName.of("Beside"), CredentialType.BASIC)
                .field(CredentialField.USERNAME, "svc").secret(CredentialField.PASSWORD, Secret.of("pw")).build();
        governed.create(credential, admin);
        assertThat(governed.inspect(CredentialName.of("Beside"))).isPresent();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT item FROM app_order WHERE id = 1")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).as("the application's own table, beside camel-ksm's").isEqualTo("first");
        }
    }

    private List<String> historyScripts(String table) throws SQLException {
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

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
