package io.camelksm.auth.oauth2;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How token requests are retried after a server error (5xx, 408), rate limiting (429) or a transport failure:
 * at most {@code maxRetries} more attempts, waiting an exponentially growing backoff with random jitter, or at least
 * as long as the server's {@code Retry-After} asks, unless that is longer than {@code maxRetryAfter} (then the request
 * fails at once rather than hold the exchange). Rejections (400, 401, 403, ...) are never retried.
 *
 * @param maxRetries     retries after the first attempt (0 = no retry)
 * @param initialBackoff wait before the first retry
 * @param maxBackoff     upper bound of the exponential backoff
 * @param jitter         share of each backoff that is random, 0 (none) to 1 (anywhere between 0 and the backoff)
 * @param maxRetryAfter  the longest {@code Retry-After} honoured
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, double jitter,
                          Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > 20) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 20, was " + maxRetries);
        }
        requireNotNegative(initialBackoff, "initialBackoff");
        requireNotNegative(maxBackoff, "maxBackoff");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /** 3 retries, 200 ms doubling up to 5 s, half of each backoff random, Retry-After honoured up to 30 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(OAuth2Defaults.MAX_RETRIES, Duration.ofMillis(OAuth2Defaults.INITIAL_BACKOFF_MS),
                Duration.ofMillis(OAuth2Defaults.MAX_BACKOFF_MS), OAuth2Defaults.BACKOFF_JITTER,
                Duration.ofMillis(OAuth2Defaults.MAX_RETRY_AFTER_MS));
    }

    /** A single attempt. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);
    }

    public RetryPolicy withMaxRetries(int value) {
        return new RetryPolicy(value, initialBackoff, maxBackoff, jitter, maxRetryAfter);
    }

    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxRetries, initial, max, jitter, maxRetryAfter);
    }

    public RetryPolicy withJitter(double value) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, value, maxRetryAfter);
    }

    public RetryPolicy withMaxRetryAfter(Duration value) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, jitter, value);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry): {@code initialBackoff * 2^(retry-1)}, capped
     * at {@code maxBackoff}, of which the {@code jitter} share is random so that many clients do not retry in step.
     */
    public Duration backoff(int retry) {
        long initial = initialBackoff.toMillis();
        long base = Math.min(initial << Math.min(Math.max(retry - 1, 0), 30), maxBackoff.toMillis());
        double random = ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(base * (1 - jitter * random)));
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
