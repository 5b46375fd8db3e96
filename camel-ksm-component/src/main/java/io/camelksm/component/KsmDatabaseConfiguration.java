package io.camelksm.component;

import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.camelksm.credential.Secret;
import io.camelksm.store.jdbc.DatabaseSettings;

/**
 * The component options of camel-ksm's own database (credentials, access rights, audit trail): embedded H2 by default,
 * any JDBC URL (PostgreSQL), or the application's own DataSource with camel-ksm's tables in a schema of their own.
 * Defaults come from {@link DatabaseSettings}.
 */
@UriParams
public class KsmDatabaseConfiguration {

    @UriParam(label = "database")
    private String jdbcUrl;
    @UriParam(label = "database")
    private String jdbcUsername;
    @UriParam(label = "database", secret = true)
    private String jdbcPassword;
    @UriParam(label = "database")
    private String databaseDirectory;
    @UriParam(label = "database")
    private String keyFile;
    @UriParam(label = "database", defaultValue = "" + DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT_MS,
              javaType = "java.time.Duration")
    private long dbConnectionTimeout = DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT_MS;
    @UriParam(label = "database", defaultValue = "" + DatabaseSettings.DEFAULT_MIGRATE)
    private boolean migrateSchema = DatabaseSettings.DEFAULT_MIGRATE;
    @UriParam(label = "database,advanced")
    private DataSource dataSource;
    @UriParam(label = "database")
    private String databaseSchema;
    @UriParam(label = "database,security")
    private String schemeKeyDirectory;

    /** The database these options name. */
    public DatabaseSettings toSettings() {
        Path key = keyFile != null ? Path.of(keyFile) : null;
        if (dataSource != null) {
            if (hasJdbcUrl()) {
                throw new IllegalArgumentException("Set either the ksm component option dataSource or jdbcUrl, not"
                                                   + " both: both name camel-ksm's database");
            }
            return DatabaseSettings.ofDataSource(dataSource, databaseSchema, key != null ? key : defaultKeyFile())
                    .withMigrate(migrateSchema);
        }
        Secret password = jdbcPassword == null ? null : Secret.of(jdbcPassword);
        Duration timeout = Duration.ofMillis(dbConnectionTimeout);
        if (hasJdbcUrl()) {
            return new DatabaseSettings(jdbcUrl, jdbcUsername, password, key != null ? key : defaultKeyFile(), timeout,
                    migrateSchema, null, databaseSchema);
        }
        DatabaseSettings embedded = databaseDirectory != null
                ? DatabaseSettings.embedded(Path.of(databaseDirectory)) : DatabaseSettings.embeddedDefaults();
        return new DatabaseSettings(embedded.jdbcUrl(), jdbcUsername, password,
                key != null ? key : embedded.keyFile(), timeout, migrateSchema, null, databaseSchema);
    }

    /** The key file of a database outside the default directory when keyFile is not set. */
    private static Path defaultKeyFile() {
        return DatabaseSettings.defaultHome().resolve("ksm.key");
    }

    /** Whether a database other than the embedded one is configured. */
    boolean hasJdbcUrl() {
        return jdbcUrl != null && !jdbcUrl.isBlank();
    }

    public String getJdbcUrl() {
        return jdbcUrl;
    }

    /**
     * JDBC URL of camel-ksm's own database (credentials, access rights, audit trail), for example
     * jdbc:postgresql://db:5432/ksm. By default an embedded H2 file database in databaseDirectory.
     */
    public void setJdbcUrl(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public String getJdbcUsername() {
        return jdbcUsername;
    }

    /**
     * User name for camel-ksm's database.
     */
    public void setJdbcUsername(String jdbcUsername) {
        this.jdbcUsername = jdbcUsername;
    }

    public String getJdbcPassword() {
        return jdbcPassword;
    }

    /**
     * Password for camel-ksm's database.
     */
    public void setJdbcPassword(String jdbcPassword) {
        this.jdbcPassword = jdbcPassword;
    }

    public String getDatabaseDirectory() {
        return databaseDirectory;
    }

    /**
     * Directory of the embedded H2 database and its key file, when no jdbcUrl is set. Default: .camel-ksm in the
     * user's home directory.
     */
    public void setDatabaseDirectory(String databaseDirectory) {
        this.databaseDirectory = databaseDirectory;
    }

    public String getSchemeKeyDirectory() {
        return schemeKeyDirectory;
    }

    /**
     * Directory of the key files of encryption schemes with key location SERVER, one per scheme named after it
     * (scheme id.key, owner-only). A node without a scheme's file cannot read that scheme's values (the error names the
     * scheme and the missing file). Default: the directory of keyFile.
     */
    public void setSchemeKeyDirectory(String schemeKeyDirectory) {
        this.schemeKeyDirectory = schemeKeyDirectory;
    }

    /** The directory of SERVER scheme key files, or null for the key file's directory. */
    Path schemeKeyDirectoryPath() {
        return schemeKeyDirectory == null || schemeKeyDirectory.isBlank() ? null : Path.of(schemeKeyDirectory);
    }

    public String getKeyFile() {
        return keyFile;
    }

    /**
     * The AES-256 key file that encrypts secrets in the database; kept outside the database and created with
     * owner-only permissions on first use. Default: ksm.key in the database directory.
     */
    public void setKeyFile(String keyFile) {
        this.keyFile = keyFile;
    }

    public long getDbConnectionTimeout() {
        return dbConnectionTimeout;
    }

    /**
     * How long a database call waits for a connection to camel-ksm's database before the exchange fails with an error
     * naming the database and this timeout (database down or unreachable, all connections busy); the pool reconnects
     * by itself when the database is back. At least 250 ms.
     */
    public void setDbConnectionTimeout(long dbConnectionTimeout) {
        this.dbConnectionTimeout = dbConnectionTimeout;
    }

    public boolean isMigrateSchema() {
        return migrateSchema;
    }

    /**
     * Whether the component creates and migrates camel-ksm's schema when it opens the database (default). Set it to
     * false when the application's database role may only use the tables (for example may only INSERT and SELECT
     * audit rows) and the schema owner's role runs the migrations: the component then only checks that the schema is
     * up to date and refuses to start otherwise.
     */
    public void setMigrateSchema(boolean migrateSchema) {
        this.migrateSchema = migrateSchema;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /**
     * The application's own DataSource to keep camel-ksm's tables in, instead of a connection pool of camel-ksm's own,
     * as a bean reference such as #bean:dataSource (not autowired: an application's DataSource in the registry never
     * replaces the embedded database by surprise). camel-ksm's tables and its Flyway history table (ksm_schema_history)
     * go into their own schema (databaseSchema, default ksm), apart from the application's tables and its own Flyway
     * history. camel-ksm borrows connections and never closes the DataSource; jdbcUrl, jdbcUsername, jdbcPassword and
     * dbConnectionTimeout are not used with it.
     */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getDatabaseSchema() {
        return databaseSchema;
    }

    /**
     * The schema of camel-ksm's tables and its history table, created by the migration if missing: a plain SQL name.
     * Default: ksm with a dataSource; otherwise the connection's default schema (where databases made before this
     * option keep their tables).
     */
    public void setDatabaseSchema(String databaseSchema) {
        this.databaseSchema = databaseSchema;
    }
}
