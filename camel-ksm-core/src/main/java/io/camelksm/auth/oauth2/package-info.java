/**
 * OAuth 2.0 access tokens for camel-ksm credentials: the client credentials grant (RFC 6749 §4.4) with {@code
 * client_secret_basic}, {@code client_secret_post}, {@code private_key_jwt} and {@code client_secret_jwt}, and the JWT
 * bearer grant (RFC 7523 §2.1), over OkHttp 5 with Jackson, assertions signed by Nimbus JOSE+JWT.
 *
 * <p>The entry point is {@link io.camelksm.auth.oauth2.OAuth2TokenProvider}: {@code token(credential, options)}
 * returns a cached or freshly fetched {@link io.camelksm.auth.oauth2.AccessToken}, whose
 * {@code authorizationHeaderValue()} is the {@code Authorization} header. {@link
 * io.camelksm.auth.oauth2.OAuth2Settings} holds timeouts, clock skew, refresh-ahead window, default lifetime, retry
 * policy and the response size limit. Failures are {@link io.camelksm.auth.oauth2.KsmTokenException}s carrying the
 * server's HTTP status and {@code error} code, never a secret.
 *
 * <h2>Structure</h2> A credential is parsed once into an {@code OAuth2Registration} (token URL, client, key
 * material, defaults; after Spring Security's {@code ClientRegistration}); the write-time {@link
 * io.camelksm.auth.oauth2.OAuth2CredentialValidator} parses the same way. Each request is built by picking two
 * strategies: the {@code OAuth2Grant} of the credential type ({@code ClientCredentialsGrant}, {@code JwtBearerGrant},
 * registered in {@code OAuth2Grants}) adds the grant's parameters, the {@code ClientAuthentication} of the method
 * (one per {@link io.camelksm.auth.oauth2.ClientAuthenticationMethod}) the client's.
 *
 * <h2>Caching</h2> Tokens are cached per credential name, HMAC fingerprint of the credential's secrets and fields,
 * and grant parameters (grant type, token URL, scope as a set, audience, resource, subject): a narrow scope never gets
 * a broader token, and a rotated secret never reuses a token of the old one. A token is handed out until {@code
 * expires_in} minus the clock skew; the first caller in the refresh-ahead window before that fetches the successor while
 * the others keep the valid token. Concurrent callers without a valid token share one request; a failure is handed to
 * all of them and not cached.
 *
 * <h2>Several nodes</h2> With {@link io.camelksm.auth.oauth2.SharedTokens} (tokenSharing=cluster; implemented in
 * the database by {@code store.jdbc.JdbcSharedTokens}) the fingerprints are keyed by a key every node derives from the
 * database's key file, so all nodes compute the same token key (hex SHA-256 of the cache key). When a node has no fresh
 * token of its own, the leader of its local single flight asks the shared tokens: a fresh token another node stored is
 * taken; otherwise one node of the cluster at a time fetches and stores it, so the cluster makes one token request per
 * lifetime. A 401 eviction also drops the shared token if it is still the stored one.
 *
 * <h2>A 401 from the API</h2> When the downstream call answers 401, call {@code evict(rejectedToken)}: the token is
 * dropped only if it is still the cached one, so a burst of exchanges rejected with the same token costs one new token
 * request. With Camel, evict in an {@code onException(HttpOperationFailedException.class)} / {@code onWhen(status ==
 * 401)} block and let redelivery ({@code maximumRedeliveries(1)}) run the route from the {@code ksm:} step again, so the
 * retry gets a fresh token; redelivery that resumes at the failed HTTP step alone would resend the old header.
 * Credential updates and rotations call {@code evict(credentialName)}.
 *
 * <h2>Retries</h2> 5xx, 408, 429 and transport failures (reset, timeout, truncated body) are retried as {@link
 * io.camelksm.auth.oauth2.RetryPolicy} says, with exponential backoff and jitter, at least as long as a {@code
 * Retry-After} asks (up to its limit); each attempt signs a new assertion. Other 4xx answers fail at once.
 */
package io.camelksm.auth.oauth2;
