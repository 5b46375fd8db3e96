package io.camelksm.store.keeper;

/**
 * Counters of a {@link KeeperCredentialStore} since it started, for metrics and health checks.
 *
 * @param fetches      calls to Keeper that fetched records (successful or not)
 * @param cacheHits    look-ups served from fresh cached records
 * @param sharedWaits  look-ups that waited for another caller's fetch instead of sending their own
 * @param staleServed  look-ups served from records older than the TTL because Keeper failed or throttled
 * @param throttled    throttling answers from Keeper
 * @param failures     failed fetches (throttling included)
 */
public record KeeperStoreStatistics(long fetches, long cacheHits, long sharedWaits, long staleServed, long throttled,
                                    long failures) {
}
