package io.camelksm.auth.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the OAuth 2.0 token client and its cache. Immutable; build with {@link #builder()}, every setting has a
 * default.
 *
 * <p>The shared HTTP client uses {@link #connectTimeout()}, {@link #readTimeout()}, {@link #writeTimeout()} and
 * {@link #callTimeout()}; requests to authorization servers use their own, usually shorter, overall
 * {@link #tokenEndpointTimeout()} per attempt, and all attempts of one token fetch (retries and their back-off
 * included) end by the {@link #tokenFetchDeadline()}.
 */
public final class OAuth2Settings {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final Duration tokenEndpointTimeout;
    private final Duration tokenFetchDeadline;
    private final Duration clockSkew;
    private final Duration refreshAhead;
    private final Duration defaultExpiresIn;
    private final Duration assertionLifetime;
    private final RetryPolicy retryPolicy;
    private final int maxResponseBytes;
    private final boolean allowPlainHttp;
    private final Clock clock;

    private OAuth2Settings(Builder b) {
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.readTimeout = positive(b.readTimeout, "readTimeout");
        this.writeTimeout = positive(b.writeTimeout, "writeTimeout");
        this.callTimeout = positive(b.callTimeout, "callTimeout");
        this.tokenEndpointTimeout = positive(b.tokenEndpointTimeout, "tokenEndpointTimeout");
        this.tokenFetchDeadline = positive(b.tokenFetchDeadline, "tokenFetchDeadline");
        this.clockSkew = notNegative(b.clockSkew, "clockSkew");
        this.refreshAhead = notNegative(b.refreshAhead, "refreshAhead");
        this.defaultExpiresIn = positive(b.defaultExpiresIn, "defaultExpiresIn");
        this.assertionLifetime = positive(b.assertionLifetime, "assertionLifetime");
        this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
        if (b.maxResponseBytes < 256) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 256, was " + b.maxResponseBytes);
        }
        this.maxResponseBytes = b.maxResponseBytes;
        this.allowPlainHttp = b.allowPlainHttp;
        this.clock = Objects.requireNonNull(b.clock, "clock");
    }

    public static OAuth2Settings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().connectTimeout(connectTimeout).readTimeout(readTimeout).writeTimeout(writeTimeout)
                .callTimeout(callTimeout).tokenEndpointTimeout(tokenEndpointTimeout)
                .tokenFetchDeadline(tokenFetchDeadline).clockSkew(clockSkew)
                .refreshAhead(refreshAhead).defaultExpiresIn(defaultExpiresIn).assertionLifetime(assertionLifetime)
                .retryPolicy(retryPolicy).maxResponseBytes(maxResponseBytes).allowPlainHttp(allowPlainHttp)
                .clock(clock);
    }

    /** Time to establish a TCP/TLS connection (default 10 s). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Longest silence while reading a response (default 15 s). */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Longest stall while writing a request (default 15 s). */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** Whole-call limit of the shared HTTP client (default 30 s). */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Whole-call limit of one attempt against an authorization server (default 15 s). */
    public Duration tokenEndpointTimeout() {
        return tokenEndpointTimeout;
    }

    /**
     * The limit of a whole token fetch: every attempt, every retry and every back-off wait (default 20 s). An attempt
     * gets at most what is left of it, and no retry starts that could not begin before it. One slow attempt (the
     * {@link #tokenEndpointTimeout()}, 15 s) and a few quick retries fit; a hung server holds an exchange for 20 s, not
     * for four attempts of 15 s plus back-off.
     */
    public Duration tokenFetchDeadline() {
        return tokenFetchDeadline;
    }

    /**
     * How long before its {@code expires_in} a token stops being handed out (default 60 s), so that it does not expire
     * on its way to the API. For short-lived tokens at most a quarter of their lifetime.
     */
    public Duration clockSkew() {
        return clockSkew;
    }

    /**
     * How long before a token stops being handed out the first caller already fetches its successor, while other
     * callers keep the still valid token (default 30 s; zero turns refresh-ahead off). At most a tenth of the token's
     * usable lifetime, so a short-lived token is not fetched again and again.
     */
    public Duration refreshAhead() {
        return refreshAhead;
    }

    /** Lifetime assumed when a token response has no {@code expires_in} (default 5 min). */
    public Duration defaultExpiresIn() {
        return defaultExpiresIn;
    }

    /**
     * Lifetime of signed JWT assertions when the credential sets none ({@code private_key_jwt} client assertions
     * always; JWT bearer grants without {@code assertionLifetime}); default 5 min.
     */
    public Duration assertionLifetime() {
        return assertionLifetime;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The most bytes of a token endpoint response that are read (default 256 KiB); more is an error. */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * Whether token URLs may use plain {@code http} on other hosts than loopback (default false: secrets are sent, so
     * only {@code https}, or {@code http} to localhost for tests).
     */
    public boolean allowPlainHttp() {
        return allowPlainHttp;
    }

    /** The clock for token expiry, assertion times and {@code Retry-After} dates. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "OAuth2Settings[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", writeTimeout="
               + writeTimeout + ", callTimeout=" + callTimeout + ", tokenEndpointTimeout=" + tokenEndpointTimeout
               + ", tokenFetchDeadline=" + tokenFetchDeadline + ", clockSkew=" + clockSkew + ", refreshAhead="
               + refreshAhead + ", defaultExpiresIn="
               + defaultExpiresIn + ", assertionLifetime=" + assertionLifetime + ", retryPolicy=" + retryPolicy
               + ", maxResponseBytes=" + maxResponseBytes + ", allowPlainHttp=" + allowPlainHttp + "]";
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    private static Duration notNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    /** Builds {@link OAuth2Settings}; see the getters for meanings and defaults. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofMillis(OAuth2Defaults.CONNECT_TIMEOUT_MS);
        private Duration readTimeout = Duration.ofMillis(OAuth2Defaults.READ_TIMEOUT_MS);
        private Duration writeTimeout = Duration.ofMillis(OAuth2Defaults.WRITE_TIMEOUT_MS);
        private Duration callTimeout = Duration.ofMillis(OAuth2Defaults.CALL_TIMEOUT_MS);
        private Duration tokenEndpointTimeout = Duration.ofMillis(OAuth2Defaults.TOKEN_ENDPOINT_TIMEOUT_MS);
        private Duration tokenFetchDeadline = Duration.ofMillis(OAuth2Defaults.TOKEN_FETCH_DEADLINE_MS);
        private Duration clockSkew = Duration.ofMillis(OAuth2Defaults.CLOCK_SKEW_MS);
        private Duration refreshAhead = Duration.ofMillis(OAuth2Defaults.REFRESH_AHEAD_MS);
        private Duration defaultExpiresIn = Duration.ofMillis(OAuth2Defaults.DEFAULT_EXPIRES_IN_MS);
        private Duration assertionLifetime = Duration.ofMillis(OAuth2Defaults.ASSERTION_LIFETIME_MS);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int maxResponseBytes = OAuth2Defaults.MAX_RESPONSE_BYTES;
        private boolean allowPlainHttp = OAuth2Defaults.ALLOW_PLAIN_HTTP;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        public Builder writeTimeout(Duration value) {
            this.writeTimeout = value;
            return this;
        }

        public Builder callTimeout(Duration value) {
            this.callTimeout = value;
            return this;
        }

        public Builder tokenEndpointTimeout(Duration value) {
            this.tokenEndpointTimeout = value;
            return this;
        }

        public Builder tokenFetchDeadline(Duration value) {
            this.tokenFetchDeadline = value;
            return this;
        }

        public Builder clockSkew(Duration value) {
            this.clockSkew = value;
            return this;
        }

        public Builder refreshAhead(Duration value) {
            this.refreshAhead = value;
            return this;
        }

        public Builder defaultExpiresIn(Duration value) {
            this.defaultExpiresIn = value;
            return this;
        }

        public Builder assertionLifetime(Duration value) {
            this.assertionLifetime = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = value;
            return this;
        }

        public Builder maxResponseBytes(int value) {
            this.maxResponseBytes = value;
            return this;
        }

        public Builder allowPlainHttp(boolean value) {
            this.allowPlainHttp = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public OAuth2Settings build() {
            return new OAuth2Settings(this);
        }
    }
}
