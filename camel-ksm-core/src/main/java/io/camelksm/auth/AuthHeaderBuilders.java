package io.camelksm.auth;

import io.camelksm.KsmException;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.auth.oauth2.TokenRequestOptions;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialType;

/** Finds the header builder for a credential type, or explains why the type has none. */
public final class AuthHeaderBuilders {

    private static final AuthHeaderBuilder BASIC = new BasicAuthHeader();
    private static final AuthHeaderBuilder BEARER = new BearerAuthHeader();

    private AuthHeaderBuilders() {
    }

    /**
     * The builder for the credential's type.
     *
     * @throws KsmException naming the credential, for types that do not (yet) produce an authentication header
     */
    public static AuthHeaderBuilder forCredential(Credential credential) {
        try {
            return forType(credential.type());
        } catch (KsmException e) {
            throw new KsmException("Credential '" + credential.name() + "': " + e.getMessage());
        }
    }

    /**
     * The builder for the credential's type, OAuth 2.0 types included: their tokens come from the provider, requested
     * with the options.
     *
     * @param provider where OAuth 2.0 access tokens come from; may be null when no OAuth 2.0 credential is expected
     * @param options  scope, audience, resource and subject overrides; they apply to OAuth 2.0 credentials only
     * @throws KsmException naming the credential, for types without an authentication header, for OAuth 2.0
     *                      credentials without a provider, and for token request options on other types
     */
    public static AuthHeaderBuilder forCredential(Credential credential, OAuth2TokenProvider provider,
                                                  TokenRequestOptions options) {
        TokenRequestOptions overrides = options == null ? TokenRequestOptions.none() : options;
        if (isOAuth2(credential.type())) {
            if (provider == null) {
                throw new KsmException("Credential '" + credential.name() + "' is of type " + credential.type()
                        + ", but no OAuth2TokenProvider is available to obtain its access token");
            }
            return new OAuth2AuthHeader(provider, overrides);
        }
        if (!overrides.equals(TokenRequestOptions.none())) {
            throw new KsmException("Credential '" + credential.name() + "' is of type " + credential.type()
                    + ": the options scope, audience, resource and subject apply to OAUTH2_CLIENT_CREDENTIALS and"
                    + " OAUTH2_JWT_BEARER credentials only");
        }
        return forCredential(credential);
    }

    /** Whether credentials of the type are exchanged for OAuth 2.0 access tokens. */
    public static boolean isOAuth2(CredentialType type) {
        return type == CredentialType.OAUTH2_CLIENT_CREDENTIALS || type == CredentialType.OAUTH2_JWT_BEARER;
    }

    /**
     * The builder for the type, when it needs nothing but the credential.
     *
     * @throws KsmException for types that produce no authentication header, and for OAuth 2.0 types, which need a token
     *                      provider ({@link #forCredential(Credential, OAuth2TokenProvider, TokenRequestOptions)})
     */
    public static AuthHeaderBuilder forType(CredentialType type) {
        return switch (type) {
            case BASIC -> BASIC;
            case BEARER -> BEARER;
            case OAUTH2_CLIENT_CREDENTIALS, OAUTH2_JWT_BEARER ->
                throw new KsmException(type + " credentials are exchanged for access tokens: their header needs an"
                        + " OAuth2TokenProvider");
            case GENERAL, DATA_GATEWAY -> throw new KsmException(type
                    + " credentials have no authentication header: use operation=get to hand their fields to the route");
        };
    }
}
