package io.camelksm.store.jdbc;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on {@link ChangeNotice#CHANNEL} for the changes other nodes and {@code ksm-admin} commit to the shared
 * PostgreSQL database, on a connection of its own, and hands each notice to one {@link ChangeNoticeListener}. When the
 * connection is lost it says so ({@link ChangeNoticeListener#lost()}), reconnects with back-off, and says when it
 * listens again.
 * <p>
 * Everything happens on one daemon thread, {@value #THREAD_NAME}, which also makes the first connection: a database
 * that is down when the node starts leaves this RECONNECTING, it does not stop the node from opening. The connection is
 * probed at least every {@link #PROBE_INTERVAL}, so a connection that died without a word is found within seconds.
 */
public final class ChangeNotices implements AutoCloseable {

    public static final String THREAD_NAME = "camel-ksm-change-notices";
    /** At most this long between two questions to the server on the listening connection. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    /** How long the probe (or any read) may take before the connection counts as dead. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** How long one wait for notices lasts: close() waits for at most one. */
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotices.class);
    /** How long close() waits for the thread, which returns at the latest after one poll. */
    private static final long CLOSE_WAIT_MS = PROBE_TIMEOUT.toMillis();

    private final ListeningConnection.Source source;
    private final ChangeNoticeListener listener;
    private final Clock clock;
    private final Thread thread;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean closed;
    private volatile ListeningConnection current;
    /** The state, detail and since of {@link #health()}, replaced as a whole. */
    private volatile ChangeNoticeHealth status;

    private ChangeNotices(ListeningConnection.Source source, ChangeNoticeListener listener, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = clock;
        this.status = new ChangeNoticeHealth(ChangeNoticeHealth.State.RECONNECTING,
                "connecting to " + source.description(), clock.instant(), 0, 0);
        this.thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> stopped(e));
    }

    /** Starts listening in the background; the listener hears {@link ChangeNoticeListener#listening()} first. */
    static ChangeNotices start(ListeningConnection.Source source, ChangeNoticeListener listener) {
        ChangeNotices notices = new ChangeNotices(source, listener, Clock.systemUTC());
        notices.thread.start();
        return notices;
    }

    /** LISTENING or RECONNECTING (never OFF: that is a node without this), with the counts so far. */
    public ChangeNoticeHealth health() {
        ChangeNoticeHealth now = status;
        return new ChangeNoticeHealth(now.state(), now.detail(), now.since(), received.get(), reconnects.get());
    }

    private void run() {
        long backoffMillis = FIRST_BACKOFF.toMillis();
        boolean everListened = false;
        boolean toldLost = false;
        while (!closed) {
            try (ListeningConnection connection = ListeningConnection.open(source, PROBE_TIMEOUT)) {
                current = connection;
                if (closed) {
                    return;
                }
                if (everListened) {
                    reconnects.incrementAndGet();
                }
                listener.listening();
                becomes(ChangeNoticeHealth.State.LISTENING,
                        "listening on " + source.description() + " (schema " + connection.schema() + ")");
                LOG.info(everListened ? "Listening again for camel-ksm changes on {} (schema {})"
                                : "Listening for camel-ksm changes on {} (schema {})",
                        source.description(), connection.schema());
                everListened = true;
                toldLost = false;
                backoffMillis = FIRST_BACKOFF.toMillis();
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                String why = JdbcUrls.redact(String.valueOf(e.getMessage())); // a driver may quote the URL
                if (!toldLost) {
                    toldLost = true;
                    tellLost();
                    becomes(ChangeNoticeHealth.State.RECONNECTING, "not listening on " + source.description() + ": "
                                                                   + why);
                    LOG.warn("Not listening for camel-ksm changes on {} ({}): every request reads the database until"
                             + " the connection is back; reconnecting", source.description(), why);
                } else {
                    LOG.debug("Still cannot listen for camel-ksm changes on {}: {}", source.description(), why);
                }
            } finally {
                current = null;
            }
            if (!pause(backoffMillis)) {
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
        }
    }

    /** Hands on notices and probes the connection until it fails or this is closed. */
    private void listen(ListeningConnection connection) throws SQLException {
        long probeMillis = PROBE_INTERVAL.toMillis();
        long probedAt = System.nanoTime();
        while (!closed) {
            List<String> payloads = connection.poll((int) POLL.toMillis());
            for (String payload : payloads) {
                Optional<ChangeNotice> notice = ChangeNotice.parse(payload, connection.schema());
                if (notice.isPresent()) {
                    received.incrementAndGet();
                    listener.noticed(notice.get()); // a listener failing counts as a lost connection: caches off
                }
            }
            if (System.nanoTime() - probedAt >= probeMillis * 1_000_000L) {
                connection.probe();
                probedAt = System.nanoTime();
            }
        }
    }

    /** An Error ended the thread: the node goes on, reading the database on every request, and says why. */
    private void stopped(Throwable e) {
        tellLost();
        becomes(ChangeNoticeHealth.State.RECONNECTING, "the listening thread stopped: " + e);
        LOG.error("The camel-ksm change notice listener stopped; every request reads the database until the node"
                  + " restarts", e);
    }

    private void tellLost() {
        try {
            listener.lost();
        } catch (RuntimeException e) {
            LOG.error("The change notice listener failed to stop its caches", e);
        }
    }

    private void becomes(ChangeNoticeHealth.State newState, String newDetail) {
        status = new ChangeNoticeHealth(newState, newDetail, clock.instant(), 0, 0);
    }

    /** Waits before the next attempt; false when closed meanwhile. */
    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return !closed;
        } catch (InterruptedException e) {
            return !closed; // only close() means it
        }
    }

    /** Stops the thread and closes the listening connection. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ListeningConnection stuck = current;
        if (thread.isAlive() && stuck != null) {
            stuck.close(); // blocked on a read that does not end: closing the connection ends it
        }
        // the source (and the password it holds) is the database's: it may listen again
    }
}
