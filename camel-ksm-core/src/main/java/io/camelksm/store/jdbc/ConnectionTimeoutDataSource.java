package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * The pool, with a clearer error when no connection comes within the connection timeout (database down or unreachable,
 * pool exhausted): the message names the database (password masked), the timeout and the option that sets it, and
 * keeps the driver's reason. Pool errors never contain the password, so neither does this one.
 */
final class ConnectionTimeoutDataSource extends DelegatingDataSource {

    private final String database;
    private final Duration timeout;

    ConnectionTimeoutDataSource(DataSource pool, String redactedUrl, Duration timeout) {
        super(pool);
        this.database = redactedUrl;
        this.timeout = timeout;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return target.getConnection();
        } catch (SQLTransientConnectionException e) {
            throw timedOut(e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        try {
            return target.getConnection(username, password);
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
}
