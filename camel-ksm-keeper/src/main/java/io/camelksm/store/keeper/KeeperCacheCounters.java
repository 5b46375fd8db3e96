package io.camelksm.store.keeper;

import java.util.concurrent.atomic.LongAdder;

/** What the {@link KeeperRecordCache} counts, read as {@link KeeperStoreStatistics}. */
final class KeeperCacheCounters {

    final LongAdder fetches = new LongAdder();
    final LongAdder cacheHits = new LongAdder();
    final LongAdder sharedWaits = new LongAdder();
    final LongAdder staleServed = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder failures = new LongAdder();

    KeeperStoreStatistics statistics() {
        return new KeeperStoreStatistics(fetches.sum(), cacheHits.sum(), sharedWaits.sum(), staleServed.sum(),
                throttled.sum(), failures.sum());
    }
}
