package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.camelksm.KsmException;

/**
 * The pooled connections to camel-ksm's database: H2's own small pool, HikariCP for PostgreSQL, or the application's
 * own DataSource (never closed here). With a schema set, every connection handed out is bound to it.
 */
final class ConnectionPool implements AutoCloseable {

    /** The H2 user when the settings name none. */
    static final String H2_DEFAULT_USER = "sa";
    private static final int MAX_CONNECTIONS = 8;
    /** HikariCP's default; it must not exceed the connection timeout. */
    private static final long DEFAULT_VALIDATION_TIMEOUT_MS = 5_000;

    private final DataSource unbound;
    private final DataSource dataSource;
    private final Runnable closer;

    private ConnectionPool(DataSource pool, Runnable closer, DatabaseSettings settings) {
        this(new ConnectionTimeoutDataSource(pool, JdbcUrls.redact(settings.jdbcUrl()), settings.connectionTimeout()),
                closer, settings.effectiveSchema().orElse(null));
    }

    private ConnectionPool(DataSource unbound, Runnable closer, String schema) {
        this.unbound = unbound;
        this.dataSource = schema == null ? unbound : new SchemaBoundDataSource(unbound, schema);
        this.closer = closer;
    }

    static ConnectionPool open(DatabaseSettings settings, DatabaseVendor vendor) {
        ConnectionPool pool = switch (vendor) {
            case H2 -> h2(settings);
            case POSTGRESQL -> postgresql(settings);
        };
        // fail now, with the URL in the message, rather than at the first credential read
        try (Connection ignored = pool.dataSource.getConnection()) {
            return pool;
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new KsmException("Cannot connect to the camel-ksm database " + JdbcUrls.redact(settings.jdbcUrl())
                                   + ": " + e.getMessage(), e);
        }
    }

    private static ConnectionPool h2(DatabaseSettings settings) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(settings.jdbcUrl());
        h2.setUser(settings.username() == null ? H2_DEFAULT_USER : settings.username());
        if (settings.password() != null) {
            char[] password = settings.password().chars();
            h2.setPasswordChars(password);
            Arrays.fill(password, '\0');
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(h2);
        pool.setMaxConnections(MAX_CONNECTIONS);
        // how long a caller waits for a free connection (H2's default is 30 s)
        pool.setLoginTimeout((int) Math.max(1, (settings.connectionTimeout().toMillis() + 999) / 1000));
        return new ConnectionPool(pool, pool::dispose, settings);
    }

    private static ConnectionPool postgresql(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("camel-ksm");
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.username() != null) {
            config.setUsername(settings.username());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password().reveal());
        }
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1);
        // while the database is down an exchange fails after this, not after HikariCP's default 30 s; the pool
        // reconnects by itself once the database is back
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(DEFAULT_VALIDATION_TIMEOUT_MS, settings.connectionTimeout().toMillis()));
        try {
            HikariDataSource pool = new HikariDataSource(config);
            return new ConnectionPool(pool, pool::close, settings);
        } catch (RuntimeException e) {
            throw new KsmException("Cannot connect to the camel-ksm database " + JdbcUrls.redact(settings.jdbcUrl())
                                   + ": " + e.getMessage(), e);
        }
    }

    /** The application's DataSource: its pool, its timeouts; camel-ksm only borrows connections from it. */
    static ConnectionPool given(DatabaseSettings settings) {
        return new ConnectionPool(settings.dataSource(), () -> { }, settings.effectiveSchema().orElse(null));
    }

    /** Connections bound to camel-ksm's schema: for every statement of camel-ksm. */
    DataSource dataSource() {
        return dataSource;
    }

    /** Connections as the pool hands them out: for Flyway, which creates the schema and sets it itself. */
    DataSource unboundDataSource() {
        return unbound;
    }

    @Override
    public void close() {
        closer.run();
    }
}
