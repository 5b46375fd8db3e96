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
 */
public record DatabaseSettings(String jdbcUrl, String username, Secret password, Path keyFile) {

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
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", keyFile=" + keyFile + "]";
    }
}
