package io.camelksm.governance;

import io.camelksm.access.AccessRights;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.Secret;

/**
 * A short-lived cache of credentials (as the store returned them) and their access rights, for the read path of
 * {@link GovernedCredentials}. Entries live at most the TTL; changes made through this process invalidate at once, changes
 * made elsewhere (the CLI, another node) apply within the TTL, or at once where the node hears them (PostgreSQL's change
 * notices: {@link GovernedCredentials#dropCached}). While a node cannot hear them the cache is {@link #suspend()}ed.
 * <p>
 * A credential handed out belongs to the caller, who wipes it: so every read gets a copy with fresh {@link Secret}s, and
 * the cache wipes its own copy when it drops it. The cache never decides anything: expiry, validity and access are
 * still checked by the caller on every request, with the current clock.
 */
public final class CredentialCache implements AutoCloseable {

    private record Entry<T>(T value, long loadedAtMillis) {
    }

    /**
     * Our own copy of a credential, lent to one request at a time or many at once, and wiped once it has been dropped
     * from the cache and the last request using it is done. The state is the number of current leases, plus
     * {@link #RETIRED} once dropped: no lease starts after that, and whoever brings the count to zero wipes.
     */
    private static final class Held implements CredentialLease {
        private static final int RETIRED = 1 << 30;
        private final Credential credential;
        private final AtomicInteger state = new AtomicInteger();

        Held(Credential credential) {
            this.credential = credential;
        }

        /** Starts a lease, or returns false when this copy has been dropped meanwhile. */
        boolean tryLease() {
            for (;;) {
                int current = state.get();
                if (current >= RETIRED) {
                    return false;
                }
                if (state.compareAndSet(current, current + 1)) {
                    return true;
                }
            }
        }

        @Override
        public Credential credential() {
            return credential;
        }

        /** Ends a lease started by {@link #tryLease()}. */
        @Override
        public void close() {
            if (state.decrementAndGet() == RETIRED) {
                credential.destroySecrets(); // dropped while lent: the last user wipes
            }
        }

        /** A fresh copy, or empty when this one has been dropped meanwhile. */
        Optional<Credential> copy() {
            if (!tryLease()) {
                return Optional.empty();
            }
            try {
                return Optional.of(CredentialCache.copy(credential));
            } finally {
                close();
            }
        }

        /** Drops this copy: wiped now, or by the last lease still running. */
        void wipe() {
            for (;;) {
                int current = state.get();
                if (current >= RETIRED) {
                    return;
                }
                if (state.compareAndSet(current, current + RETIRED)) {
                    if (current == 0) {
                        credential.destroySecrets();
                    }
                    return;
                }
            }
        }
    }

    /** A credential that belongs to the lease alone: wiped when it ends (the cache is off, or was just refilled). */
    private record Owned(Credential credential) implements CredentialLease {
        @Override
        public void close() {
            credential.destroySecrets();
        }
    }

    private final Clock clock;
    private final long ttlMillis;
    private final ConcurrentMap<CredentialName, Entry<Held>> credentials = new ConcurrentHashMap<>();
    private final ConcurrentMap<CredentialName, Entry<AccessRights>> rights = new ConcurrentHashMap<>();
    /** Bumped by every invalidation, so that a load racing with a change never re-caches the old value. */
    private final AtomicLong epoch = new AtomicLong();
    /** While true nothing is served from the cache nor put into it ({@link #suspend()}). */
    private volatile boolean suspended;

    public CredentialCache(Duration ttl, Clock clock) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("cache TTL must not be negative, got " + ttl);
        }
        this.ttlMillis = ttl.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean isEnabled() {
        return ttlMillis > 0;
    }

    /** Whether reads are served from the cache now: enabled and not suspended. */
    private boolean serving() {
        return ttlMillis > 0 && !suspended;
    }

    /**
     * A copy of the cached credential, or of what the loader returns (cached when present). Loaders take the name, so
     * that a caller can bind one once instead of allocating a capturing lambda per request.
     */
    public Optional<Credential> credential(CredentialName name,
                                           Function<CredentialName, Optional<Credential>> loader) {
        if (!serving()) {
            return loader.apply(name);
        }
        Entry<Held> cached = credentials.get(name);
        if (cached != null && fresh(cached)) {
            Optional<Credential> copy = cached.value().copy();
            if (copy.isPresent()) {
                return copy;
            }
            // evicted (and wiped) by another thread meanwhile: read again
        }
        long before = epoch.get();
        Optional<Credential> loaded = loader.apply(name);
        if (loaded.isEmpty()) {
            return loaded;
        }
        Entry<Held> entry = new Entry<>(new Held(copy(loaded.get())), clock.millis());
        Entry<Held> previous = credentials.put(name, entry);
        if (previous != null) {
            previous.value().wipe();
        }
        if (epoch.get() != before && credentials.remove(name, entry)) {
            entry.value().wipe();
        }
        return loaded;
    }

    /**
     * Lends the cached credential itself, without copying it, or what the loader returns; empty when there is none.
     * The lease must be closed, and the credential must not be used after that: it may be wiped as soon as the cache
     * drops it and the last lease is closed.
     */
    public Optional<CredentialLease> lease(CredentialName name, Function<CredentialName, Optional<Credential>> loader,
                                           long nowMillis) {
        if (serving()) {
            Entry<Held> cached = credentials.get(name);
            if (cached != null && fresh(cached, nowMillis) && cached.value().tryLease()) {
                return Optional.of(cached.value());
            }
        }
        return credential(name, loader).map(Owned::new);
    }

    /** The cached access rights, or what the loader returns (then cached). Access rights are immutable. */
    public AccessRights rights(CredentialName name, Function<CredentialName, AccessRights> loader) {
        return rights(name, loader, clock.millis());
    }

    /** {@link #rights(CredentialName, Function)} at a time the caller has already read from the clock. */
    public AccessRights rights(CredentialName name, Function<CredentialName, AccessRights> loader, long nowMillis) {
        if (!serving()) {
            return loader.apply(name);
        }
        Entry<AccessRights> cached = rights.get(name);
        if (cached != null && fresh(cached, nowMillis)) {
            return cached.value();
        }
        long before = epoch.get();
        AccessRights loaded = loader.apply(name);
        Entry<AccessRights> entry = new Entry<>(loaded, clock.millis());
        rights.put(name, entry);
        if (epoch.get() != before) {
            rights.remove(name, entry);
        }
        return loaded;
    }

    /** Drops (and wipes) what is cached for the credential. */
    public void invalidate(CredentialName name) {
        epoch.incrementAndGet();
        rights.remove(name);
        Entry<Held> dropped = credentials.remove(name);
        if (dropped != null) {
            dropped.value().wipe();
        }
    }

    /**
     * Stops serving from the cache and drops everything in it: changes made elsewhere can no longer be noticed (the
     * node lost its listening connection). Until {@link #resume()}, every read goes to the loader.
     */
    public void suspend() {
        suspended = true;
        clear(); // bumps the epoch: a load that started before this does not keep its result
    }

    /**
     * Serves from the cache again, starting empty: changes are noticed again. A load that started before this (maybe
     * before a change it could not hear) does not put its result in the cache.
     */
    public void resume() {
        clear();
        suspended = false;
    }

    /** Whether the cache is suspended: every read goes to the loader. */
    public boolean isSuspended() {
        return suspended;
    }

    /** Drops (and wipes) everything. */
    public void clear() {
        epoch.incrementAndGet();
        rights.clear();
        credentials.keySet().forEach(name -> {
            Entry<Held> dropped = credentials.remove(name);
            if (dropped != null) {
                dropped.value().wipe();
            }
        });
    }

    @Override
    public void close() {
        clear();
    }

    int size() {
        return credentials.size();
    }

    private boolean fresh(Entry<?> entry) {
        return fresh(entry, clock.millis());
    }

    private boolean fresh(Entry<?> entry, long nowMillis) {
        long age = nowMillis - entry.loadedAtMillis();
        return age >= 0 && age < ttlMillis;
    }

    /** The same credential with its own Secret instances, so wiping one copy never touches another. */
    static Credential copy(Credential source) {
        Credential.Builder copy = source.toBuilder();
        for (Map.Entry<CredentialField, Secret> secret : source.secrets().entrySet()) {
            copy.secret(secret.getKey(), copyOf(secret.getValue()));
        }
        for (CredentialProperty property : source.properties().values()) {
            copy.property(new CredentialProperty(property.name(), copyOf(property.value()), property.secret()));
        }
        return copy.build();
    }

    private static Secret copyOf(Secret secret) {
        char[] chars = secret.chars();
        try {
            return Secret.of(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
