package io.camelksm.store.keeper;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelksm.PartHealth;

/**
 * The health of the {@link KeeperRecordCache}: UP while the last fetch succeeded (or none was made yet), or failed but
 * records within max-stale are served; DOWN when Keeper fails and the cached records are older than max-stale (or there
 * are none), because look-ups fail then. An idle store with old records is not DOWN: its next look-up fetches.
 */
final class KeeperCacheHealth {

    private KeeperCacheHealth() {
    }

    /**
     * @param snapshot    the current records, or null
     * @param lastFailure why the last fetch failed, or null if it succeeded
     */
    static PartHealth of(KeeperRecordSnapshot snapshot, KeeperStoreException lastFailure, boolean closed, int records,
                         Duration maxStale, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("records", records);
        details.put("maxStale", maxStale.toString());
        if (snapshot != null) {
            details.put("fetchedAt", snapshot.fetchedAt.toString());
            details.put("ageSeconds", Duration.between(snapshot.fetchedAt, now).toSeconds());
        }
        if (closed) {
            return PartHealth.down("The Keeper store is closed", details);
        }
        if (lastFailure == null) {
            return PartHealth.up(snapshot == null ? "Keeper records are fetched at the first look-up"
                    : "The last Keeper fetch succeeded", details);
        }
        details.put("lastFailure", lastFailure.getMessage()); // names records and causes, never values
        if (snapshot != null && snapshot.isServable(now, maxStale)) {
            return PartHealth.up("Keeper fails; serving records fetched at " + snapshot.fetchedAt
                                 + ", within max-stale (" + maxStale + ")", details);
        }
        return PartHealth.down("Keeper fails and " + (snapshot == null ? "no records are cached"
                : "the cached records (fetched at " + snapshot.fetchedAt + ") are older than max-stale (" + maxStale
                  + ")") + ": look-ups fail", details);
    }
}
