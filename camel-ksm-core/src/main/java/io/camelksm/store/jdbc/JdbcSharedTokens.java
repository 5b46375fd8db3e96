package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.KsmException;
import io.camelksm.auth.oauth2.AccessToken;
import io.camelksm.auth.oauth2.KsmTokenException;
import io.camelksm.auth.oauth2.SharedTokenKey;
import io.camelksm.auth.oauth2.SharedTokens;
import io.camelksm.crypto.KsmCryptoException;

/**
 * Shared OAuth 2.0 tokens in PostgreSQL ({@code tokenSharing=cluster}). A fresh stored token is taken as is. Otherwise
 * the node takes the token key's transaction-scoped advisory lock (waiting at most the fetch deadline), reads again
 * (another node may have stored a successor while it waited), and if still nothing fresh fetches while holding the
 * lock, stores the token encrypted, and sends a {@code tokens} change notice, all in one transaction: the lock is
 * released at commit, when the token is visible to every node.
 * <p>
 * A node that waited the whole deadline fetches itself (the other node's fetch is stuck). A database that cannot be
 * reached never stops a token request: the node fetches on its own with a warning, as if it were alone.
 * <p>
 * A change or revoke that commits while a token is being fetched drops the stored tokens before the fetched one is
 * stored: so a node stores a token only if the credential's generation ({@link OAuthTokenGenerations}, counted by the
 * triggers of migration V11 before they delete) is still the one it read when the request started. The request still
 * gets its token: it was granted before the change.
 */
final class JdbcSharedTokens implements SharedTokens {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSharedTokens.class);
    /** SQLState of PostgreSQL's lock_timeout. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Jdbc jdbc;
    private final OAuthTokenTable table;
    private final OAuthTokenGenerations generations = new OAuthTokenGenerations();
    private final String nodeName;
    private final byte[] fingerprintKey;
    private final LongAdder tokensUsed = new LongAdder();
    private final LongAdder waitTimeouts = new LongAdder();
    private volatile String schema;

    JdbcSharedTokens(Jdbc jdbc, OAuthTokenTable table, String nodeName, byte[] fingerprintKey) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = Objects.requireNonNull(table, "table");
        this.nodeName = Jdbc.clip(Objects.requireNonNull(nodeName, "nodeName"), 256); // as stored in fetched_by
        this.fingerprintKey = fingerprintKey.clone();
    }

    @Override
    public byte[] fingerprintKey() {
        return fingerprintKey.clone();
    }

    @Override
    public AccessToken token(SharedTokenKey key, Predicate<AccessToken> fresh, Duration wait,
                             Supplier<AccessToken> fetch) {
        FetchOnce once = new FetchOnce(fetch);
        long[] generation = new long[1]; // read before the stored token: a drop after this read must stop the store
        try {
            AccessToken stored = jdbc.withConnection(c -> {
                generation[0] = generations.read(c, key.credential());
                return readUsable(c, key, fresh);
            });
            if (stored != null) {
                return stored;
            }
            return jdbc.inTransaction(c -> fetchUnderLock(c, key, fresh, wait, once, generation[0]));
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState()) && once.fetched() == null) {
                // a timeout after the fetch is the store's: a change's open transaction holds the generation row
                // (fetchAlone hands out the token unstored)
                return fetchAfterWaiting(key, wait, once, generation[0]);
            }
            return fetchAlone(key, once, e);
        } catch (KsmTokenException e) {
            throw e; // the authorization server's answer: nothing stored
        } catch (KsmException e) {
            return fetchAlone(key, once, e);
        }
    }

    private AccessToken fetchUnderLock(Connection c, SharedTokenKey key, Predicate<AccessToken> fresh, Duration wait,
                                       FetchOnce once, long generation) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + Math.max(1, wait.toMillis()) + "ms'");
        }
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, lockId(key));
            lock.execute();
        }
        AccessToken stored = readUsable(c, key, fresh);
        if (stored != null) {
            return stored; // another node fetched it while this one waited
        }
        AccessToken token = once.get();
        storeUnlessDropped(c, key, token, generation);
        return token;
    }

    /** The lock wait timed out: another node's fetch is stuck, so this node fetches and stores on its own. */
    private AccessToken fetchAfterWaiting(SharedTokenKey key, Duration wait, FetchOnce once, long generation) {
        waitTimeouts.increment();
        LOG.warn("Waited {} for another node's token request for credential '{}'; fetching the token on this node",
                wait, key.credential());
        AccessToken token = once.get();
        if (!token.isSingleUse()) {
            try {
                jdbc.inTransaction(c -> {
                    storeUnlessDropped(c, key, token, generation);
                    return null;
                });
            } catch (SQLException | KsmException e) {
                LOG.warn("Could not share the token of credential '{}' with the other nodes: {}", key.credential(),
                        describe(e));
            }
        }
        return token;
    }

    /**
     * Stores the token for the cluster (in the caller's transaction) unless the credential's tokens were dropped since
     * the request read {@code generation}: then the token was fetched under a credential or right that changed. The
     * share lock taken on the generation row keeps a later drop waiting until this transaction commits, so that drop
     * deletes what is stored here.
     */
    private void storeUnlessDropped(Connection c, SharedTokenKey key, AccessToken token, long generation)
            throws SQLException {
        if (token.isSingleUse()) {
            return;
        }
        if (!generations.unchangedSince(c, key.credential(), generation)) {
            LOG.debug("Not sharing the token of credential '{}': the credential or its rights changed while it was"
                      + " fetched", key.credential());
            return;
        }
        table.store(c, key, token, nodeName);
        notifyTokens(c, key);
    }

    /** The database failed: the token request must not. The token stays on this node. */
    private AccessToken fetchAlone(SharedTokenKey key, FetchOnce once, Exception e) {
        if (once.fetched() == null) {
            LOG.warn("Cannot reach the shared OAuth 2.0 tokens in the camel-ksm database ({}); credential '{}' fetches"
                     + " its token on this node alone", describe(e), key.credential());
        } else {
            LOG.warn("Could not share the token of credential '{}' with the other nodes: {}", key.credential(),
                    describe(e));
        }
        return once.get();
    }

    @Override
    public void rejected(SharedTokenKey key, AccessToken token) {
        try {
            jdbc.inTransaction(c -> {
                if (table.deleteIfHolds(c, key, token)) {
                    notifyTokens(c, key);
                }
                return null;
            });
        } catch (SQLException | KsmException e) {
            LOG.warn("Could not drop the rejected token of credential '{}' for the other nodes (it expires on its own):"
                     + " {}", key.credential(), describe(e));
        }
    }

    /**
     * The stored token if it is fresh, counted when another node fetched it; null if there is none, it is not fresh, or
     * it no longer decrypts.
     */
    private AccessToken readUsable(Connection c, SharedTokenKey key, Predicate<AccessToken> fresh)
            throws SQLException {
        Optional<OAuthTokenTable.Stored> stored;
        try {
            stored = table.read(c, key, false);
        } catch (KsmCryptoException e) {
            // e.g. written under a scheme this node cannot open: fetch a successor, which replaces it
            LOG.debug("Ignoring the stored token of credential '{}': {}", key.credential(), e.getMessage());
            return null;
        }
        if (stored.isEmpty()) {
            return null;
        }
        if (!fresh.test(stored.get().token())) {
            stored.get().token().value().destroy(); // decrypted, but not handed out
            return null;
        }
        if (!nodeName.equals(stored.get().fetchedBy())) {
            tokensUsed.increment();
        }
        return stored.get().token();
    }

    private void notifyTokens(Connection c, SharedTokenKey key) throws SQLException {
        try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, ChangeNotice.CHANNEL);
            notify.setString(2, ChangeNotice.payload(ChangeNotice.Kind.TOKENS, schema(c), key.credential().key()));
            notify.execute();
        }
    }

    private String schema(Connection c) throws SQLException {
        String known = schema;
        if (known == null) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
                rs.next();
                known = rs.getString(1);
            }
            schema = known;
        }
        return known;
    }

    /** The advisory lock of a key: its first 8 bytes (the id is a SHA-256, so collisions are negligible). */
    static long lockId(SharedTokenKey key) {
        return Long.parseUnsignedLong(key.id().substring(0, 16), 16);
    }

    private static String describe(Exception e) {
        return e instanceof SQLException sql ? sql.getMessage() + " (SQLState " + sql.getSQLState() + ")"
                : e.getMessage();
    }

    @Override
    public long tokensUsed() {
        return tokensUsed.sum();
    }

    @Override
    public long waitTimeouts() {
        return waitTimeouts.sum();
    }

    @Override
    public void close() {
        Arrays.fill(fingerprintKey, (byte) 0);
    }

    /** The fetch, run at most once per request: a database failure after it must not cause a second token request. */
    private static final class FetchOnce {

        private final Supplier<AccessToken> fetch;
        private AccessToken token;

        FetchOnce(Supplier<AccessToken> fetch) {
            this.fetch = Objects.requireNonNull(fetch, "fetch");
        }

        AccessToken get() {
            if (token == null) {
                token = fetch.get();
            }
            return token;
        }

        AccessToken fetched() {
            return token;
        }
    }
}
