package io.camelksm.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.camelksm.store.jdbc.ChangeNotice;

/**
 * A diagnostic listener beside the nodes: a plain connection of its own that listens on camel-ksm's channel and
 * notes when each notice arrived, the way a node's listener waits for them (blocking in
 * {@code getNotifications(timeout)}). Comparing its arrival times with the commits tells how much of a revoke's latency
 * is PostgreSQL delivering the notice to a waiting session, and how much is the node acting on it.
 */
final class NoticeProbe implements AutoCloseable {

    private final Connection connection;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    NoticeProbe(String serverUrl) throws SQLException {
        connection = DriverManager.getConnection(serverUrl);
        try (Statement s = connection.createStatement()) {
            s.execute("LISTEN " + ChangeNotice.CHANNEL);
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        thread = new Thread(() -> listen(notifications), "bench-notice-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen(PGConnection notifications) {
        while (!closed) {
            try {
                PGNotification[] arrived = notifications.getNotifications(500);
                long now = System.nanoTime();
                if (arrived != null && arrived.length > 0) {
                    arrivals.add(now);
                }
            } catch (SQLException e) {
                if (!closed) {
                    System.err.println("notice probe: " + e.getMessage());
                }
                return;
            }
        }
    }

    /** Forgets what arrived so far (call before a write). */
    void clear() {
        arrivals.clear();
    }

    /** When the first notice since {@link #clear()} arrived ({@link System#nanoTime()}), or -1 if none has yet. */
    long firstArrival() {
        Long first = arrivals.peek();
        return first != null ? first : -1;
    }

    @Override
    public void close() throws SQLException {
        closed = true;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
