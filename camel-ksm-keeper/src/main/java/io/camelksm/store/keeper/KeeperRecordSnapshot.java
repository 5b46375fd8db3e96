package io.camelksm.store.keeper;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** One fetch's records, by UID, as the {@link KeeperRecordCache} keeps them. Replaced as a whole, never changed. */
final class KeeperRecordSnapshot {

    final Map<String, KeeperRecordView> records;
    final Instant fetchedAt;
    final boolean expired; // forced to refresh at the next look-up (after a write)
    boolean superseded; // guarded by the cache's write lock; readers then use the current snapshot

    KeeperRecordSnapshot(Map<String, KeeperRecordView> records, Instant fetchedAt, boolean expired) {
        this.records = records;
        this.fetchedAt = fetchedAt;
        this.expired = expired;
    }

    /** Young enough to serve without asking Keeper. */
    boolean isFresh(Instant now, Duration ttl) {
        return !expired && now.isBefore(fetchedAt.plus(ttl));
    }

    /** Young enough to serve when Keeper fails. */
    boolean isServable(Instant now, Duration maxStale) {
        return !now.isAfter(fetchedAt.plus(maxStale));
    }

    /** Marks it replaced and wipes its records; under the cache's write lock, so no reader sees a wiped value. */
    void retire() {
        superseded = true;
        records.values().forEach(KeeperRecordView::destroy);
    }
}
