package io.camelksm.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

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
 */
public record DatabaseSettings(String jdbcUrl, String username, Secret password, Path keyFile,
                               Duration connectionTimeout, boolean migrate) {

    /** Short, so that an exchange fails fast while the database is down (HikariCP's own default is 30 s). */
    public static final long DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofMillis(DEFAULT_CONNECTION_TIMEOUT_MS);
    public static final boolean DEFAULT_MIGRATE = true;
    /** HikariCP's lower bound. */
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    public DatabaseSettings {
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("The database connection timeout must be at least "
                                               + MIN_CONNECTION_TIMEOUT.toMillis() + " ms, got "
                                               + connectionTimeout.toMillis() + " ms");
        }
    }

    /** Settings with the {@link #DEFAULT_CONNECTION_TIMEOUT} that migrate the schema when the database is opened. */
    public DatabaseSettings(String jdbcUrl, String username, Secret password, Path keyFile) {
        this(jdbcUrl, username, password, keyFile, DEFAULT_CONNECTION_TIMEOUT, DEFAULT_MIGRATE);
    }

    /** The same settings with another connection timeout. */
    public DatabaseSettings withConnectionTimeout(Duration timeout) {
        return new DatabaseSettings(jdbcUrl, username, password, keyFile, timeout, migrate);
    }

    /** These settings, migrating the schema or only validating it. */
    public DatabaseSettings withMigrate(boolean migrate) {
        return new DatabaseSettings(jdbcUrl, username, password, keyFile, connectionTimeout, migrate);
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
        return "DatabaseSettings[jdbcUrl=" + JdbcUrls.redact(jdbcUrl) + ", username=" + username + ", keyFile="
               + keyFile + ", connectionTimeout=" + connectionTimeout.toMillis() + " ms, migrate=" + migrate + "]";
    }
}
