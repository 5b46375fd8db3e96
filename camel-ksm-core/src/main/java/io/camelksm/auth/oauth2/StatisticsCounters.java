package io.camelksm.auth.oauth2;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link TokenProviderStatistics}; cheap under contention. */
final class StatisticsCounters {

    final LongAdder cacheHits = new LongAdder();
    final LongAdder cacheMisses = new LongAdder();
    final LongAdder sharedWaits = new LongAdder();
    final LongAdder refreshesAhead = new LongAdder();
    final LongAdder tokensFetched = new LongAdder();
    final LongAdder httpAttempts = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder evictions = new LongAdder();
    final LongAdder singleUseTokens = new LongAdder();
    volatile Instant lastTokenAt;
    volatile Instant lastFailureAt;

    /** With the counters of the tokens shared with other nodes (null: not shared). */
    TokenProviderStatistics snapshot(SharedTokens shared) {
        return new TokenProviderStatistics(cacheHits.sum(), cacheMisses.sum(), sharedWaits.sum(), refreshesAhead.sum(),
                tokensFetched.sum(), httpAttempts.sum(), failures.sum(), evictions.sum(),
                singleUseTokens.sum(), lastTokenAt, lastFailureAt, shared == null ? 0 : shared.tokensUsed(),
                shared == null ? 0 : shared.waitTimeouts());
    }
}
