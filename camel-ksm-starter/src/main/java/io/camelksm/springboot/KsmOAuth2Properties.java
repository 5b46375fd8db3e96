package io.camelksm.springboot;

import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.component.KsmOAuth2Configuration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OAuth 2.0 token provider the component builds when the application gives none (timeouts, retries, token
 * lifetimes), as the component keeps it in {@link KsmOAuth2Configuration}; and the token provider of the
 * application. One of the classes that bind the flat {@code camel.component.ksm} prefix, one per option group of the
 * component (see {@link KsmComponentConfiguration}).
 */
@ConfigurationProperties(prefix = "camel.component.ksm")
public class KsmOAuth2Properties {

    /**
     * The options of the OAuth 2.0 token provider the component creates when none
     * is given. The option is a io.camelksm.component.KsmOAuth2Configuration type.
     */
    private KsmOAuth2Configuration oauth2Configuration;
    /**
     * The lifetime of signed JWT assertions (private_key_jwt client assertions;
     * JWT bearer grants whose credential sets no assertionLifetime). The option is
     * a long type.
     */
    private Long assertionLifetime = 300000L;
    /**
     * The share of each backoff that is random, from 0 (none) to 1, so that many
     * clients do not retry in step.
     */
    private Double backoffJitter = 0.5;
    /**
     * OAuth 2.0 HTTP client: the limit of a whole call of the shared HTTP client.
     * The option is a long type.
     */
    private Long callTimeout = 30000L;
    /**
     * How long before its expires_in an access token stops being handed out, so
     * that it does not expire on its way to the API (at most a quarter of a short
     * token's lifetime). The option is a long type.
     */
    private Long clockSkew = 60000L;
    /**
     * OAuth 2.0 HTTP client: the longest time to establish a TCP/TLS connection to
     * an authorization server. The option is a long type.
     */
    private Long connectTimeout = 10000L;
    /**
     * The lifetime assumed for an access token whose token response has no
     * expires_in. The option is a long type.
     */
    private Long defaultExpiresIn = 300000L;
    /**
     * The wait before the first retry of a token request; it doubles with each
     * further retry, up to maxBackoff. The option is a long type.
     */
    private Long initialBackoff = 200L;
    /**
     * The longest wait between two retries of a token request (unless a
     * Retry-After asks for longer). The option is a long type.
     */
    private Long maxBackoff = 5000L;
    /**
     * The most bytes of a token endpoint response that are read (at least 256); a
     * longer response is an error.
     */
    private Integer maxResponseBytes = 262144;
    /**
     * How many times a token request is retried after a server error (5xx, 408),
     * rate limiting (429) or a transport failure (0 to 20; 0 = no retry).
     * Rejections (400, 401, 403) are never retried.
     */
    private Integer maxRetries = 3;
    /**
     * The longest Retry-After of a 429 or 503 answer that is honoured; a server
     * asking for longer fails the request at once rather than hold the exchange.
     * The option is a long type.
     */
    private Long maxRetryAfter = 30000L;
    /**
     * OAuth 2.0 HTTP client: the longest silence while reading a response. The
     * option is a long type.
     */
    private Long readTimeout = 15000L;
    /**
     * How long before a token stops being handed out the first exchange already
     * fetches its successor, while the other exchanges keep using the still valid
     * token. Zero turns refresh-ahead off. At most a tenth of the token's usable
     * lifetime. The option is a long type.
     */
    private Long refreshAhead = 30000L;
    /**
     * The limit of one whole attempt against an authorization server's token
     * endpoint (connect, send, read), usually shorter than the API's timeouts.
     * Retries come on top, as maxRetries says, within the tokenFetchDeadline. The
     * option is a long type.
     */
    private Long tokenEndpointTimeout = 15000L;
    /**
     * The limit of a whole token fetch: all attempts, retries and back-off waits
     * together. An attempt gets at most what is left of it, and no retry starts
     * that could not begin before it, so a hung authorization server holds an
     * exchange for this long at most (with the defaults: one 15 s attempt and
     * quick retries fit, instead of four attempts of 15 s plus back-off). Keep it
     * below the timeouts of whoever waits for the exchange. The option is a long
     * type.
     */
    private Long tokenFetchDeadline = 20000L;
    /**
     * OAuth 2.0 HTTP client: the longest stall while writing a request. The option
     * is a long type.
     */
    private Long writeTimeout = 15000L;
    /**
     * The OAuth 2.0 token provider (HTTP client and token cache) to use instead of
     * creating one from the OAuth 2.0 options; it stays its owner's to close.
     * Default: one created when the component starts, closed when it stops. The
     * option is a io.camelksm.auth.oauth2.OAuth2TokenProvider type.
     */
    private OAuth2TokenProvider oauth2TokenProvider;
    /**
     * Whether token URLs may use plain http on hosts other than loopback. Off by
     * default: token requests carry client secrets and signed assertions, so only
     * https is accepted, and http to loopback for tests and development:
     * localhost, an IP literal in 127.0.0.0/8 or ::1 (a DNS name such as
     * 127.example.com is not loopback). Turn it on only for a trusted network in
     * development.
     */
    private Boolean allowPlainHttp = false;

    public KsmOAuth2Configuration getOauth2Configuration() {
        return oauth2Configuration;
    }

    public void setOauth2Configuration(KsmOAuth2Configuration oauth2Configuration) {
        this.oauth2Configuration = oauth2Configuration;
    }

    public Long getAssertionLifetime() {
        return assertionLifetime;
    }

    public void setAssertionLifetime(Long assertionLifetime) {
        this.assertionLifetime = assertionLifetime;
    }

    public Double getBackoffJitter() {
        return backoffJitter;
    }

    public void setBackoffJitter(Double backoffJitter) {
        this.backoffJitter = backoffJitter;
    }

    public Long getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public Long getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Long clockSkew) {
        this.clockSkew = clockSkew;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Long getDefaultExpiresIn() {
        return defaultExpiresIn;
    }

    public void setDefaultExpiresIn(Long defaultExpiresIn) {
        this.defaultExpiresIn = defaultExpiresIn;
    }

    public Long getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Long initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Long getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Long maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Integer getMaxResponseBytes() {
        return maxResponseBytes;
    }

    public void setMaxResponseBytes(Integer maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Long getRefreshAhead() {
        return refreshAhead;
    }

    public void setRefreshAhead(Long refreshAhead) {
        this.refreshAhead = refreshAhead;
    }

    public Long getTokenEndpointTimeout() {
        return tokenEndpointTimeout;
    }

    public void setTokenEndpointTimeout(Long tokenEndpointTimeout) {
        this.tokenEndpointTimeout = tokenEndpointTimeout;
    }

    public Long getTokenFetchDeadline() {
        return tokenFetchDeadline;
    }

    public void setTokenFetchDeadline(Long tokenFetchDeadline) {
        this.tokenFetchDeadline = tokenFetchDeadline;
    }

    public Long getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(Long writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public OAuth2TokenProvider getOauth2TokenProvider() {
        return oauth2TokenProvider;
    }

    public void setOauth2TokenProvider(OAuth2TokenProvider oauth2TokenProvider) {
        this.oauth2TokenProvider = oauth2TokenProvider;
    }

    public Boolean getAllowPlainHttp() {
        return allowPlainHttp;
    }

    public void setAllowPlainHttp(Boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }
}
