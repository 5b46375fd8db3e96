package io.camelksm.auth;

import java.util.Objects;

import io.camelksm.auth.oauth2.AccessToken;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.auth.oauth2.TokenRequestOptions;
import io.camelksm.credential.Credential;

/**
 * {@code Bearer <access token>} (RFC 6750) for OAuth 2.0 credentials ({@code OAUTH2_CLIENT_CREDENTIALS}, {@code
 * OAUTH2_JWT_BEARER}): the token comes from an {@link OAuth2TokenProvider}, cached or fetched from the credential's
 * token endpoint. Hand it only credentials that access control has released: it sends their secrets.
 */
public final class OAuth2AuthHeader implements AuthHeaderBuilder {

    private final OAuth2TokenProvider provider;
    private final TokenRequestOptions options;

    /**
     * @param provider where tokens come from
     * @param options  the endpoint's scope, audience, resource and subject overrides
     */
    public OAuth2AuthHeader(OAuth2TokenProvider provider, TokenRequestOptions options) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.options = options == null ? TokenRequestOptions.none() : options;
    }

    @Override
    public String scheme() {
        return AccessToken.BEARER;
    }

    /**
     * @throws io.camelksm.auth.oauth2.KsmTokenException when no token could be obtained
     */
    @Override
    public String credentials(Credential credential) {
        return provider.token(credential, options).value().reveal();
    }

    @Override
    public AuthHeader header(Credential credential, boolean includeScheme) {
        AccessToken token = provider.token(credential, options);
        return new AuthHeader(includeScheme ? token.authorizationHeaderValue() : token.value().reveal(), token);
    }
}
