package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;

/**
 * The dataSource option: camel-ksm's tables in the application's DataSource, in their own schema; only when the option
 * names the bean (a DataSource in the registry is not picked up by itself); the DataSource outlives the component.
 */
class KsmDataSourceOptionTest {

    @TempDir
    Path tempDir;

    private final JdbcConnectionPool app = JdbcConnectionPool.create("jdbc:h2:mem:app-" + UUID.randomUUID()
                                                                     + ";DB_CLOSE_DELAY=-1", "sa", "");

    @AfterEach
    void closeApplicationPool() {
        app.dispose();
    }

    @Test
    void theNamedDataSourceHoldsCamelKsmsTablesInTheirSchemaAndStaysOpen() throws Exception {
        try (DefaultCamelContext camel = start(Map.of("dataSource", "#bean:appDataSource",
                "databaseSchema", "camel_ksm"))) {
            KsmComponent component = camel.getComponent("ksm", KsmComponent.class);
            component.runtime().database().credentials().create(Credential.builder("Shared", CredentialType.BASIC)
                    .field(CredentialField.USERNAME, "svc").value(CredentialField.PASSWORD, "pw").build());

            assertThat(count("\"camel_ksm\".credential")).isEqualTo(1);
            assertThat(component.runtime().database().credentials().names())
                    .containsExactly(CredentialName.of("Shared"));
        }

        assertThat(count("\"camel_ksm\".credential")).as("the DataSource still serves after the context closed")
                .isEqualTo(1);
        assertThat(tempDir.resolve("ksm.mv.db")).as("no embedded database").doesNotExist();
    }

    @Test
    void aDataSourceInTheRegistryIsNotUsedUnlessTheOptionNamesIt() throws Exception {
        try (DefaultCamelContext camel = start(Map.of("databaseDirectory", tempDir.toString()))) {
            assertThat(tempDir.resolve("ksm.mv.db")).exists();
            try (Connection c = app.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                                              + " WHERE LOWER(table_name) = 'ksm_schema_history'")) {
                r.next();
                assertThat(r.getInt(1)).isZero();
            }
        }
    }

    @Test
    void dataSourceAndJdbcUrlTogetherAreRefused() {
        assertThatThrownBy(() -> start(Map.of("dataSource", "#bean:appDataSource",
                "jdbcUrl", "jdbc:h2:mem:other")))
                .rootCause().hasMessageContaining("Set either the ksm component option dataSource or jdbcUrl");
    }

    private DefaultCamelContext start(Map<String, Object> options) {
        DefaultCamelContext camel = new DefaultCamelContext();
        try {
            camel.getRegistry().bind("appDataSource", app);
            KsmComponent component = new KsmComponent();
            Map<String, Object> all = new HashMap<>(options);
            all.put("keyFile", tempDir.resolve("ksm.key").toString());
            all.put("auditMode", "sync");
            PropertyBindingSupport.build().withRemoveParameters(false).bind(camel, component, all);
            camel.addComponent("ksm", component);
            camel.start();
            return camel;
        } catch (RuntimeException e) {
            camel.stop();
            throw e;
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = app.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
