package io.camelksm.store.jdbc;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import io.camelksm.KsmException;

/** The databases camel-ksm runs on, recognised by their JDBC URL. */
enum DatabaseVendor {

    H2("jdbc:h2:", "h2"),
    POSTGRESQL("jdbc:postgresql:", "postgresql");

    private final String urlPrefix;
    private final String migrationFolder;

    DatabaseVendor(String urlPrefix, String migrationFolder) {
        this.urlPrefix = urlPrefix;
        this.migrationFolder = migrationFolder;
    }

    static DatabaseVendor of(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new KsmException("The JDBC URL of the camel-ksm database is missing");
        }
        String url = jdbcUrl.strip().toLowerCase(Locale.ROOT);
        for (DatabaseVendor vendor : values()) {
            if (url.startsWith(vendor.urlPrefix)) {
                return vendor;
            }
        }
        throw new KsmException("Unsupported database URL '" + JdbcUrls.redact(jdbcUrl)
                               + "': camel-ksm runs on H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql://...)");
    }

    /** The folder under {@code io/camelksm/store/jdbc/migration} with this vendor's own migrations. */
    String migrationFolder() {
        return migrationFolder;
    }

    /**
     * The file an H2 URL points at ({@code jdbc:h2:file:/dir/ksm}, {@code jdbc:h2:~/ksm}, ...), or empty for in-memory
     * and server URLs and for other vendors.
     */
    Optional<Path> embeddedFile(String jdbcUrl) {
        if (this != H2) {
            return Optional.empty();
        }
        String location = jdbcUrl.strip().substring(urlPrefix.length());
        int options = location.indexOf(';');
        if (options >= 0) {
            location = location.substring(0, options);
        }
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            location = location.substring("file:".length());
        } else if (lower.matches("^(mem|tcp|ssl|zip|split|nio\\w*|async|memfs|memlzf|rec|retry):.*")) {
            return Optional.empty();
        }
        if (location.isEmpty()) {
            return Optional.empty();
        }
        if (location.equals("~") || location.startsWith("~/") || location.startsWith("~\\")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        return Optional.of(Path.of(location).toAbsolutePath());
    }
}
