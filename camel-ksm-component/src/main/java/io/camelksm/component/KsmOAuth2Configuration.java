package io.camelksm.component;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.camelksm.auth.oauth2.OAuth2Defaults;
import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.auth.oauth2.RetryPolicy;

/**
 * The component options of the OAuth 2.0 token provider the component creates when none is given: the shared HTTP
 * client, retries and the token cache of all endpoints. Defaults come from {@link OAuth2Defaults}.
 */
@UriParams
public class KsmOAuth2Configuration {

    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.CONNECT_TIMEOUT_MS, javaType = "java.time.Duration")
    private long connectTimeout = OAuth2Defaults.CONNECT_TIMEOUT_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.READ_TIMEOUT_MS, javaType = "java.time.Duration")
    private long readTimeout = OAuth2Defaults.READ_TIMEOUT_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.WRITE_TIMEOUT_MS, javaType = "java.time.Duration")
    private long writeTimeout = OAuth2Defaults.WRITE_TIMEOUT_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.CALL_TIMEOUT_MS, javaType = "java.time.Duration")
    private long callTimeout = OAuth2Defaults.CALL_TIMEOUT_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.TOKEN_ENDPOINT_TIMEOUT_MS,
              javaType = "java.time.Duration")
    private long tokenEndpointTimeout = OAuth2Defaults.TOKEN_ENDPOINT_TIMEOUT_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.TOKEN_FETCH_DEADLINE_MS,
              javaType = "java.time.Duration")
    private long tokenFetchDeadline = OAuth2Defaults.TOKEN_FETCH_DEADLINE_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.CLOCK_SKEW_MS, javaType = "java.time.Duration")
    private long clockSkew = OAuth2Defaults.CLOCK_SKEW_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.REFRESH_AHEAD_MS, javaType = "java.time.Duration")
    private long refreshAhead = OAuth2Defaults.REFRESH_AHEAD_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.DEFAULT_EXPIRES_IN_MS,
              javaType = "java.time.Duration")
    private long defaultExpiresIn = OAuth2Defaults.DEFAULT_EXPIRES_IN_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.ASSERTION_LIFETIME_MS,
              javaType = "java.time.Duration")
    private long assertionLifetime = OAuth2Defaults.ASSERTION_LIFETIME_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.MAX_RETRIES)
    private int maxRetries = OAuth2Defaults.MAX_RETRIES;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.INITIAL_BACKOFF_MS, javaType = "java.time.Duration")
    private long initialBackoff = OAuth2Defaults.INITIAL_BACKOFF_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.MAX_BACKOFF_MS, javaType = "java.time.Duration")
    private long maxBackoff = OAuth2Defaults.MAX_BACKOFF_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.BACKOFF_JITTER)
    private double backoffJitter = OAuth2Defaults.BACKOFF_JITTER;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.MAX_RETRY_AFTER_MS, javaType = "java.time.Duration")
    private long maxRetryAfter = OAuth2Defaults.MAX_RETRY_AFTER_MS;
    @UriParam(label = "oauth2", defaultValue = "" + OAuth2Defaults.MAX_RESPONSE_BYTES)
    private int maxResponseBytes = OAuth2Defaults.MAX_RESPONSE_BYTES;
    @UriParam(label = "oauth2,security", defaultValue = "" + OAuth2Defaults.ALLOW_PLAIN_HTTP)
    private boolean allowPlainHttp = OAuth2Defaults.ALLOW_PLAIN_HTTP;

    /** The settings of the token provider, from these options; its clock decides token expiry. */
    public OAuth2Settings toSettings(Clock clock) {
        return OAuth2Settings.builder()
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .readTimeout(Duration.ofMillis(readTimeout))
                .writeTimeout(Duration.ofMillis(writeTimeout))
                .callTimeout(Duration.ofMillis(callTimeout))
                .tokenEndpointTimeout(Duration.ofMillis(tokenEndpointTimeout))
                .tokenFetchDeadline(Duration.ofMillis(tokenFetchDeadline))
                .clockSkew(Duration.ofMillis(clockSkew))
                .refreshAhead(Duration.ofMillis(refreshAhead))
                .defaultExpiresIn(Duration.ofMillis(defaultExpiresIn))
                .assertionLifetime(Duration.ofMillis(assertionLifetime))
                .retryPolicy(new RetryPolicy(maxRetries, Duration.ofMillis(initialBackoff),
                        Duration.ofMillis(maxBackoff), backoffJitter, Duration.ofMillis(maxRetryAfter)))
                .maxResponseBytes(maxResponseBytes)
                .allowPlainHttp(allowPlainHttp)
                .clock(clock != null ? clock : Clock.systemUTC())
                .build();
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * OAuth 2.0 HTTP client: the longest time to establish a TCP/TLS connection to an authorization server.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    /**
     * OAuth 2.0 HTTP client: the longest silence while reading a response.
     */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public long getWriteTimeout() {
        return writeTimeout;
    }

    /**
     * OAuth 2.0 HTTP client: the longest stall while writing a request.
     */
    public void setWriteTimeout(long writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    /**
     * OAuth 2.0 HTTP client: the limit of a whole call of the shared HTTP client.
     */
    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public long getTokenEndpointTimeout() {
        return tokenEndpointTimeout;
    }

    /**
     * The limit of one whole attempt against an authorization server's token endpoint (connect, send, read), usually
     * shorter than the API's timeouts. Retries come on top, as maxRetries says, within the tokenFetchDeadline.
     */
    public void setTokenEndpointTimeout(long tokenEndpointTimeout) {
        this.tokenEndpointTimeout = tokenEndpointTimeout;
    }

    public long getTokenFetchDeadline() {
        return tokenFetchDeadline;
    }

    /**
     * The limit of a whole token fetch: all attempts, retries and back-off waits together. An attempt gets at most what
     * is left of it, and no retry starts that could not begin before it, so a hung authorization server holds an
     * exchange for this long at most (with the defaults: one 15 s attempt and quick retries fit, instead of four
     * attempts of 15 s plus back-off). Keep it below the timeouts of whoever waits for the exchange.
     */
    public void setTokenFetchDeadline(long tokenFetchDeadline) {
        this.tokenFetchDeadline = tokenFetchDeadline;
    }

    public long getClockSkew() {
        return clockSkew;
    }

    /**
     * How long before its expires_in an access token stops being handed out, so that it does not expire on its way to
     * the API (at most a quarter of a short token's lifetime).
     */
    public void setClockSkew(long clockSkew) {
        this.clockSkew = clockSkew;
    }

    public long getRefreshAhead() {
        return refreshAhead;
    }

    /**
     * How long before a token stops being handed out the first exchange already fetches its successor, while the other
     * exchanges keep using the still valid token. Zero turns refresh-ahead off. At most a tenth of the token's usable
     * lifetime.
     */
    public void setRefreshAhead(long refreshAhead) {
        this.refreshAhead = refreshAhead;
    }

    public long getDefaultExpiresIn() {
        return defaultExpiresIn;
    }

    /**
     * The lifetime assumed for an access token whose token response has no expires_in.
     */
    public void setDefaultExpiresIn(long defaultExpiresIn) {
        this.defaultExpiresIn = defaultExpiresIn;
    }

    public long getAssertionLifetime() {
        return assertionLifetime;
    }

    /**
     * The lifetime of signed JWT assertions (private_key_jwt client assertions; JWT bearer grants whose credential sets
     * no assertionLifetime).
     */
    public void setAssertionLifetime(long assertionLifetime) {
        this.assertionLifetime = assertionLifetime;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times a token request is retried after a server error (5xx, 408), rate limiting (429) or a transport
     * failure (0 to 20; 0 = no retry). Rejections (400, 401, 403) are never retried.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getInitialBackoff() {
        return initialBackoff;
    }

    /**
     * The wait before the first retry of a token request; it doubles with each further retry, up to maxBackoff.
     */
    public void setInitialBackoff(long initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public long getMaxBackoff() {
        return maxBackoff;
    }

    /**
     * The longest wait between two retries of a token request (unless a Retry-After asks for longer).
     */
    public void setMaxBackoff(long maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public double getBackoffJitter() {
        return backoffJitter;
    }

    /**
     * The share of each backoff that is random, from 0 (none) to 1, so that many clients do not retry in step.
     */
    public void setBackoffJitter(double backoffJitter) {
        this.backoffJitter = backoffJitter;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The longest Retry-After of a 429 or 503 answer that is honoured; a server asking for longer fails the request
     * at once rather than hold the exchange.
     */
    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public int getMaxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * The most bytes of a token endpoint response that are read (at least 256); a longer response is an error.
     */
    public void setMaxResponseBytes(int maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public boolean isAllowPlainHttp() {
        return allowPlainHttp;
    }

    /**
     * Whether token URLs may use plain http on hosts other than loopback. Off by default: token requests carry client
     * secrets and signed assertions, so only https is accepted, and http to loopback for tests and development:
     * localhost, an IP literal in 127.0.0.0/8 or [::1] (a DNS name such as 127.example.com is not loopback). Turn it on only for a trusted network in development.
     */
    public void setAllowPlainHttp(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }
}
