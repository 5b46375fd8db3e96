package io.camelksm.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.camelksm.credential.Secret;

/**
 * Where camel-ksm's own database is and which key encrypts secrets in it.
 *
 * @param jdbcUrl           JDBC URL; H2 ({@code jdbc:h2:file:...}) or PostgreSQL ({@code jdbc:postgresql://...})
 * @param username          database user, may be null
 * @param password          database password, may be null
 * @param keyFile           the AES-256 key file outside the database; created with owner-only permissions on first use
 * @param connectionTimeout how long a database call waits for a connection before it fails (database down or
 *                          unreachable, pool exhausted); at least {@link #MIN_CONNECTION_TIMEOUT}
 * @param migrate           true: create and migrate the schema when opening; false: only check that it is up to date
 *                          (for a role that may not change the schema, see the docs on a restricted application role)
 * @param dataSource        the application's own DataSource, used instead of a pool of camel-ksm's own (then jdbcUrl,
 *                          username, password and connectionTimeout are not used); never closed by camel-ksm; may be
 *                          null
 * @param schema            the schema that holds camel-ksm's tables and its history table, created by the migration;
 *                          null: {@link #DEFAULT_SCHEMA} with a given dataSource, else the connection's default schema
 *                          (where databases made before this setting have their tables)
 */
public record DatabaseSettings(String jdbcUrl, String username, Secret password, Path keyFile,
                               Duration connectionTimeout, boolean migrate, DataSource dataSource, String schema) {

    /** Short, so that an exchange fails fast while the database is down (HikariCP's own default is 30 s). */
    public static final long DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofMillis(DEFAULT_CONNECTION_TIMEOUT_MS);
    public static final boolean DEFAULT_MIGRATE = true;
    /** HikariCP's lower bound. */
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    /** The schema of camel-ksm's tables in an application's DataSource: apart from the application's own tables. */
    public static final String DEFAULT_SCHEMA = "ksm";
    /** A plain SQL identifier: it is put into statements and may not be quoted by every caller. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public DatabaseSettings {
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (schema != null && !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("The camel-ksm database schema must be a plain SQL name (letters, digits"
                                               + " and _, not starting with a digit, at most 63 characters), got '"
                                               + schema + "'");
        }
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("The database connection timeout must be at least "
                                               + MIN_CONNECTION_TIMEOUT.toMillis() + " ms, got "
                                               + connectionTimeout.toMillis() + " ms");
        }
    }

    /** A database reached through its JDBC URL, with a pool of camel-ksm's own, tables in the default schema. */
    public DatabaseSettings(String jdbcUrl, String username, Secret password, Path keyFile,
                            Duration connectionTimeout, boolean migrate) {
        this(jdbcUrl, username, password, keyFile, connectionTimeout, migrate, null, null);
    }

    /** Settings with the {@link #DEFAULT_CONNECTION_TIMEOUT} that migrate the schema when the database is opened. */
    public DatabaseSettings(String jdbcUrl, String username, Secret password, Path keyFile) {
        this(jdbcUrl, username, password, keyFile, DEFAULT_CONNECTION_TIMEOUT, DEFAULT_MIGRATE);
    }

    /**
     * camel-ksm's tables in the application's DataSource, in their own schema ({@link #DEFAULT_SCHEMA} when null);
     * the schema is migrated when the database is opened.
     */
    public static DatabaseSettings ofDataSource(DataSource dataSource, String schema, Path keyFile) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new DatabaseSettings(null, null, null, keyFile, DEFAULT_CONNECTION_TIMEOUT, DEFAULT_MIGRATE,
                dataSource, schema);
    }

    /** The same settings with another connection timeout. */
    public DatabaseSettings withConnectionTimeout(Duration timeout) {
        return new DatabaseSettings(jdbcUrl, username, password, keyFile, timeout, migrate, dataSource, schema);
    }

    /** These settings, migrating the schema or only validating it. */
    public DatabaseSettings withMigrate(boolean migrate) {
        return new DatabaseSettings(jdbcUrl, username, password, keyFile, connectionTimeout, migrate, dataSource,
                schema);
    }

    /** The schema camel-ksm's tables are in; empty: the connection's default schema. */
    public Optional<String> effectiveSchema() {
        if (schema != null) {
            return Optional.of(schema);
        }
        return Optional.ofNullable(dataSource != null ? DEFAULT_SCHEMA : null);
    }

    /** The default home of the embedded database and its key: {@code ~/.camel-ksm}. */
    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".camel-ksm");
    }

    /** The embedded H2 file database and key file under the given directory. */
    public static DatabaseSettings embedded(Path directory) {
        Path dir = directory.toAbsolutePath();
        return new DatabaseSettings("jdbc:h2:file:" + dir.resolve("ksm"), null, null, dir.resolve("ksm.key"));
    }

    /** The embedded defaults: {@code ~/.camel-ksm/ksm.mv.db} and {@code ~/.camel-ksm/ksm.key}. */
    public static DatabaseSettings embeddedDefaults() {
        return embedded(defaultHome());
    }

    @Override
    public String toString() {
        String where = dataSource != null ? "dataSource=" + dataSource.getClass().getName()
                : "jdbcUrl=" + JdbcUrls.redact(jdbcUrl) + ", username=" + username;
        return "DatabaseSettings[" + where + ", schema=" + effectiveSchema().orElse("(default)") + ", keyFile="
               + keyFile + ", connectionTimeout=" + connectionTimeout.toMillis() + " ms, migrate=" + migrate + "]";
    }
}
