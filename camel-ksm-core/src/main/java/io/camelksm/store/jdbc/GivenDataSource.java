package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import io.camelksm.KsmException;

/** What an application's DataSource connects to: the vendor and, for messages, its URL with the password masked. */
record GivenDataSource(DatabaseVendor vendor, String description) {

    static GivenDataSource inspect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String url = meta.getURL();
            String description = "the application's DataSource (" + (url == null ? "no URL" : JdbcUrls.redact(url))
                                 + ")";
            String product = String.valueOf(meta.getDatabaseProductName()).toLowerCase(Locale.ROOT);
            for (DatabaseVendor vendor : DatabaseVendor.values()) {
                if (product.equals(vendor.migrationFolder())) {
                    return new GivenDataSource(vendor, description);
                }
            }
            throw new KsmException("Unsupported database " + meta.getDatabaseProductName() + " behind " + description
                                   + ": camel-ksm runs on H2 and PostgreSQL");
        } catch (SQLException e) {
            throw new KsmException("Cannot connect to the application's DataSource for camel-ksm: " + e.getMessage(),
                    e);
        }
    }
}
