package io.camelksm.access;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.Secret;

/**
 * A short-lived cache of credentials (as the store returned them) and their access rights, for the read path of
 * {@link GovernedCredentials}. Entries live at most the TTL; changes made through this process invalidate at once, changes
 * made elsewhere (the CLI, another node) apply within the TTL.
 * <p>
 * A credential handed out belongs to the caller, who wipes it: so every read gets a copy with fresh {@link Secret}s, and
 * the cache wipes its own copy when it drops it. The cache never decides anything: expiry, validity and access are
 * still checked by the caller on every request, with the current clock.
 */
public final class CredentialCache implements AutoCloseable {

    private record Entry<T>(T value, long loadedAtMillis) {
    }

    /** Our own copy of a credential; copied under the read lock, wiped under the write lock, never torn. */
    private static final class Held {
        private final Credential credential;
        private final ReadWriteLock lock = new ReentrantReadWriteLock();
        private boolean wiped;

        Held(Credential credential) {
            this.credential = credential;
        }

        /** A fresh copy, or empty when this one has been wiped meanwhile. */
        Optional<Credential> copy() {
            lock.readLock().lock();
            try {
                return wiped ? Optional.empty() : Optional.of(CredentialCache.copy(credential));
            } finally {
                lock.readLock().unlock();
            }
        }

        void wipe() {
            lock.writeLock().lock();
            try {
                wiped = true;
                credential.destroySecrets();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    private final Clock clock;
    private final long ttlMillis;
    private final ConcurrentMap<CredentialName, Entry<Held>> credentials = new ConcurrentHashMap<>();
    private final ConcurrentMap<CredentialName, Entry<AccessRights>> rights = new ConcurrentHashMap<>();
    /** Bumped by every invalidation, so that a load racing with a change never re-caches the old value. */
    private final AtomicLong epoch = new AtomicLong();

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

    /** A copy of the cached credential, or of what the loader returns (cached when present). */
    public Optional<Credential> credential(CredentialName name, Supplier<Optional<Credential>> loader) {
        if (!isEnabled()) {
            return loader.get();
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
        Optional<Credential> loaded = loader.get();
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

    /** The cached access rights, or what the loader returns (then cached). Access rights are immutable. */
    public AccessRights rights(CredentialName name, Supplier<AccessRights> loader) {
        if (!isEnabled()) {
            return loader.get();
        }
        Entry<AccessRights> cached = rights.get(name);
        if (cached != null && fresh(cached)) {
            return cached.value();
        }
        long before = epoch.get();
        AccessRights loaded = loader.get();
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
        long age = clock.millis() - entry.loadedAtMillis();
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
