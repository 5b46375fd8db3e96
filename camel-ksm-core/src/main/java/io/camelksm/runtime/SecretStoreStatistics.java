package io.camelksm.runtime;

/**
 * Counters of a store in a module of its own ({@code store=keeper}) since it opened, for metrics; all zero for a store
 * that counts nothing.
 *
 * @param requests     calls to the store's service that fetched records (successful or not)
 * @param staleServed  look-ups served from records older than the cache TTL because the service failed or throttled
 * @param throttled    throttling answers from the service
 * @param failures     failed fetches (throttling included)
 * @param configWrites writes of the HSM-encrypted client config
 */
public record SecretStoreStatistics(long requests, long staleServed, long throttled, long failures,
                                    long configWrites) {

    public static final SecretStoreStatistics NONE = new SecretStoreStatistics(0, 0, 0, 0, 0);
}
