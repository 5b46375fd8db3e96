package io.camelksm.store.jdbc;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.KsmException;

/**
 * Creates and migrates camel-ksm's schema with Flyway: the vendor-neutral migrations in
 * {@code io/camelksm/store/jdbc/migration/common} plus the vendor's own folder. They are not under
 * {@code db/migration}, which an application's own Flyway (Spring Boot's) scans recursively: it would run them as its
 * own. They lived in {@code db/migration/ksm} before; a database made then migrates on, as Flyway keeps each script's
 * name and checksum, not its folder. The history table has its own name, so camel-ksm can share a database (schema)
 * with an application that uses Flyway too; with a schema, its tables and history table are in that schema.
 */
final class SchemaMigration {

    static final String LOCATION = "classpath:io/camelksm/store/jdbc/migration/";
    static final String HISTORY_TABLE = "ksm_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private SchemaMigration() {
    }

    static void migrate(DataSource dataSource, String schema, DatabaseVendor vendor, String redactedUrl) {
        try {
            MigrateResult result = flyway(dataSource, schema, vendor).migrate();
            if (result.migrationsExecuted > 0) {
                if (vendor == DatabaseVendor.H2) {
                    checkpoint(dataSource);
                }
                LOG.info("Migrated the camel-ksm schema in {} to version {} ({} migrations)", redactedUrl,
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new KsmException("Cannot create or migrate the camel-ksm schema in " + redactedUrl + ": "
                                   + e.getMessage(), e);
        }
    }

    /**
     * Checks, without changing anything, that the schema is at this camel-ksm's version: for an application role that
     * may only use the tables, while the schema owner's role runs the migrations.
     */
    static void validate(DataSource dataSource, String schema, DatabaseVendor vendor, String redactedUrl) {
        try {
            flyway(dataSource, schema, vendor).validate();
        } catch (FlywayException e) {
            throw new KsmException("The camel-ksm schema in " + redactedUrl + " is not up to date and migrate=false: "
                                   + e.getMessage() + " (run the migrations as the schema owner, e.g. any ksm-admin"
                                   + " command with that role's --db-user)", e);
        }
    }

    private static Flyway flyway(DataSource dataSource, String schema, DatabaseVendor vendor) {
        var configuration = Flyway.configure(SchemaMigration.class.getClassLoader());
        if (schema != null) {
            // Flyway creates the schema, keeps its history table there and runs the scripts with it as current schema
            configuration.schemas(schema).defaultSchema(schema);
        }
        return configuration
                .dataSource(dataSource)
                .locations(LOCATION + "common", LOCATION + vendor.migrationFolder())
                .table(HISTORY_TABLE)
                // a shared PostgreSQL schema may hold other tables already
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // SLF4J without the H2 version warning this project has checked (see FlywayLogs)
                .loggers(FlywayLogs.class.getName())
                .load();
    }

    /**
     * H2 writes commits to its file up to 500 ms late, but a schema change may land earlier: a process killed in
     * between would find the change without its history row, and fail to migrate again. CHECKPOINT writes both now.
     */
    private static void checkpoint(DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (java.sql.SQLException e) {
            throw new KsmException("Cannot write the migrated camel-ksm schema to its file: " + e.getMessage(), e);
        }
    }
}
