package io.camelksm.benchmarks;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What the loopback APIs saw for one run: token requests, and API calls by the state of their bearer token. */
public final class RunCounters {

    final AtomicLong tokenRequests = new AtomicLong();
    final AtomicLong apiCalls = new AtomicLong();
    final AtomicLong validToken = new AtomicLong();
    final AtomicLong expiredToken = new AtomicLong();
    final AtomicLong unknownToken = new AtomicLong();
    final AtomicReference<Instant> lastExpiry = new AtomicReference<>();

    /** When the token issued last in this run expires, or null before the first. */
    public Instant lastExpiry() {
        return lastExpiry.get();
    }

    /** Requests to the token endpoint (each one issues a new token). */
    public long tokenRequests() {
        return tokenRequests.get();
    }

    /** Calls of the downstream API. */
    public long apiCalls() {
        return apiCalls.get();
    }

    /** API calls whose bearer token was issued by the token endpoint and not yet expired on arrival. */
    public long validToken() {
        return validToken.get();
    }

    /** API calls whose bearer token had expired when the call arrived. */
    public long expiredToken() {
        return expiredToken.get();
    }

    /** API calls without a bearer token the token endpoint issued. */
    public long unknownToken() {
        return unknownToken.get();
    }

    /** The counts now, to subtract from later ones. */
    public Snapshot snapshot() {
        return new Snapshot(tokenRequests(), apiCalls(), validToken(), expiredToken(), unknownToken());
    }

    /** Counts at one moment. */
    public record Snapshot(long tokenRequests, long apiCalls, long validToken, long expiredToken, long unknownToken) {

        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(tokenRequests - earlier.tokenRequests, apiCalls - earlier.apiCalls,
                    validToken - earlier.validToken, expiredToken - earlier.expiredToken,
                    unknownToken - earlier.unknownToken);
        }
    }
}
