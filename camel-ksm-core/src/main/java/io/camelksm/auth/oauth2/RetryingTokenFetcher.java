package io.camelksm.auth.oauth2;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.credential.CredentialName;

/**
 * Obtains one token through the {@link TokenEndpointClient}, retrying what {@link RetryPolicy} allows: each attempt is
 * a fresh request (a new assertion with a new {@code jti}), each wait an exponential backoff with jitter or the
 * server's {@code Retry-After}. All of it ends by the token fetch deadline: an attempt gets at most what is left of
 * it, and a retry that could not start before it is not waited for.
 */
final class RetryingTokenFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingTokenFetcher.class);

    private final TokenEndpointClient client;
    private final OAuth2Settings settings;
    private final StatisticsCounters statistics;
    /** Credentials already warned about for single-use tokens; bounded, a rare second warning is harmless. */
    private final Set<CredentialName> warnedSingleUse = ConcurrentHashMap.newKeySet();
    private static final int MAX_WARNED = 1024;

    RetryingTokenFetcher(TokenEndpointClient client, OAuth2Settings settings, StatisticsCounters statistics) {
        this.client = client;
        this.settings = settings;
        this.statistics = statistics;
    }

    /**
     * @param requests       builds the request of each attempt
     * @param requestedScope the scope asked for, taken as granted when the server names none (RFC 6749 §5.1)
     */
    AccessToken fetch(CredentialName credential, Supplier<TokenRequest> requests, String requestedScope) {
        RetryPolicy policy = settings.retryPolicy();
        int maxAttempts = policy.maxRetries() + 1;
        // monotonic, and apart from the settings' clock, which tests stop
        long deadline = System.nanoTime() + settings.tokenFetchDeadline().toNanos();
        for (int attempt = 1; ; attempt++) {
            TokenRequest request;
            try {
                request = requests.get();
            } catch (KsmTokenException unusable) {
                throw failed(unusable);
            }
            Instant sentAt = settings.clock().instant();
            statistics.httpAttempts.increment();
            try {
                Duration left = left(deadline);
                TokenResponse response = client.send(request, left.compareTo(settings.tokenEndpointTimeout()) < 0
                        ? left : settings.tokenEndpointTimeout());
                Duration expiresIn = response.expiresInIfSent().orElse(settings.defaultExpiresIn());
                statistics.tokensFetched.increment();
                statistics.lastTokenAt = settings.clock().instant();
                if (expiresIn.isZero()) {
                    singleUse(credential);
                }
                return new AccessToken(response.accessToken(), sentAt, sentAt.plus(expiresIn),
                        response.scope() != null ? response.scope() : requestedScope);
            } catch (KsmTokenException e) {
                Duration wait = nextWait(e, attempt, maxAttempts, policy);
                if (wait.compareTo(left(deadline)) >= 0) {
                    throw failed(e.afterAttempts(attempt, deadlineNote(deadline)));
                }
                LOG.warn("Token request for credential '{}' failed (attempt {} of {}), retrying in {} ms: {}",
                        credential, attempt, maxAttempts, wait.toMillis(), e.getMessage());
                sleep(credential, wait, e);
            } finally {
                request.destroy();
            }
        }
    }

    private void singleUse(CredentialName credential) {
        statistics.singleUseTokens.increment();
        if (warnedSingleUse.size() >= MAX_WARNED) {
            warnedSingleUse.clear();
        }
        if (warnedSingleUse.add(credential)) {
            LOG.warn("The authorization server issued a token for credential '{}' with expires_in 0: such a token is"
                     + " used for one exchange only and never cached, so every exchange requests a new one (warned"
                     + " once per credential; see the singleUseTokens statistic)", credential);
        }
    }

    /** What is left of the deadline, at least one millisecond (an attempt needs some time to fail cleanly). */
    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
    }

    private String deadlineNote(long deadline) {
        String limits = "token fetch deadline " + settings.tokenFetchDeadline() + " (token endpoint timeout "
                        + settings.tokenEndpointTimeout() + " per attempt)";
        return deadline - System.nanoTime() <= 0 ? "gave up: the " + limits + " is reached"
                : "gave up: no time left for another attempt within the " + limits;
    }

    /** The wait before the next attempt; throws (counting the failure) when there is none. */
    private Duration nextWait(KsmTokenException e, int attempt, int maxAttempts, RetryPolicy policy) {
        if (!e.isRetryable()) {
            throw failed(e.afterAttempts(attempt, null));
        }
        if (attempt >= maxAttempts) {
            throw failed(e.afterAttempts(attempt, maxAttempts == 1 ? "retries are off" : "retries exhausted"));
        }
        Duration wait = policy.backoff(attempt);
        if (e.getRetryAfter().isPresent()) {
            Duration asked = e.getRetryAfter().get();
            if (asked.compareTo(policy.maxRetryAfter()) > 0) {
                throw failed(e.afterAttempts(attempt, "the server asked to retry after " + asked.toSeconds()
                                                      + " s, longer than the " + policy.maxRetryAfter().toSeconds()
                                                      + " s allowed"));
            }
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        return wait;
    }

    private KsmTokenException failed(KsmTokenException e) {
        statistics.failures.increment();
        statistics.lastFailureAt = settings.clock().instant();
        return e;
    }

    private void sleep(CredentialName credential, Duration wait, KsmTokenException last) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            statistics.failures.increment();
            statistics.lastFailureAt = settings.clock().instant();
            throw new KsmTokenException(credential, KsmTokenException.Reason.INTERRUPTED, last.getHttpStatus(),
                    last.getErrorCode().orElse(null), null, last.getAttempts(),
                    "Interrupted while waiting to retry the token request for credential '" + credential + "'",
                    last);
        }
    }
}
