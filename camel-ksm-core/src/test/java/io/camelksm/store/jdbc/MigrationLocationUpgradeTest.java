package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;

/**
 * The migrations moved from {@code db/migration/ksm} (where an application's own Flyway found them) to
 * {@code io/camelksm/store/jdbc/migration}: databases made with the old layout open on without running a migration.
 * The H2 database under {@code legacy/feb6d05/h2} was made by the code of commit feb6d05 (see MakeOldDb.java.txt
 * there); {@code legacy/feb6d05/db/migration/ksm} is a copy of that commit's scripts in their old folders.
 */
class MigrationLocationUpgradeTest {

    private static final String OLD_LAYOUT = "classpath:legacy/feb6d05/db/migration/ksm/";

    @TempDir
    Path tempDir;

    @Test
    void noCamelKsmResourceIsUnderDbMigration() throws IOException {
        ClassLoader loader = SchemaMigration.class.getClassLoader();

        assertThat(Collections.list(loader.getResources("db/migration"))).as("db/migration on the class path")
                .isEmpty();
        assertThat(Collections.list(loader.getResources("db"))).as("db on the class path").isEmpty();
        assertThat(loader.getResource("io/camelksm/store/jdbc/migration/common/V1__credentials_rights_audit.sql"))
                .isNotNull();
        assertThat(SchemaMigration.LOCATION).doesNotContain("db/migration");
    }

    @Test
    void anH2DatabaseMadeWithTheOldLayoutOpensWithoutMigratingAndKeepsItsData() throws Exception {
        Path home = Files.createDirectory(tempDir.resolve("old-home"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        copyOwnerOnly("legacy/feb6d05/h2/ksm.mv.db", home.resolve("ksm.mv.db"));
        copyOwnerOnly("legacy/feb6d05/h2/ksm.key", home.resolve("ksm.key"));
        String url = DatabaseSettings.embedded(home).jdbcUrl();
        List<String> historyBefore = history(url, ConnectionPool.H2_DEFAULT_USER, "\"ksm_schema_history\"");
        assertThat(historyBefore).as("made by feb6d05 (H2 adds a lock row of rank -1)").hasSize(7)
                .anySatisfy(row -> assertThat(row).startsWith("6 6 V6__audit_event_journal_key.sql"));

        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            Credential legacy = db.credentials().find(CredentialName.of("Legacy")).orElseThrow();
            assertThat(legacy.field(CredentialField.USERNAME)).contains("old-user");
            assertThat(legacy.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("old-password");
            assertThat(db.accessRights().rightsOf(CredentialName.of("Legacy")).roles().allowed())
                    .containsExactly("ops");
            AuditVerification verification = db.verifyAuditTrail();
            assertThat(verification.intact()).as(verification.toString()).isTrue();
            assertThat(verification.chainedRows()).isEqualTo(3);
        }

        assertThat(history(url, ConnectionPool.H2_DEFAULT_USER, "\"ksm_schema_history\""))
                .as("no migration ran again; only the ones added since then ran").startsWith(
                        historyBefore.toArray(String[]::new))
                .satisfies(after -> assertThat(after.subList(historyBefore.size(), after.size()))
                        .extracting(line -> line.substring(0, line.indexOf(".sql") + 4))
                        .containsExactly("7 7 V7__credential_reference.sql",
                                "8 8 V8__credential_reference_stopped.sql",
                                "9 9 V9__encryption_schemes.sql", "10 10 V10__oauth_token.sql",
                                "11 11 V11__change_notices.sql"));
    }

    @Test
    void aPostgresqlSchemaMadeWithTheOldLayoutOpensWithoutMigrating() throws Exception {
        PostgresSchemas.requireServerInCi();
        PostgresSchemas schemas = new PostgresSchemas();
        String url = schemas.newSchemaUrl();
        try {
            // what the code before the move did, with the scripts in their old folders
            Flyway.configure(SchemaMigration.class.getClassLoader())
                    .dataSource(url, null, null)
                    .locations(OLD_LAYOUT + "common", OLD_LAYOUT + "postgresql")
                    .table(SchemaMigration.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
            List<String> historyBefore = history(url, null, SchemaMigration.HISTORY_TABLE);
            assertThat(historyBefore).hasSize(6)
                    .anySatisfy(row -> assertThat(row).startsWith("6 6 V6__audit_event_journal_key.sql"));

            try (KsmDatabase db = KsmDatabase.open(new DatabaseSettings(url, null, null, tempDir.resolve("ksm.key")))) {
                db.credentials().create(KsmDatabaseContractTest.basic("AfterMove", "pw"));
                assertThat(db.credentials().find(CredentialName.of("AfterMove"))).isPresent();
                assertThat(db.verifyAuditTrail().intact()).isTrue();
            }

            assertThat(history(url, null, SchemaMigration.HISTORY_TABLE))
                    .as("no migration ran again; only the ones added since then ran")
                    .startsWith(historyBefore.toArray(String[]::new))
                    .satisfies(after -> assertThat(after.subList(historyBefore.size(), after.size()))
                            .extracting(line -> line.substring(0, line.indexOf(".sql") + 4))
                            .containsExactly("7 7 V7__credential_reference.sql",
                                    "8 8 V8__credential_reference_stopped.sql",
                                "9 9 V9__encryption_schemes.sql", "10 10 V10__oauth_token.sql",
                                "11 11 V11__change_notices.sql"));
        } finally {
            schemas.dropAll();
        }
    }

    /** Each history row: rank, version, script, checksum, when it was installed. */
    private static List<String> history(String url, String user, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = user == null ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"installed_rank\", \"version\", \"script\", \"checksum\","
                                          + " \"installed_on\" FROM " + table + " ORDER BY \"installed_rank\"")) {
            while (r.next()) {
                rows.add(r.getInt(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getObject(4) + " "
                         + r.getTimestamp(5));
            }
        }
        return rows;
    }

    private static void copyOwnerOnly(String resource, Path target) throws IOException {
        URL url = MigrationLocationUpgradeTest.class.getClassLoader().getResource(resource);
        assertThat(url).as(resource).isNotNull();
        try (InputStream in = url.openStream()) {
            Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    }
}
