package io.camelksm.store.keeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.camelksm.PartHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records of all configured UIDs, fetched together in one call and kept for the TTL, within Keeper's rate limits:
 * <ul>
 * <li>a fresh snapshot is served without asking Keeper;</li>
 * <li>an expired one is refreshed single-flight: one caller fetches, concurrent callers wait for that fetch;</li>
 * <li>when a fetch fails, the last good snapshot is served (up to max-stale), with a WARN and the staleServed
 * counter;</li>
 * <li>after a failure Keeper is left alone for a while: the {@code retry_after} of a throttling answer, else the
 * configured back-off; meanwhile cached records are served and no call is made.</li>
 * </ul>
 * Values are read under a read lock; a snapshot is wiped under the write lock once it is replaced, so no reader sees
 * a wiped value.
 */
final class KeeperRecordCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeeperRecordCache.class);

    private final KeeperClient client;
    private final Set<String> uids;
    private final KeeperStoreSettings settings;
    private final Clock clock;

    private final KeeperCacheCounters counters = new KeeperCacheCounters();

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object flightLock = new Object();
    private volatile KeeperRecordSnapshot current;
    private volatile BackOff backOff;
    private CompletableFuture<KeeperRecordSnapshot> inFlight; // guarded by flightLock
    private boolean closed; // guarded by lock's write lock
    private volatile boolean closing;

    KeeperRecordCache(KeeperClient client, KeeperStoreSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.uids = settings.recordUids();
        this.clock = clock;
    }

    /** No call to Keeper before {@code until}, because of {@code reason}. */
    private record BackOff(Instant until, KeeperStoreException reason) {
    }

    /**
     * Applies the function to the record of that UID (empty if Keeper did not return it), from a fresh snapshot when
     * possible, else from the last good one. The record must not escape the function: copy what you need.
     *
     * @throws KeeperStoreException if there is no usable snapshot and Keeper fails, throttles or is backed off from
     */
    <T> T withRecord(String uid, Function<Optional<KeeperRecordView>, T> use) {
        KeeperRecordSnapshot s = usableSnapshot();
        lock.readLock().lock();
        try {
            if (s.superseded) {
                s = current; // replaced while we waited for the lock: the newer one
                if (s == null) {
                    throw new KeeperStoreException("The Keeper store is closed");
                }
            }
            return use.apply(Optional.ofNullable(s.records.get(uid)));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Fetches now unless the snapshot is fresh; for a start-up fetch. */
    void ensureFresh() {
        usableSnapshot();
    }

    /** The next look-up fetches again (after a write); the current records stay as the fallback. */
    void expire() {
        replace(s -> new KeeperRecordSnapshot(s.records, s.fetchedAt, true), null);
    }

    /**
     * Replaces one record in the current snapshot (write-through after an update), so that even when the next fetch
     * fails the changed value is what gets served; the snapshot is marked expired so the next look-up fetches.
     */
    void patch(String uid, UnaryOperator<KeeperRecordView> change) {
        replace(s -> {
            KeeperRecordView before = s.records.get(uid);
            if (before == null) {
                return new KeeperRecordSnapshot(s.records, s.fetchedAt, true);
            }
            Map<String, KeeperRecordView> records = new HashMap<>(s.records);
            records.put(uid, change.apply(before));
            return new KeeperRecordSnapshot(Map.copyOf(records), s.fetchedAt, true);
        }, uid);
    }

    KeeperStoreStatistics statistics() {
        return counters.statistics();
    }

    /** DOWN when Keeper fails and no records within max-stale are cached ({@link KeeperCacheHealth}). */
    PartHealth health() {
        BackOff b = backOff;
        return KeeperCacheHealth.of(current, b == null ? null : b.reason(), closing, uids.size(), settings.maxStale(),
                clock.instant());
    }

    private KeeperRecordSnapshot usableSnapshot() {
        if (closing) {
            throw new KeeperStoreException("The Keeper store is closed");
        }
        Instant now = clock.instant();
        KeeperRecordSnapshot s = current;
        if (s != null && s.isFresh(now, settings.ttl())) {
            counters.cacheHits.increment();
            return s;
        }
        BackOff b = backOff;
        if (b != null && now.isBefore(b.until())) {
            return staleOrThrow(s, now, b);
        }
        return refresh(s);
    }

    private KeeperRecordSnapshot refresh(KeeperRecordSnapshot seen) {
        CompletableFuture<KeeperRecordSnapshot> flight;
        boolean leader = false;
        synchronized (flightLock) {
            Instant now = clock.instant();
            KeeperRecordSnapshot c = current;
            if (c != null && c != seen && c.isFresh(now, settings.ttl())) {
                counters.cacheHits.increment(); // another caller refreshed meanwhile
                return c;
            }
            BackOff b = backOff;
            if (b != null && now.isBefore(b.until())) {
                return staleOrThrow(c, now, b); // another caller's fetch just failed
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                leader = true;
            }
            flight = inFlight;
        }
        if (leader) {
            fetch(flight);
        } else {
            counters.sharedWaits.increment();
        }
        try {
            return flight.join();
        } catch (CompletionException e) {
            BackOff b = backOff;
            KeeperStoreException reason = e.getCause() instanceof KeeperStoreException k ? k
                    : new KeeperStoreException("Keeper fetch failed", e.getCause());
            return staleOrThrow(current, clock.instant(), b != null ? b : new BackOff(Instant.MIN, reason));
        }
    }

    private void fetch(CompletableFuture<KeeperRecordSnapshot> flight) {
        counters.fetches.increment();
        try {
            List<KeeperRecordView> records = client.fetch(uids);
            Map<String, KeeperRecordView> byUid = new HashMap<>();
            records.forEach(r -> byUid.put(r.uid(), r));
            KeeperRecordSnapshot fresh = new KeeperRecordSnapshot(Map.copyOf(byUid), clock.instant(), false);
            backOff = null;
            install(fresh);
            reportMissing(byUid.keySet());
            complete(flight, fresh, null);
        } catch (RuntimeException e) {
            complete(flight, null, failed(e));
        } catch (Error e) {
            complete(flight, null, new KeeperStoreException("Keeper fetch failed: " + e.getClass().getName()));
            throw e;
        }
    }

    private KeeperStoreException failed(RuntimeException e) {
        counters.failures.increment();
        KeeperStoreException reason = e instanceof KeeperStoreException k ? k
                : new KeeperStoreException("Keeper fetch failed: " + e.getClass().getName());
        Duration wait = settings.failureBackoff();
        if (reason instanceof KeeperThrottledException t) {
            counters.throttled.increment();
            wait = t.retryAfter().orElse(settings.throttleBackoff());
        }
        Instant now = clock.instant();
        Instant until = now.plus(wait);
        backOff = new BackOff(until, reason);
        KeeperRecordSnapshot s = current;
        if (s != null && s.isServable(now, settings.maxStale())) {
            LOG.warn("Keeper fetch of {} record(s) failed ({}): serving the last good records, fetched at {} (age {});"
                     + " no call to Keeper before {}", uids.size(), reason.getMessage(), s.fetchedAt,
                    Duration.between(s.fetchedAt, now), until);
        } else {
            LOG.warn("Keeper fetch of {} record(s) failed ({}) and no usable records are cached; no call to Keeper"
                     + " before {}", uids.size(), reason.getMessage(), until);
        }
        return reason;
    }

    private void complete(CompletableFuture<KeeperRecordSnapshot> flight, KeeperRecordSnapshot result,
                          KeeperStoreException failure) {
        synchronized (flightLock) {
            inFlight = null;
        }
        if (failure == null) {
            flight.complete(result);
        } else {
            flight.completeExceptionally(failure);
        }
    }

    private KeeperRecordSnapshot staleOrThrow(KeeperRecordSnapshot s, Instant now, BackOff b) {
        if (s != null && s.isServable(now, settings.maxStale())) {
            counters.staleServed.increment();
            LOG.debug("Serving Keeper records fetched at {} (older than the TTL): {}", s.fetchedAt,
                    b.reason().getMessage());
            return s;
        }
        String why = (s == null ? "no Keeper records are cached yet" : "the cached Keeper records (fetched at "
                + s.fetchedAt + ") are older than keeper.cache.max-stale (" + settings.maxStale() + ")")
                + (b.until().isAfter(now) ? "; no call to Keeper before " + b.until() : "");
        KeeperStoreException reason = b.reason();
        if (reason instanceof KeeperThrottledException t) {
            throw new KeeperThrottledException(reason.getMessage() + "; " + why, t.retryAfter().orElse(null), reason);
        }
        throw new KeeperStoreException(reason.getMessage() + "; " + why, reason);
    }

    private void reportMissing(Set<String> returned) {
        Set<String> missing = new LinkedHashSet<>(uids);
        missing.removeAll(returned);
        if (!missing.isEmpty()) {
            LOG.warn("Keeper did not return record(s) {}: unknown UID, or not shared with this application; the"
                     + " credentials mapped to them are unavailable", missing);
        }
    }

    /** Installs a fetched snapshot and wipes the one it replaces. */
    private void install(KeeperRecordSnapshot fresh) {
        lock.writeLock().lock();
        try {
            if (closed) {
                fresh.retire();
                return;
            }
            KeeperRecordSnapshot old = current;
            current = fresh;
            if (old != null) {
                old.retire();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Replaces the current snapshot by a derived one; wipes only the record of {@code replacedUid}, if any. */
    private void replace(UnaryOperator<KeeperRecordSnapshot> derive, String replacedUid) {
        lock.writeLock().lock();
        try {
            KeeperRecordSnapshot old = current;
            if (old == null) {
                return;
            }
            KeeperRecordSnapshot next = derive.apply(old);
            current = next;
            old.superseded = true;
            KeeperRecordView replaced = replacedUid == null ? null : old.records.get(replacedUid);
            if (replaced != null && next.records.get(replacedUid) != replaced) {
                replaced.destroy();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Wipes the cached records; look-ups fail from now on. */
    @Override
    public void close() {
        closing = true;
        lock.writeLock().lock();
        try {
            closed = true;
            KeeperRecordSnapshot old = current;
            current = null;
            if (old != null) {
                old.retire();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
