package io.camelksm.auth.oauth2;

import java.time.Duration;
import java.util.Optional;

import io.camelksm.KsmException;
import io.camelksm.credential.CredentialName;

/**
 * A token could not be obtained for a credential. Carries what the authorization server said (HTTP status and its
 * {@code error} code) and why camel-ksm gave up; never the client secret, the private key or the signed assertion.
 */
public class KsmTokenException extends KsmException {

    /** Why the token request failed; {@link #isRetryable()} tells which of them a later try may cure. */
    public enum Reason {
        /** The server refused the request (a 4xx answer such as {@code invalid_client} or {@code invalid_scope}). */
        REJECTED(false),
        /** The server failed or was unavailable (5xx, 408). */
        SERVER_ERROR(true),
        /** The server asked to slow down (429). */
        RATE_LIMITED(true),
        /** The connection failed, was reset, timed out or the body ended early. */
        TRANSPORT(true),
        /** The server answered, but not with a usable token response (not JSON, oversized, fields missing). */
        INVALID_RESPONSE(false),
        /** The credential or the request options are unusable for a token request (nothing was sent). */
        CONFIGURATION(false),
        /** The waiting thread was interrupted. */
        INTERRUPTED(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean isRetryable() {
            return retryable;
        }
    }

    /** {@link #getHttpStatus()} when no HTTP answer was received. */
    public static final int NO_STATUS = -1;

    private final transient CredentialName credentialName;
    private final Reason reason;
    private final int httpStatus;
    private final String errorCode;
    private final transient Duration retryAfter;
    private final int attempts;

    KsmTokenException(CredentialName credentialName, Reason reason, int httpStatus, String errorCode,
                      Duration retryAfter, int attempts, String message, Throwable cause) {
        super(message, cause);
        this.credentialName = credentialName;
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    /** A failure before anything was sent: the credential or the options are wrong. */
    static KsmTokenException configuration(CredentialName credentialName, String problem) {
        return new KsmTokenException(credentialName, Reason.CONFIGURATION, NO_STATUS, null, null, 0,
                "Cannot request a token for credential '" + credentialName + "': " + problem, null);
    }

    /** The same failure, noting how many attempts were made. */
    KsmTokenException afterAttempts(int attemptCount, String note) {
        String message = getMessage() + " (" + attemptCount + (attemptCount == 1 ? " attempt" : " attempts")
                         + (note == null ? "" : "; " + note) + ")";
        return new KsmTokenException(credentialName, reason, httpStatus, errorCode, retryAfter, attemptCount, message,
                this);
    }

    /** The same failure for another caller that waited on the request that failed. */
    KsmTokenException sharedWith() {
        return new KsmTokenException(credentialName, reason, httpStatus, errorCode, retryAfter, attempts, getMessage(),
                this);
    }

    /** The credential whose token was requested. */
    public CredentialName getCredentialName() {
        return credentialName;
    }

    public Reason getReason() {
        return reason;
    }

    /** Whether a later request may succeed (server errors, rate limiting, transport failures). */
    public boolean isRetryable() {
        return reason.isRetryable();
    }

    /** The HTTP status of the token endpoint's answer, or {@link #NO_STATUS}. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The {@code error} code of an RFC 6749 §5.2 error response, such as {@code invalid_client}. */
    public Optional<String> getErrorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** How long the server asked to wait ({@code Retry-After}), if it did. */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** How many HTTP attempts were made (0 when nothing was sent). */
    public int getAttempts() {
        return attempts;
    }
}
