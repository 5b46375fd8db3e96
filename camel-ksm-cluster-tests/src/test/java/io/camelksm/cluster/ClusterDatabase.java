package io.camelksm.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * One fresh PostgreSQL schema on the server named by {@value #URL_VARIABLE}, shared by the nodes of a test, with the
 * SQL a test needs beside them: plain statements (as another tool would write), statements with the triggers off (a
 * change no node hears of, to show whether a node serves from its cache), and the listening connections of the nodes
 * in {@code pg_stat_activity}. Without a server a test is skipped, except in CI, where it fails.
 */
final class ClusterDatabase implements AutoCloseable {

    static final String URL_VARIABLE = "KSM_TEST_POSTGRES_URL";
    /** The cluster directory of the server that .ci/start-postgres.sh started: the restart test needs it. */
    static final String DIR_VARIABLE = "KSM_TEST_POSTGRES_DIR";
    /** The application name of every node's listening connection (the contract of issue 16). */
    static final String LISTENER_APPLICATION = "camel-ksm-change-notices";

    private final String server;
    private final String schema;

    private ClusterDatabase(String server, String schema) {
        this.server = server;
        this.schema = schema;
    }

    /** Fails when {@code CI} is set but no server is: for a {@code @BeforeAll}. */
    static void requireServerInCi() {
        if (isBlank(System.getenv(URL_VARIABLE)) && !isBlank(System.getenv("CI"))) {
            fail(URL_VARIABLE + " is not set, but CI is: the cluster tests must run in CI."
                 + " Start a server with: eval \"$(bash .ci/start-postgres.sh)\"");
        }
    }

    /** A new, empty schema; skips the test when no server is configured. */
    static ClusterDatabase create() throws SQLException {
        String server = System.getenv(URL_VARIABLE);
        Assumptions.assumeFalse(isBlank(server), URL_VARIABLE + " is not set: skipping the cluster tests"
                                                 + " (eval \"$(bash .ci/start-postgres.sh)\" starts a server)");
        String schema = "ksm_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new ClusterDatabase(server, schema);
    }

    /** The JDBC URL every node and ksm-admin use: the server, in this schema. */
    String url() {
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The server's URL with another database (PostgreSQL refuses some statements on the connection's own one). */
    String otherDatabaseUrl(String database) {
        int query = server.indexOf('?');
        String base = query < 0 ? server : server.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : server.substring(query));
    }

    String schema() {
        return schema;
    }

    /** Runs the statements in one transaction, as another tool would: the triggers fire, the nodes are told. */
    void execute(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : sql) {
                    s.execute(statement);
                }
            }
            c.commit();
        }
    }

    /**
     * Runs the statements with the triggers off ({@code session_replication_role = replica}, superuser only): no
     * node is told, so a node that still answers as before served from its cache.
     */
    void executeUnnoticed(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
                for (String statement : sql) {
                    s.execute(statement);
                }
            }
            c.commit();
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The rows of a query, for failure messages: each row's columns joined with '|'. */
    java.util.List<String> rows(String sql) throws SQLException {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The backend pids of the listening connections on the server now. */
    Set<Integer> listenerPids() throws SQLException {
        Set<Integer> pids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = '"
                                           + LISTENER_APPLICATION + "'")) {
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
        }
        return pids;
    }

    /** {@code pg_terminate_backend(pid)}: whether there was such a backend. */
    boolean terminate(int pid) throws SQLException {
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** {@code pg_terminate_backend(pid)} on a connection of the caller's: whether there was such a backend. */
    boolean terminate(Statement sql, int pid) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
