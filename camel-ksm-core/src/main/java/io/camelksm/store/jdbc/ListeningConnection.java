package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.camelksm.credential.Secret;

/**
 * One PostgreSQL session that has run {@code LISTEN} on {@link ChangeNotice#CHANNEL}: never a connection the pool
 * hands to requests (those would miss notices while they sit in the pool). It shows up in {@code pg_stat_activity}
 * under {@value #APPLICATION_NAME}.
 */
final class ListeningConnection implements AutoCloseable {

    /** The {@code application_name} of every listening session, for operators and tests. */
    static final String APPLICATION_NAME = "camel-ksm-change-notices";

    /** Where listening connections come from; an implementation holds what it needs to connect again. */
    interface Source extends AutoCloseable {
        Connection connect() throws SQLException;

        /** The database, for logs: never a password. */
        String description();

        /** Forgets what it holds (a password copy). */
        @Override
        void close();
    }

    private final Connection connection;
    private final PGConnection notifications;
    private final String schema;
    private final int probeTimeoutSeconds;
    private final int previousNetworkTimeout;
    private final String previousApplicationName;

    private ListeningConnection(Connection connection, String schema, int probeTimeoutSeconds,
                                int previousNetworkTimeout, String previousApplicationName) throws SQLException {
        this.connection = connection;
        this.notifications = connection.unwrap(PGConnection.class);
        this.schema = schema;
        this.probeTimeoutSeconds = probeTimeoutSeconds;
        this.previousNetworkTimeout = previousNetworkTimeout;
        this.previousApplicationName = previousApplicationName;
    }

    /** Connects, names the session and listens; what it got is closed again when a step fails. */
    static ListeningConnection open(Source source, Duration probeTimeout) throws SQLException {
        Connection connection = source.connect();
        try {
            int previousNetworkTimeout = connection.getNetworkTimeout();
            // a silently dead connection fails a read after this, rather than never
            connection.setNetworkTimeout(Runnable::run, (int) probeTimeout.toMillis());
            connection.setAutoCommit(true);
            String schema;
            String previousApplicationName;
            try (Statement s = connection.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT current_setting('application_name')")) {
                    previousApplicationName = r.next() ? r.getString(1) : "";
                }
                s.execute("SET application_name = '" + APPLICATION_NAME + "'");
                s.execute("LISTEN " + ChangeNotice.CHANNEL);
                try (ResultSet r = s.executeQuery("SELECT current_schema()")) {
                    schema = r.next() ? r.getString(1) : null;
                }
            }
            if (schema == null) {
                throw new SQLException("The listening connection has no current schema (does camel-ksm's schema"
                                       + " exist?)");
            }
            return new ListeningConnection(connection, schema,
                    (int) Math.max(1, (probeTimeout.toMillis() + 999) / 1000), previousNetworkTimeout,
                    previousApplicationName);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The schema whose notices concern this node (the session's current schema). */
    String schema() {
        return schema;
    }

    /** The payloads that arrived, waiting up to the timeout for the first; fails when the connection is gone. */
    List<String> poll(int timeoutMillis) throws SQLException {
        PGNotification[] arrived = notifications.getNotifications(timeoutMillis);
        if (arrived == null || arrived.length == 0) {
            return List.of();
        }
        List<String> payloads = new ArrayList<>(arrived.length);
        for (PGNotification notification : arrived) {
            if (ChangeNotice.CHANNEL.equals(notification.getName())) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }

    /** Asks the server something: fails when the connection is dead, even when the socket did not tell. */
    void probe() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(probeTimeoutSeconds);
            try (ResultSet r = s.executeQuery("SELECT 1")) {
                if (!r.next()) {
                    throw new SQLException("The listening connection's probe returned no row");
                }
            }
        }
    }

    /**
     * Stops listening and closes (returns a borrowed connection to its pool as it was: not listening, its own
     * application name and network timeout).
     */
    @Override
    public void close() {
        try (Connection c = connection; PreparedStatement s = c.prepareStatement(
                "UNLISTEN *; SELECT set_config('application_name', ?, false)")) {
            s.setString(1, previousApplicationName);
            s.execute();
            c.setNetworkTimeout(Runnable::run, previousNetworkTimeout);
        } catch (SQLException | RuntimeException ignored) {
            // a dead connection: closing it is all there is to do
        }
    }

    /** camel-ksm's own connection, outside its pool: from the JDBC URL, bound to camel-ksm's schema if set. */
    static Source own(DatabaseSettings settings) {
        return new OwnConnections(settings.jdbcUrl(), settings.username(),
                settings.password() == null ? null : settings.password().copy(),
                settings.effectiveSchema().orElse(null), settings.connectionTimeout());
    }

    /** One connection borrowed from the application's DataSource (bound to camel-ksm's schema) and kept. */
    static Source borrowed(DataSource schemaBound, String description) {
        return new Source() {
            @Override
            public Connection connect() throws SQLException {
                return schemaBound.getConnection();
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void close() {
            }
        };
    }

    private record OwnConnections(String jdbcUrl, String username, Secret password, String schema,
                                  Duration connectionTimeout) implements Source {

        @Override
        public Connection connect() throws SQLException {
            Properties properties = new Properties();
            if (username != null) {
                properties.setProperty("user", username);
            }
            if (password != null) {
                char[] chars = password.chars();
                try {
                    properties.setProperty("password", new String(chars));
                } finally {
                    Arrays.fill(chars, '\0');
                }
            }
            properties.setProperty("ApplicationName", APPLICATION_NAME);
            properties.setProperty("connectTimeout",
                    Long.toString(Math.max(1, (connectionTimeout.toMillis() + 999) / 1000)));
            Connection connection = DriverManager.getConnection(jdbcUrl, properties);
            if (schema != null) {
                try {
                    connection.setSchema(schema);
                } catch (SQLException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
            }
            return connection;
        }

        @Override
        public String description() {
            return JdbcUrls.redact(jdbcUrl);
        }

        @Override
        public void close() {
            if (password != null) {
                password.destroy();
            }
        }

        @Override
        public String toString() {
            return "OwnConnections[" + description() + "]";
        }
    }
}
