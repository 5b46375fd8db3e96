package io.camelksm.store.jdbc;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.KsmException;

/**
 * Creates and migrates camel-ksm's schema with Flyway: the vendor-neutral migrations in {@code db/migration/ksm/common}
 * plus the vendor's own folder. The history table has its own name, so camel-ksm can share a database (schema) with an
 * application that uses Flyway too.
 */
final class SchemaMigration {

    static final String LOCATION = "classpath:db/migration/ksm/";
    static final String HISTORY_TABLE = "ksm_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private SchemaMigration() {
    }

    static void migrate(DataSource dataSource, DatabaseVendor vendor, String redactedUrl) {
        try {
            MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION + "common", LOCATION + vendor.migrationFolder())
                    .table(HISTORY_TABLE)
                    // a shared PostgreSQL schema may hold other tables already
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
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
