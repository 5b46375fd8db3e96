package io.camelksm.auth.oauth2;

import java.time.Instant;

/**
 * Counters of an {@link OAuth2TokenProvider} since it started, for metrics and benchmarks.
 *
 * @param cacheHits       tokens handed out from the cache
 * @param cacheMisses     callers that found no usable cached token: they fetched one or waited for another caller's
 *                        fetch ({@code sharedWaits} are among them)
 * @param sharedWaits     callers that waited for another caller's in-flight request instead of sending their own
 * @param refreshesAhead  refreshes started before the cached token stopped being handed out
 * @param tokensFetched   tokens obtained from authorization servers
 * @param httpAttempts    HTTP requests sent to authorization servers (retries included)
 * @param failures        token requests that failed after all attempts
 * @param evictions       cached tokens dropped by {@code evict}
 * @param singleUseTokens tokens obtained without a usable lifetime ({@code expires_in} 0): each served one caller and
 *                        was not cached (they are among {@code tokensFetched})
 * @param lastTokenAt     when a token was last obtained from an authorization server, or null if never
 * @param lastFailureAt   when a token request last failed after all attempts, or null if never
 * @param clusterTokensUsed   tokens this node took from another node's fetch (tokenSharing=cluster)
 * @param clusterWaitTimeouts times this node waited the whole fetch deadline for another node's fetch and then fetched
 *                            itself (tokenSharing=cluster)
 */
public record TokenProviderStatistics(long cacheHits, long cacheMisses, long sharedWaits, long refreshesAhead, long tokensFetched,
                                      long httpAttempts, long failures, long evictions, long singleUseTokens,
                                      Instant lastTokenAt, Instant lastFailureAt, long clusterTokensUsed,
                                      long clusterWaitTimeouts) {
}
