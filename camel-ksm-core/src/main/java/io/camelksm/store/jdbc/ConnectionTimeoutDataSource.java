package io.camelksm.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The pool, with a clearer error when no connection comes within the connection timeout (database down or unreachable,
 * pool exhausted): the message names the database (password masked), the timeout and the option that sets it, and
 * keeps the driver's reason. Pool errors never contain the password, so neither does this one.
 */
final class ConnectionTimeoutDataSource implements DataSource {

    private final DataSource pool;
    private final String database;
    private final Duration timeout;

    ConnectionTimeoutDataSource(DataSource pool, String redactedUrl, Duration timeout) {
        this.pool = pool;
        this.database = redactedUrl;
        this.timeout = timeout;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return pool.getConnection();
        } catch (SQLTransientConnectionException e) {
            throw timedOut(e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        try {
            return pool.getConnection(username, password);
        } catch (SQLTransientConnectionException e) {
            throw timedOut(e);
        }
    }

    private SQLTransientConnectionException timedOut(SQLTransientConnectionException e) {
        StringBuilder why = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            why.append(" <- ").append(t.getMessage());
        }
        return new SQLTransientConnectionException("no connection to the camel-ksm database " + database + " within"
                                                   + " the connection timeout of " + timeout.toMillis() + " ms"
                                                   + " (option dbConnectionTimeout): " + why,
                e.getSQLState() != null ? e.getSQLState() : "08001", e);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
