package io.camelksm.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;

/**
 * Keeps track of the credentials in use (read by a route or a process through {@link GovernedCredentials}) that have
 * an expiry, and warns before they lapse: once a day per credential, a WARN line on the logger {@value #LOGGER} naming
 * the credential and its expiry instant, while it lapses within the warning window. Time comes from the clock of the
 * governed credentials, so a test clock drives it. A zero window turns the warnings off; the tracking stays (health
 * checks and gauges read it).
 */
public final class ExpiryWatch implements CredentialChangeListener {

    /** The logger of the expiry warnings. */
    public static final String LOGGER = "camel.ksm.expiry";
    /** How often one credential is warned about at most. */
    static final Duration WARN_EVERY = Duration.ofDays(1);
    private static final long WARN_EVERY_MS = WARN_EVERY.toMillis();
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Comparator<CredentialExpiry> BY_EXPIRY =
            Comparator.comparing(CredentialExpiry::expiresAt).thenComparing(e -> e.name().value());

    private final Clock clock;
    private final ConcurrentMap<CredentialName, Instant> inUse = new ConcurrentHashMap<>();
    private final ConcurrentMap<CredentialName, Instant> lastWarned = new ConcurrentHashMap<>();
    private final List<Consumer<CredentialName>> newlyTracked = new CopyOnWriteArrayList<>();
    private volatile Duration warning = Duration.ZERO;
    private volatile long warningMillis;

    ExpiryWatch(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How long before its expiry a credential in use is warned about; zero: never. */
    public Duration warning() {
        return warning;
    }

    /** Sets the warning window; zero turns the warnings off. */
    public void setWarning(Duration warning) {
        Objects.requireNonNull(warning, "warning");
        if (warning.isNegative()) {
            throw new IllegalArgumentException("expiryWarning must not be negative, got " + warning);
        }
        this.warningMillis = warning.toMillis();
        this.warning = warning;
    }

    /**
     * Tells the consumer the name of each credential with an expiry the first time it is used (and again after it was
     * changed or deleted and then used anew). Must be quick and must not throw.
     */
    public void onNewlyTracked(Consumer<CredentialName> consumer) {
        newlyTracked.add(Objects.requireNonNull(consumer, "consumer"));
    }

    /** A governed read handed out the credential at {@code now}: notes its expiry, warns if it is due. */
    void used(Credential credential, Instant now) {
        CredentialName name = credential.name();
        Instant expiresAt = credential.expiresAt().orElse(null);
        if (expiresAt == null) {
            if (!inUse.isEmpty()) {
                inUse.remove(name); // its expiry may have been removed
            }
            return;
        }
        if (!expiresAt.equals(inUse.get(name)) && inUse.put(name, expiresAt) == null) {
            newlyTracked.forEach(consumer -> consumer.accept(name));
        }
        long window = warningMillis; // in millis: this is every exchange's path, comparing allocates nothing
        if (window > 0 && expiresAt.toEpochMilli() - now.toEpochMilli() < window) {
            warnOncePerDay(name, expiresAt, now);
        }
    }

    private void warnOncePerDay(CredentialName name, Instant expiresAt, Instant now) {
        Instant warned = lastWarned.get(name);
        if (warned != null && now.toEpochMilli() - warned.toEpochMilli() < WARN_EVERY_MS) {
            return; // the common case within the window: warned today already
        }
        boolean[] due = new boolean[1];
        lastWarned.compute(name, (n, last) -> {
            due[0] = last == null || !now.isBefore(last.plus(WARN_EVERY));
            return due[0] ? now : last;
        });
        if (due[0]) {
            LOG.warn("Credential '{}' expires at {} ({} days left, warning window {} days): renew it before then", name,
                    expiresAt, String.format(Locale.ROOT, "%.1f", new CredentialExpiry(name, expiresAt).daysLeft(now)),
                    warning.toDays());
        }
    }

    /**
     * The credential was changed or deleted: forgotten until it is used again (then with its new expiry). When it was
     * last warned about is kept, so a route rotating a password does not repeat the warning within the day.
     */
    @Override
    public void credentialChanged(CredentialName name) {
        inUse.remove(name);
    }

    /** Every credential in use with an expiry, soonest first. */
    public List<CredentialExpiry> inUse() {
        return inUse.entrySet().stream().map(e -> new CredentialExpiry(e.getKey(), e.getValue())).sorted(BY_EXPIRY)
                .toList();
    }

    /** The credentials in use that lapse within the warning window (or have lapsed), soonest first. */
    public List<CredentialExpiry> lapsing() {
        Instant now = clock.instant();
        Duration window = warning;
        return inUse().stream().filter(e -> e.lapsesWithin(window, now)).toList();
    }

    /** Days left (with fraction, negative once expired) of a credential in use, or NaN if none is tracked. */
    public double daysLeft(CredentialName name) {
        Instant expiresAt = inUse.get(name);
        return expiresAt == null ? Double.NaN : new CredentialExpiry(name, expiresAt).daysLeft(clock.instant());
    }

    /** The current instant of the clock the watch decides by. */
    public Instant now() {
        return clock.instant();
    }
}
