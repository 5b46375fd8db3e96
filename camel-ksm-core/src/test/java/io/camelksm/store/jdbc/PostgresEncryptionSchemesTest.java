package io.camelksm.store.jdbc;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The encryption scheme contract on PostgreSQL, each test in a schema of its own ({@code KSM_TEST_POSTGRES_URL}, as
 * {@link PostgresKsmDatabaseTest}), and two nodes on one database: a changed default reaches the other node.
 */
class PostgresEncryptionSchemesTest extends EncryptionSchemesContractTest {

    private final PostgresSchemas schemas = new PostgresSchemas();

    @BeforeAll
    static void requirePostgresInCi() {
        PostgresSchemas.requireServerInCi();
    }

    @Override
    protected String newDatabaseUrl() throws SQLException {
        return schemas.newSchemaUrl();
    }

    @Test
    void aNodeSeesTheDefaultAnotherNodeChangedWhenItRefreshes() throws Exception {
        String url = newDatabaseUrl();
        // without change notices (PostgresChangeNoticesTest shows a node hearing the new default at once)
        KsmSettings settings = KsmSettings.builder()
                .database(new DatabaseSettings(url, null, null, tempDir.resolve("keys/ksm.key")))
                .auditMode(AuditMode.SYNC).changeNotices(false).build();
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

    @Test
    void aNodeThatLacksTheNewDefaultsKeyFileKeepsWritingUntilTheFileIsCopied() throws Exception {
        String url = newDatabaseUrl();
        java.nio.file.Path keysA = tempDir.resolve("a");
        java.nio.file.Path keysB = java.nio.file.Files.createDirectories(tempDir.resolve("b"));
        KsmSettings.Builder base = KsmSettings.builder()
                .database(new DatabaseSettings(url, null, null, tempDir.resolve("keys/ksm.key")))
                .auditMode(AuditMode.SYNC).changeNotices(false); // b reloads when the test says
        try (KsmRuntime a = KsmRuntime.open(base.schemeKeyDirectory(keysA).build());
             KsmRuntime b = KsmRuntime.open(base.schemeKeyDirectory(keysB).build())) {
            a.schemes().create("srv-2", SchemeAlgorithm.AES_256_GCM, KeyLocation.SERVER, ADMIN);
            a.schemes().setDefault("srv-2", ADMIN);

            assertThatThrownBy(() -> b.database().schemes().reload())
                    .hasMessageContaining("The default encryption scheme cannot be used on this node: scheme 'srv-2'"
                                          + " needs its key file " + keysB.resolve("srv-2.key"));
            assertThat(b.database().schemes().registry().current().id())
                    .as("b goes on writing with the scheme it has").isEqualTo(KsmDatabase.DEFAULT_SCHEME_ID);

            java.nio.file.Files.copy(keysA.resolve("srv-2.key"), keysB.resolve("srv-2.key"),
                    java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            b.database().schemes().reload();
            assertThat(b.database().schemes().registry().current().id()).isEqualTo("srv-2");
        }
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        closeRuntimesNow();
        schemas.dropAll();
    }
}
