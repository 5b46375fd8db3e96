package io.camelksm.store.jdbc;

import java.nio.file.Path;

import io.camelksm.credential.Secret;

/**
 * Where camel-ksm's own database is and which key encrypts secrets in it.
 *
 * @param jdbcUrl  JDBC URL; H2 ({@code jdbc:h2:file:...}) or PostgreSQL ({@code jdbc:postgresql://...})
 * @param username database user, may be null
 * @param password database password, may be null
 * @param keyFile  the AES-256 key file outside the database; created with owner-only permissions on first use
 * @param migrate  true: create and migrate the schema when opening; false: only check that it is up to date (for a
 *                 role that may not change the schema, see the docs on a restricted application role)
 */
public record DatabaseSettings(String jdbcUrl, String username, Secret password, Path keyFile, boolean migrate) {

    /** Settings that migrate the schema when the database is opened. */
    public DatabaseSettings(String jdbcUrl, String username, Secret password, Path keyFile) {
        this(jdbcUrl, username, password, keyFile, true);
    }

    /** These settings, migrating the schema or only validating it. */
    public DatabaseSettings withMigrate(boolean migrate) {
        return new DatabaseSettings(jdbcUrl, username, password, keyFile, migrate);
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
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", keyFile=" + keyFile + ", migrate=" + migrate + "]";
    }
}
