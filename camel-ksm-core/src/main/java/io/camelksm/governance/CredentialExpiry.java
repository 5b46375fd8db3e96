package io.camelksm.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.camelksm.credential.CredentialName;

/** A credential in use and the instant it expires: names and instants only, never a value. */
public record CredentialExpiry(CredentialName name, Instant expiresAt) {

    private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    public CredentialExpiry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Days (with fraction) from {@code now} until the expiry; zero or less once expired. */
    public double daysLeft(Instant now) {
        return Duration.between(now, expiresAt).toSeconds() / SECONDS_PER_DAY;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether it expires before {@code now + window} (an expired one does too). */
    public boolean lapsesWithin(Duration window, Instant now) {
        return expiresAt.isBefore(now.plus(window));
    }

    @Override
    public String toString() {
        return name + " (expires " + expiresAt + ")";
    }
}
