package io.camelksm.auth.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.credential.CredentialName;

/**
 * Cached tokens with single flight. A token is handed out until {@code expires_in} minus the clock skew; in the last
 * {@code refreshAhead} before that, the first caller fetches its successor while everyone else keeps the still valid
 * token. When no valid token is cached, the first caller fetches and all concurrent callers for the same key wait for
 * that one request. A failed request is not cached: its waiters get the failure, the next caller tries again. A token
 * without a usable lifetime ({@code expires_in} 0) is single use: neither cached nor handed to the waiters, who fetch
 * their own.
 */
final class TokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);

    /** Beyond this many keys, entries without a usable token are purged when a new key arrives. */
    private static final int PURGE_THRESHOLD = 1024;
    /** The clock skew takes at most this fraction (1/n) of a token's lifetime. */
    static final int MAX_SKEW_DIVISOR = 4;
    /** The refresh window takes at most this fraction (1/n) of a token's usable lifetime. */
    static final int MAX_REFRESH_DIVISOR = 10;

    /**
     * A cached token with the instants that govern it, also in epoch milliseconds: the hot path compares them with
     * {@link Clock#millis()}, which allocates nothing. Milliseconds are truncated, so the comparison errs on the side of
     * refreshing a fraction of a millisecond early.
     */
    private record Cached(AccessToken token, Instant refreshFrom, Instant usableUntil, long refreshFromMillis,
                          long usableUntilMillis) {

        Cached(AccessToken token, Instant refreshFrom, Instant usableUntil) {
            this(token, refreshFrom, usableUntil, refreshFrom.toEpochMilli(), usableUntil.toEpochMilli());
        }

        boolean usableAt(long nowMillis) {
            return nowMillis < usableUntilMillis;
        }

        boolean freshAt(long nowMillis) {
            return nowMillis < refreshFromMillis;
        }
    }

    /**
     * The state of one key; guarded by its own monitor. A caller may keep the entry it was given ({@link #entry}) and
     * skip the map lookup next time, until the entry is removed from the map.
     */
    static final class Entry {
        private volatile Cached cached;
        private CompletableFuture<AccessToken> inFlight;
        private volatile boolean removed;
    }

    private final ConcurrentMap<TokenCacheKey, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration clockSkew;
    private final Duration refreshAhead;
    private final StatisticsCounters statistics;

    TokenCache(Clock clock, Duration clockSkew, Duration refreshAhead, StatisticsCounters statistics) {
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.refreshAhead = refreshAhead;
        this.statistics = statistics;
    }

    /** A usable token for the key: cached, shared with a concurrent request, or fetched now. */
    AccessToken get(TokenCacheKey key, Supplier<AccessToken> fetch) {
        return get(key, null, fetch);
    }

    /**
     * The same, starting from the entry of the key the caller kept from {@link #entry}, if it is still in the map; a
     * removed (or null) entry is looked up again.
     */
    AccessToken get(TokenCacheKey key, Entry known, Supplier<AccessToken> fetch) {
        Entry entry = known != null && !known.removed ? known : entry(key);
        AccessToken fresh = fresh(entry);
        if (fresh != null) {
            return fresh;
        }
        Cached cached = entry.cached;
        if (cached != null && cached.usableAt(clock.millis())) {
            return refreshAhead(key, entry, cached, fetch);
        }
        return fetchOrWait(key, entry, fetch);
    }

    /**
     * The hot path: the cached token of the entry the caller kept, if the entry is still in the map and its token is
     * fresh (not yet in its refresh window); null otherwise, and the caller goes through {@link #get}.
     */
    AccessToken fresh(Entry known) {
        if (known == null || known.removed) {
            return null;
        }
        Cached cached = known.cached;
        if (cached == null || !cached.freshAt(clock.millis())) {
            return null;
        }
        statistics.cacheHits.increment();
        return cached.token();
    }

    /**
     * Whether the token may still be handed out without fetching its successor (it is not yet in its refresh window):
     * the rule this cache applies to its own tokens, for a token found elsewhere (another node's, tokenSharing=cluster).
     * A single-use token never is.
     */
    boolean isFresh(AccessToken token) {
        return !token.isSingleUse() && cache(token).freshAt(clock.millis());
    }

    /** The entry of the key, created if need be. */
    Entry entry(TokenCacheKey key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            purgeIfLarge();
            entry = entries.computeIfAbsent(key, k -> new Entry());
        }
        return entry;
    }

    private AccessToken refreshAhead(TokenCacheKey key, Entry entry, Cached cached, Supplier<AccessToken> fetch) {
        CompletableFuture<AccessToken> lead;
        synchronized (entry) {
            if (entry.inFlight != null || entry.cached != cached) {
                // someone is already fetching, or has just replaced the token: keep using what is valid
                statistics.cacheHits.increment();
                Cached current = entry.cached;
                return current != null && current.usableAt(clock.millis())
                        ? current.token() : cached.token();
            }
            lead = new CompletableFuture<>();
            entry.inFlight = lead;
        }
        statistics.refreshesAhead.increment();
        try {
            return runFetch(entry, lead, fetch);
        } catch (KsmTokenException e) {
            if (cached.usableAt(clock.millis())) {
                LOG.warn("Refreshing the token of {} ahead of expiry failed; the current token stays in use until {}:"
                         + " {}", key.credential(), cached.usableUntil(), e.getMessage());
                return cached.token();
            }
            throw e;
        }
    }

    private AccessToken fetchOrWait(TokenCacheKey key, Entry entry, Supplier<AccessToken> fetch) {
        CompletableFuture<AccessToken> flight;
        boolean leader = false;
        synchronized (entry) {
            Cached cached = entry.cached;
            if (cached != null && cached.usableAt(clock.millis())) {
                statistics.cacheHits.increment();
                return cached.token();
            }
            if (entry.inFlight == null) {
                entry.inFlight = new CompletableFuture<>();
                leader = true;
            }
            flight = entry.inFlight;
        }
        statistics.cacheMisses.increment(); // no usable token: this caller fetches or waits for a fetch
        if (leader) {
            return runFetch(entry, flight, fetch);
        }
        statistics.sharedWaits.increment();
        AccessToken shared = await(flight, key);
        // a single-use token belongs to the caller that fetched it: the waiters fetch their own, one after another
        return shared.isSingleUse() ? fetchOrWait(key, entry, fetch) : shared;
    }

    /** Fetches, publishes the token, and always completes the future so no waiter is left hanging. */
    private AccessToken runFetch(Entry entry, CompletableFuture<AccessToken> flight, Supplier<AccessToken> fetch) {
        try {
            AccessToken token = fetch.get();
            synchronized (entry) {
                entry.cached = token.isSingleUse() ? null : cache(token);
                entry.inFlight = null;
            }
            flight.complete(token);
            return token;
        } catch (Throwable e) {
            synchronized (entry) {
                entry.inFlight = null;
            }
            flight.completeExceptionally(e);
            throw e;
        }
    }

    private static AccessToken await(CompletableFuture<AccessToken> flight, TokenCacheKey key) {
        try {
            return flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KsmTokenException(key.credential(), KsmTokenException.Reason.INTERRUPTED,
                    KsmTokenException.NO_STATUS, null, null, 0, "Interrupted while waiting for the token request in"
                    + " flight for credential '" + key.credential() + "'", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KsmTokenException failure) {
                // each waiter gets its own exception (with its own stack), telling the same story
                throw failure.sharedWith();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * When to stop handing out the token, and when to start fetching its successor. The skew is at most a quarter of
     * the token's lifetime, so short-lived tokens keep most of it; the refresh window at most a tenth of what remains,
     * so a 60 s token with the default settings is used for 40.5 s (15 s skew, 4.5 s refresh window), which makes
     * fewer than 2 token requests per lifetime, while a long-lived token gets the whole configured window.
     */
    private Cached cache(AccessToken token) {
        Duration lifetime = Duration.between(token.issuedAt(), token.expiresAt());
        Duration skew = min(clockSkew, lifetime.dividedBy(MAX_SKEW_DIVISOR));
        Instant usableUntil = token.expiresAt().minus(skew);
        Duration usable = Duration.between(token.issuedAt(), usableUntil);
        Instant refreshFrom = usableUntil.minus(min(refreshAhead, usable.dividedBy(MAX_REFRESH_DIVISOR)));
        return new Cached(token, refreshFrom, usableUntil);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Drops every token of the credential (all secrets and grant parameters). */
    int evict(CredentialName credential) {
        int[] dropped = {0};
        entries.entrySet().removeIf(e -> {
            if (e.getKey().credential().equals(credential)) {
                dropped[0] += e.getValue().cached == null ? 0 : 1;
                e.getValue().removed = true;
                return true;
            }
            return false;
        });
        return dropped[0];
    }

    /**
     * Drops the token if it is still the cached one; a token that has already been replaced stays replaced, so many
     * exchanges rejected with the same old token cause one new request, not many.
     * Returns the key it was cached under, or null when it was not (any more) the cached one.
     */
    TokenCacheKey evictKey(AccessToken rejected) {
        for (Map.Entry<TokenCacheKey, Entry> e : entries.entrySet()) {
            Entry entry = e.getValue();
            synchronized (entry) {
                Cached cached = entry.cached;
                if (cached != null && cached.token() == rejected) {
                    entry.cached = null;
                    return e.getKey();
                }
            }
        }
        return null;
    }

    void clear() {
        entries.values().forEach(entry -> entry.removed = true);
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private void purgeIfLarge() {
        if (entries.size() <= PURGE_THRESHOLD) {
            return;
        }
        long now = clock.millis();
        entries.values().removeIf(entry -> {
            synchronized (entry) {
                Cached cached = entry.cached;
                entry.removed = entry.inFlight == null && (cached == null || !cached.usableAt(now));
                return entry.removed;
            }
        });
    }
}
