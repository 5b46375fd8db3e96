package io.camelksm.auth.oauth2;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;

/**
 * The {@link OAuth2TokenProvider}: parses the credential once ({@code OAuth2Registration}), resolves the grant
 * parameters with the endpoint's options and builds each request ({@code TokenRequestFactory}), looks the
 * token up by credential, secret fingerprint and grant parameters ({@code TokenCache}, single flight), and fetches it
 * with retries ({@code RetryingTokenFetcher}) through a {@link TokenEndpointClient}.
 * <p>
 * With {@link SharedTokens} (tokenSharing=cluster) the fingerprints are keyed by the cluster's shared key, and the
 * leader of a local single flight asks the shared tokens first: another node's fresh token is taken, and otherwise one
 * node of the cluster at a time fetches and stores it for the others.
 */
public final class CachingOAuth2TokenProvider implements OAuth2TokenProvider {

    private final TokenEndpointClient client;
    private final boolean ownsClient;
    private final TokenRequestFactory requests;
    private final SecretFingerprinter fingerprinter;
    /** The tokens shared with the other nodes, or null (tokens stay in this process). */
    private final SharedTokens shared;
    private final Duration sharedWait;
    /**
     * The shared key of each token taken from or given to the cluster, until it is rejected or collected: a change
     * notice may have dropped it from the local cache (every store notifies every node) while a route still sends it,
     * and its 401 must still reach the cluster. Weak keys compared by identity (AccessToken keeps Object's equals).
     */
    private final Map<AccessToken, SharedTokenKey> sharedKeys = Collections.synchronizedMap(new WeakHashMap<>());
    private final StatisticsCounters statistics = new StatisticsCounters();
    private final TokenCache cache;
    private final RetryingTokenFetcher fetcher;
    /** Beyond this many credentials, the resolutions start over (bounded memory). */
    private static final int MAX_RESOLVED = 1024;
    private final ConcurrentMap<CredentialName, Resolved> resolved = new ConcurrentHashMap<>();

    /** With its own OkHttp client built from the settings. */
    public CachingOAuth2TokenProvider(OAuth2Settings settings) {
        this(settings, new OkHttpTokenEndpointClient(settings), true, null);
    }

    /**
     * With its own OkHttp client, sharing tokens with the other nodes of a cluster (the shared tokens stay the caller's
     * to close).
     */
    public CachingOAuth2TokenProvider(OAuth2Settings settings, SharedTokens shared) {
        this(settings, new OkHttpTokenEndpointClient(settings), true, Objects.requireNonNull(shared, "shared tokens"));
    }

    /**
     * With the given client (e.g. an {@link OkHttpTokenEndpointClient} on the application's shared OkHttpClient),
     * which stays the caller's to close.
     */
    public CachingOAuth2TokenProvider(OAuth2Settings settings, TokenEndpointClient client) {
        this(settings, client, false, null);
    }

    /** With the given client (the caller's to close), sharing tokens through {@code shared} unless it is null. */
    public CachingOAuth2TokenProvider(OAuth2Settings settings, TokenEndpointClient client, SharedTokens shared) {
        this(settings, client, false, shared);
    }

    private CachingOAuth2TokenProvider(OAuth2Settings settings, TokenEndpointClient client, boolean ownsClient,
                                       SharedTokens shared) {
        Objects.requireNonNull(settings, "settings");
        this.shared = shared;
        this.sharedWait = settings.tokenFetchDeadline();
        this.fingerprinter = shared == null ? new SecretFingerprinter() : sharedFingerprinter(shared);
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        this.requests = new TokenRequestFactory(settings);
        this.cache = new TokenCache(settings.clock(), settings.clockSkew(), settings.refreshAhead(), statistics);
        this.fetcher = new RetryingTokenFetcher(client, settings, statistics);
    }

    @Override
    public AccessToken token(Credential credential, TokenRequestOptions options) {
        Objects.requireNonNull(credential, "credential");
        TokenRequestOptions overrides = options == null ? TokenRequestOptions.none() : options;
        Resolved resolved = resolve(credential, overrides);
        AccessToken fresh = cache.fresh(resolved.entry());
        if (fresh != null) {
            return fresh; // the common case, without building the fetch
        }
        OAuth2Registration registration = resolved.registration();
        GrantParameters grant = resolved.grant();
        Supplier<AccessToken> fetch = () -> fetcher.fetch(credential.name(),
                () -> requests.create(registration, grant), grant.scope());
        if (shared == null) {
            return cache.get(resolved.key(), resolved.entry(), fetch);
        }
        // only the leader of this process's single flight asks the cluster
        SharedTokenKey sharedKey = resolved.sharedKey();
        return cache.get(resolved.key(), resolved.entry(), () -> {
            AccessToken token = shared.token(sharedKey, cache::isFresh, sharedWait, fetch);
            if (!token.isSingleUse()) { // a single-use token is never shared
                sharedKeys.put(token, sharedKey);
            }
            return token;
        });
    }

    private static SecretFingerprinter sharedFingerprinter(SharedTokens shared) {
        byte[] key = shared.fingerprintKey();
        try {
            return new SecretFingerprinter(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The grant and cache key of the request. Credentials are immutable, and the cache of governed credentials lends
     * the same instance to every request until the credential changes: for that instance and the same options, the
     * last resolution is reused, skipping the checks and the fingerprint; for that instance and other options, its
     * registration is.
     */
    private Resolved resolve(Credential credential, TokenRequestOptions options) {
        Resolved last = resolved.get(credential.name());
        boolean sameCredential = last != null && last.credential() == credential;
        if (sameCredential && (last.options() == options || last.options().equals(options))) {
            return last;
        }
        OAuth2Registration registration = sameCredential ? last.registration() : requests.register(credential);
        GrantParameters grant = requests.parameters(registration, options);
        String fingerprint = sameCredential ? last.key().fingerprint() : fingerprinter.fingerprint(credential);
        TokenCacheKey key = TokenCacheKey.of(credential.name(), fingerprint, grant);
        Resolved fresh = new Resolved(credential, options, registration, grant, key,
                shared == null ? null : key.shared(), cache.entry(key));
        if (resolved.size() >= MAX_RESOLVED) {
            resolved.clear();
        }
        resolved.put(credential.name(), fresh);
        return fresh;
    }

    /**
     * The last resolution for a credential instance: compared by identity, never by content. It keeps the cache entry
     * of its key, which spares the map lookup (and the key's hash and equality) until the entry is removed.
     */
    private record Resolved(Credential credential, TokenRequestOptions options, OAuth2Registration registration,
                            GrantParameters grant, TokenCacheKey key, SharedTokenKey sharedKey,
                            TokenCache.Entry entry) {
    }

    @Override
    public void evict(CredentialName credential) {
        resolved.remove(credential);
        statistics.evictions.add(cache.evict(credential));
    }

    /**
     * {@inheritDoc} With shared tokens, also drops the cluster's copy if it is still the stored one (once per token:
     * a burst of 401s with the same token costs one database round trip), and tells whether either was dropped.
     */
    @Override
    public boolean evict(AccessToken rejected) {
        if (rejected == null) {
            return false;
        }
        TokenCacheKey local = cache.evictKey(rejected);
        if (local != null) {
            statistics.evictions.increment();
        }
        if (shared == null) {
            return local != null;
        }
        SharedTokenKey key = sharedKeys.remove(rejected);
        if (key == null && local != null) {
            key = local.shared();
        }
        if (key != null) {
            shared.rejected(key, rejected); // the other nodes must not keep sending it either
        }
        return local != null || key != null;
    }

    @Override
    public TokenProviderStatistics statistics() {
        return statistics.snapshot(shared);
    }

    /** How many keys the cache holds, for tests and metrics. */
    int cachedKeys() {
        return cache.size();
    }

    @Override
    public void close() {
        cache.clear();
        sharedKeys.clear();
        resolved.clear();
        fingerprinter.destroy();
        if (ownsClient) {
            client.close();
        }
    }
}
