package io.camelksm.auth.oauth2;

/**
 * The defaults of {@link OAuth2Settings} and {@link RetryPolicy#defaults()}, written once as compile-time constants so
 * that the component's option annotations ({@code defaultValue = "" + ...}) and field initializers read the same
 * numbers. Times are in milliseconds.
 */
public final class OAuth2Defaults {

    public static final long CONNECT_TIMEOUT_MS = 10_000;
    public static final long READ_TIMEOUT_MS = 15_000;
    public static final long WRITE_TIMEOUT_MS = 15_000;
    public static final long CALL_TIMEOUT_MS = 30_000;
    public static final long TOKEN_ENDPOINT_TIMEOUT_MS = 15_000;
    public static final long TOKEN_FETCH_DEADLINE_MS = 20_000;
    public static final long CLOCK_SKEW_MS = 60_000;
    public static final long REFRESH_AHEAD_MS = 30_000;
    public static final long DEFAULT_EXPIRES_IN_MS = 300_000;
    public static final long ASSERTION_LIFETIME_MS = 300_000;
    public static final int MAX_RETRIES = 3;
    public static final long INITIAL_BACKOFF_MS = 200;
    public static final long MAX_BACKOFF_MS = 5_000;
    public static final double BACKOFF_JITTER = 0.5;
    public static final long MAX_RETRY_AFTER_MS = 30_000;
    public static final int MAX_RESPONSE_BYTES = 256 * 1024;
    public static final boolean ALLOW_PLAIN_HTTP = false;

    private OAuth2Defaults() {
    }
}
