package io.camelksm.auth.oauth2;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;

/**
 * Access tokens for OAuth 2.0 credentials ({@code OAUTH2_CLIENT_CREDENTIALS}, {@code OAUTH2_JWT_BEARER}), fetched from
 * the credential's token endpoint, cached and refreshed so that a busy route sends as few token requests as
 * correctness allows. Thread-safe; one instance per application (it holds the HTTP client and the cache).
 *
 * <p>It does not check access rights or expiry of the credential: hand it a credential that {@code
 * GovernedCredentials} has already released.
 *
 * <h2>Credential fields</h2>
 * <ul>
 * <li>Client credentials: {@code clientId}, {@code tokenUrl}, and by {@code clientAuthenticationMethod}:
 * {@code client_secret_basic} (default when a {@code clientSecret} is set), {@code client_secret_post} ({@code
 * clientSecret}), {@code private_key_jwt} (default when only a {@code privateKey} is set; {@code algorithm} RS256,
 * PS256 or ES256, optional {@code keyId}), {@code client_secret_jwt} (HS256 under {@code clientSecret}). Optional
 * {@code scope} and {@code audience}.</li>
 * <li>JWT bearer: {@code issuer}, {@code tokenUrl}, {@code privateKey} (PKCS#8 PEM; for HS256 the shared secret of at
 * least 32 bytes), optional {@code subject} (default: the issuer), {@code audience} (default: the token URL), {@code
 * scope}, {@code keyId}, {@code algorithm} (RS256 default, PS256, ES256, HS256), {@code assertionLifetime} (ISO-8601,
 * default PT5M).</li>
 * <li>Extra form parameters: every additional property named {@value #FORM_PROPERTY_PREFIX}{@code <parameter>}, e.g.
 * {@code form.resource=https://graph.example}; secret properties are sent but masked. They may not set the grant's
 * own parameters ({@code grant_type}, {@code client_id}, {@code scope}, ...).</li>
 * </ul>
 */
public interface OAuth2TokenProvider extends AutoCloseable {

    /** Prefix of additional properties that are sent as extra form parameters. */
    String FORM_PROPERTY_PREFIX = "form.";

    /** A provider with its own HTTP client, closed with it. */
    static OAuth2TokenProvider create(OAuth2Settings settings) {
        return new CachingOAuth2TokenProvider(settings);
    }

    /**
     * A provider with its own HTTP client whose tokens are shared with the other nodes of a cluster (null: cached in
     * this process only). The shared tokens stay the caller's to close.
     */
    static OAuth2TokenProvider create(OAuth2Settings settings, SharedTokens shared) {
        return shared == null ? create(settings) : new CachingOAuth2TokenProvider(settings, shared);
    }

    /**
     * A valid access token for the credential and options: from the cache, shared with a concurrent request for the
     * same token, or fetched now.
     *
     * @throws KsmTokenException when the credential is unusable for a token request or the authorization server did
     *                           not issue a token
     */
    AccessToken token(Credential credential, TokenRequestOptions options);

    /** {@link #token(Credential, TokenRequestOptions)} with the credential's own scope, audience and resource. */
    default AccessToken token(Credential credential) {
        return token(credential, TokenRequestOptions.none());
    }

    /**
     * Drops every cached token of the credential: after it was updated, rotated or deleted. (A changed secret never
     * reuses an old token anyway; this also frees the memory at once.)
     */
    void evict(CredentialName credential);

    /**
     * Drops this token if it is still the cached one: for a downstream 401. A token already replaced by a newer one
     * stays replaced, so many exchanges rejected with the same token cause one new token request.
     *
     * @return whether the token was cached and is now dropped
     */
    boolean evict(AccessToken rejected);

    TokenProviderStatistics statistics();

    /** Closes the HTTP client it created and forgets all tokens. */
    @Override
    void close();
}
