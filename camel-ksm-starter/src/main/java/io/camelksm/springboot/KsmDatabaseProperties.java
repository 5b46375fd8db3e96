package io.camelksm.springboot;

import io.camelksm.component.KsmDatabaseConfiguration;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * camel-ksm's own database (JDBC URL and login, the embedded H2 directory, the key file, the application's
 * DataSource and its schema, migration), as the component keeps them in {@link KsmDatabaseConfiguration}. One of the
 * classes that bind the flat {@code camel.component.ksm} prefix, one per option group of the component (see
 * {@link KsmComponentConfiguration}).
 */
@ConfigurationProperties(prefix = "camel.component.ksm")
public class KsmDatabaseProperties {

    /**
     * The options of camel-ksm's database. The option is a
     * io.camelksm.component.KsmDatabaseConfiguration type.
     */
    private KsmDatabaseConfiguration databaseConfiguration;
    /**
     * Directory of the embedded H2 database and its key file, when no jdbcUrl is
     * set. Default: .camel-ksm in the user's home directory.
     */
    private String databaseDirectory;
    /**
     * The application's own DataSource to keep camel-ksm's tables in, instead of a
     * connection pool of camel-ksm's own, as a bean reference such as
     * #bean:dataSource (not autowired: an application's DataSource in the registry
     * never replaces the embedded database by surprise). camel-ksm's tables and
     * its Flyway history table (ksm_schema_history) go into their own schema
     * (databaseSchema, default ksm), apart from the application's tables and its
     * own Flyway history. camel-ksm borrows connections and never closes the
     * DataSource; jdbcUrl, jdbcUsername, jdbcPassword and dbConnectionTimeout are
     * not used with it. The option is a javax.sql.DataSource type.
     */
    private DataSource dataSource;
    /**
     * The schema of camel-ksm's tables and its history table, created by the
     * migration if missing: a plain SQL name. Default: ksm with a dataSource;
     * otherwise the connection's default schema (where databases made before this
     * option keep their tables).
     */
    private String databaseSchema;
    /**
     * How long a database call waits for a connection to camel-ksm's database
     * before the exchange fails with an error naming the database and this timeout
     * (database down or unreachable, all connections busy); the pool reconnects by
     * itself when the database is back. At least 250 ms. The option is a long
     * type.
     */
    private Long dbConnectionTimeout = 5000L;
    /**
     * Password for camel-ksm's database.
     */
    private String jdbcPassword;
    /**
     * JDBC URL of camel-ksm's own database (credentials, access rights, audit
     * trail), for example jdbc:postgresql://db:5432/ksm. By default an embedded H2
     * file database in databaseDirectory.
     */
    private String jdbcUrl;
    /**
     * User name for camel-ksm's database.
     */
    private String jdbcUsername;
    /**
     * The AES-256 key file that encrypts secrets in the database; kept outside the
     * database and created with owner-only permissions on first use. Default:
     * ksm.key in the database directory.
     */
    private String keyFile;
    /**
     * Whether the component creates and migrates camel-ksm's schema when it opens
     * the database (default). Set it to false when the application's database role
     * may only use the tables (for example may only INSERT and SELECT audit rows)
     * and the schema owner's role runs the migrations: the component then only
     * checks that the schema is up to date and refuses to start otherwise.
     */
    private Boolean migrateSchema = true;
    /**
     * Directory of the key files of encryption schemes with key location SERVER,
     * one per scheme named after it (scheme id.key, owner-only). A node without a
     * scheme's file cannot read that scheme's values (the error names the scheme
     * and the missing file). Default: the directory of keyFile.
     */
    private String schemeKeyDirectory;

    public KsmDatabaseConfiguration getDatabaseConfiguration() {
        return databaseConfiguration;
    }

    public void setDatabaseConfiguration(KsmDatabaseConfiguration databaseConfiguration) {
        this.databaseConfiguration = databaseConfiguration;
    }

    public String getDatabaseDirectory() {
        return databaseDirectory;
    }

    public void setDatabaseDirectory(String databaseDirectory) {
        this.databaseDirectory = databaseDirectory;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getDatabaseSchema() {
        return databaseSchema;
    }

    public void setDatabaseSchema(String databaseSchema) {
        this.databaseSchema = databaseSchema;
    }

    public Long getDbConnectionTimeout() {
        return dbConnectionTimeout;
    }

    public void setDbConnectionTimeout(Long dbConnectionTimeout) {
        this.dbConnectionTimeout = dbConnectionTimeout;
    }

    public String getJdbcPassword() {
        return jdbcPassword;
    }

    public void setJdbcPassword(String jdbcPassword) {
        this.jdbcPassword = jdbcPassword;
    }

    public String getJdbcUrl() {
        return jdbcUrl;
    }

    public void setJdbcUrl(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public String getJdbcUsername() {
        return jdbcUsername;
    }

    public void setJdbcUsername(String jdbcUsername) {
        this.jdbcUsername = jdbcUsername;
    }

    public String getKeyFile() {
        return keyFile;
    }

    public void setKeyFile(String keyFile) {
        this.keyFile = keyFile;
    }

    public Boolean getMigrateSchema() {
        return migrateSchema;
    }

    public void setMigrateSchema(Boolean migrateSchema) {
        this.migrateSchema = migrateSchema;
    }

    public String getSchemeKeyDirectory() {
        return schemeKeyDirectory;
    }

    public void setSchemeKeyDirectory(String schemeKeyDirectory) {
        this.schemeKeyDirectory = schemeKeyDirectory;
    }
}
