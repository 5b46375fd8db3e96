package io.camelksm.store.keeper;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;

/**
 * What the Keeper store serves and how it treats Keeper's rate limits. Immutable; build it with {@link #builder()} or
 * {@link #fromProperties(Map)}.
 * <p>
 * Properties (prefix {@value #PREFIX}):
 * <ul>
 * <li>{@code keeper.credentials.<name>=<UID or keeper:// notation>}: one per credential (names as in
 * {@link CredentialName}; a name may not end in {@code .type});</li>
 * <li>{@code keeper.credentials.<name>.type=<BASIC|GENERAL|BEARER|...>}: the credential type, overriding the record's
 * {@code ksm.type} custom field;</li>
 * <li>{@code keeper.cache.ttl} (default 5m): how long fetched records are served without asking Keeper again;</li>
 * <li>{@code keeper.cache.max-stale} (default 24h): the oldest records may get while Keeper fails or throttles; after
 * that a failure is an error;</li>
 * <li>{@code keeper.throttle.backoff} (default 1m): how long to leave Keeper alone after a throttling answer that names
 * no {@code retry_after};</li>
 * <li>{@code keeper.failure.backoff} (default 10s): how long to leave Keeper alone after any other failed fetch;</li>
 * <li>{@code keeper.password-updates} (default false): whether {@code update} may change the password of a record
 * (through the SDK's {@code updateSecret}); create and delete are never done in Keeper from here.</li>
 * </ul>
 * Durations are ISO-8601 ({@code PT5M}) or a number with unit {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}.
 */
public final class KeeperStoreSettings {

    public static final String PREFIX = "keeper.";
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_MAX_STALE = Duration.ofHours(24);
    public static final Duration DEFAULT_THROTTLE_BACKOFF = Duration.ofMinutes(1);
    public static final Duration DEFAULT_FAILURE_BACKOFF = Duration.ofSeconds(10);

    private static final String CREDENTIALS = "credentials.";
    private static final String TYPE_SUFFIX = ".type";
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final SortedMap<CredentialName, KeeperCredentialMapping> credentials;
    private final Duration ttl;
    private final Duration maxStale;
    private final Duration throttleBackoff;
    private final Duration failureBackoff;
    private final boolean passwordUpdates;

    private KeeperStoreSettings(Builder b) {
        this.credentials = Collections.unmodifiableSortedMap(new TreeMap<>(b.credentials));
        this.ttl = positive(b.ttl, "keeper.cache.ttl");
        this.maxStale = positive(b.maxStale, "keeper.cache.max-stale");
        this.throttleBackoff = positive(b.throttleBackoff, "keeper.throttle.backoff");
        this.failureBackoff = positive(b.failureBackoff, "keeper.failure.backoff");
        this.passwordUpdates = b.passwordUpdates;
        if (maxStale.compareTo(ttl) < 0) {
            throw new IllegalArgumentException("keeper.cache.max-stale (" + maxStale + ") must not be shorter than"
                                               + " keeper.cache.ttl (" + ttl + ")");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings from {@code keeper.*} properties; other keys are ignored. */
    public static KeeperStoreSettings fromProperties(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return fromProperties(map);
    }

    /**
     * Settings from {@code keeper.*} keys (see the class comment); other keys are ignored, unknown {@code keeper.*}
     * keys are refused so that a typo does not pass silently.
     *
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static KeeperStoreSettings fromProperties(Map<String, String> properties) {
        Builder b = builder();
        Map<String, String> types = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String option = key.substring(PREFIX.length());
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (option.startsWith(CREDENTIALS)) {
                String name = option.substring(CREDENTIALS.length());
                if (name.endsWith(TYPE_SUFFIX)) {
                    types.put(name.substring(0, name.length() - TYPE_SUFFIX.length()), value);
                }
                continue;
            }
            switch (option) {
                case "cache.ttl" -> b.ttl(duration(key, value));
                case "cache.max-stale" -> b.maxStale(duration(key, value));
                case "throttle.backoff" -> b.throttleBackoff(duration(key, value));
                case "failure.backoff" -> b.failureBackoff(duration(key, value));
                case "password-updates" -> b.passwordUpdates(bool(key, value));
                default -> throw new IllegalArgumentException("Unknown Keeper store option '" + key + "'; known: "
                        + PREFIX + "credentials.<name>[.type], cache.ttl, cache.max-stale, throttle.backoff,"
                        + " failure.backoff, password-updates");
            }
        }
        Set<String> typed = new LinkedHashSet<>(types.keySet());
        for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX + CREDENTIALS) || key.endsWith(TYPE_SUFFIX)) {
                continue;
            }
            String name = key.substring((PREFIX + CREDENTIALS).length());
            String typeText = types.get(name);
            typed.remove(name);
            CredentialType type;
            try {
                type = typeText == null || typeText.isEmpty() ? null : CredentialType.parse(typeText);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(key + TYPE_SUFFIX + ": " + ex.getMessage(), ex);
            }
            try {
                b.credential(CredentialName.of(name), KeeperRecordRef.parse(e.getValue()), type);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(key + ": " + ex.getMessage(), ex);
            }
        }
        if (!typed.isEmpty()) {
            String name = typed.iterator().next();
            throw new IllegalArgumentException(PREFIX + CREDENTIALS + name + TYPE_SUFFIX + " is set, but "
                                               + PREFIX + CREDENTIALS + name + " (the record UID) is not");
        }
        return b.build();
    }

    /** The credentials served, by name. */
    public SortedMap<CredentialName, KeeperCredentialMapping> credentials() {
        return credentials;
    }

    /** The distinct record UIDs of all credentials: what one fetch asks Keeper for. */
    public Set<String> recordUids() {
        Set<String> uids = new LinkedHashSet<>();
        credentials.values().forEach(m -> uids.add(m.ref().uid()));
        return Collections.unmodifiableSet(uids);
    }

    public Duration ttl() {
        return ttl;
    }

    public Duration maxStale() {
        return maxStale;
    }

    public Duration throttleBackoff() {
        return throttleBackoff;
    }

    public Duration failureBackoff() {
        return failureBackoff;
    }

    public boolean passwordUpdates() {
        return passwordUpdates;
    }

    @Override
    public String toString() {
        return "KeeperStoreSettings[credentials=" + credentials.values() + ", ttl=" + ttl + ", maxStale=" + maxStale
               + ", throttleBackoff=" + throttleBackoff + ", failureBackoff=" + failureBackoff + ", passwordUpdates="
               + passwordUpdates + "]";
    }

    static Duration duration(String key, String text) {
        Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + "='" + text + "' is not a duration: use e.g. PT5M, 5m, 30s or"
                                               + " 500ms");
        }
    }

    private static boolean bool(String key, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + "='" + text + "' is not true or false");
        };
    }

    private static Duration positive(Duration d, String key) {
        Objects.requireNonNull(d, key);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, not " + d);
        }
        return d;
    }

    /** Builds {@link KeeperStoreSettings}. */
    public static final class Builder {
        private final SortedMap<CredentialName, KeeperCredentialMapping> credentials = new TreeMap<>();
        private Duration ttl = DEFAULT_TTL;
        private Duration maxStale = DEFAULT_MAX_STALE;
        private Duration throttleBackoff = DEFAULT_THROTTLE_BACKOFF;
        private Duration failureBackoff = DEFAULT_FAILURE_BACKOFF;
        private boolean passwordUpdates;

        private Builder() {
        }

        /** A credential from a record UID or notation; its type from the record. */
        public Builder credential(String name, String ref) {
            return credential(CredentialName.of(name), KeeperRecordRef.parse(ref), null);
        }

        /** A credential from a record UID or notation, of a type chosen here. */
        public Builder credential(String name, String ref, CredentialType type) {
            return credential(CredentialName.of(name), KeeperRecordRef.parse(ref), type);
        }

        public Builder credential(CredentialName name, KeeperRecordRef ref, CredentialType type) {
            KeeperCredentialMapping mapping = new KeeperCredentialMapping(name, ref, type);
            KeeperCredentialMapping before = credentials.putIfAbsent(name, mapping);
            if (before != null) {
                throw new IllegalArgumentException("Credential '" + name + "' is mapped twice (names are compared"
                                                   + " case-insensitively): " + before.ref() + " and " + ref);
            }
            return this;
        }

        public Builder ttl(Duration ttl) {
            this.ttl = ttl;
            return this;
        }

        public Builder maxStale(Duration maxStale) {
            this.maxStale = maxStale;
            return this;
        }

        public Builder throttleBackoff(Duration throttleBackoff) {
            this.throttleBackoff = throttleBackoff;
            return this;
        }

        public Builder failureBackoff(Duration failureBackoff) {
            this.failureBackoff = failureBackoff;
            return this;
        }

        public Builder passwordUpdates(boolean passwordUpdates) {
            this.passwordUpdates = passwordUpdates;
            return this;
        }

        public KeeperStoreSettings build() {
            return new KeeperStoreSettings(this);
        }
    }
}
