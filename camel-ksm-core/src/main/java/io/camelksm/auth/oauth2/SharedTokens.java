package io.camelksm.auth.oauth2;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * OAuth 2.0 tokens shared by the nodes of a cluster ({@code tokenSharing=cluster}), so that the whole cluster makes one
 * token request per token lifetime. The token provider asks here whenever it has no fresh token of its own; the
 * implementation ({@code store.jdbc.JdbcSharedTokens}) keeps them in the database, encrypted.
 */
public interface SharedTokens extends AutoCloseable {

    /**
     * The key of the secret fingerprints in token keys, the same on every node sharing the tokens (a random key per
     * process would give every node its own keys). A fresh copy: the caller wipes it.
     */
    byte[] fingerprintKey();

    /**
     * A token for the key: the one another node stored, if {@code fresh} accepts it; otherwise what {@code fetch}
     * returns, fetched by one node of the cluster at a time (the single flight across nodes) and stored for the others.
     * A node waits at most {@code wait} for another node's fetch; past that it fetches itself.
     *
     * @param fresh whether a stored token may still be handed out without fetching its successor
     * @throws KsmTokenException when the fetch fails (nothing is stored then)
     */
    AccessToken token(SharedTokenKey key, Predicate<AccessToken> fresh, Duration wait, Supplier<AccessToken> fetch);

    /** An API refused the token (HTTP 401): drop it for every node, if it is still the stored one. */
    void rejected(SharedTokenKey key, AccessToken token);

    /** How many tokens this node took from another node's fetch instead of fetching them. */
    default long tokensUsed() {
        return 0;
    }

    /** How many times this node waited the whole {@code wait} for another node's fetch, then fetched itself. */
    default long waitTimeouts() {
        return 0;
    }

    /** Wipes the fingerprint key. The database stays open: it belongs to its maker. */
    @Override
    void close();
}
