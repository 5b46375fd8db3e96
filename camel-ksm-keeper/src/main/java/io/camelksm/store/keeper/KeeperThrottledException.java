package io.camelksm.store.keeper;

import java.time.Duration;
import java.util.Optional;

/**
 * Keeper answered that this client is throttled ({@code 403 {"error":"throttled"[,"retry_after":s]}}). The store backs
 * off: it makes no call to Keeper until the wait is over and serves cached records meanwhile.
 */
public class KeeperThrottledException extends KeeperStoreException {

    private final transient Duration retryAfter;

    public KeeperThrottledException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The wait Keeper asked for, if it named one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
