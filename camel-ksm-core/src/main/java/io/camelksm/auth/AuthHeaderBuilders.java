package io.camelksm.auth;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import io.camelksm.KsmException;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.auth.oauth2.TokenRequestOptions;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.CredentialType.Capability;

/**
 * Finds the header builder for a credential type by its {@link Capability}, or explains why the type has none. The
 * registry of builders for {@link Capability#AUTH_HEADER} types is the map {@code BUILDERS}: a new header type registers
 * its builder there and nowhere else.
 */
public final class AuthHeaderBuilders {

    /** The builder of each {@link Capability#AUTH_HEADER} type. */
    private static final Map<CredentialType, AuthHeaderBuilder> BUILDERS = register(Map.of(
            CredentialType.BASIC, new BasicAuthHeader(),
            CredentialType.BEARER, new BearerAuthHeader()));

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
        if (credential.type().isOAuth2()) {
            if (provider == null) {
                throw new KsmException("Credential '" + credential.name() + "' is of type " + credential.type()
                        + ", but no OAuth2TokenProvider is available to obtain its access token");
            }
            return new OAuth2AuthHeader(provider, overrides);
        }
        if (!overrides.equals(TokenRequestOptions.none())) {
            throw new KsmException("Credential '" + credential.name() + "' is of type " + credential.type()
                    + ": the options scope, audience, resource and subject apply to "
                    + CredentialType.namesWith(Capability.OAUTH2_GRANT, "and") + " credentials only");
        }
        return forCredential(credential);
    }

    /**
     * The builder for the type, when it needs nothing but the credential.
     *
     * @throws KsmException for types that produce no authentication header, and for OAuth 2.0 types, which need a token
     *                      provider ({@link #forCredential(Credential, OAuth2TokenProvider, TokenRequestOptions)})
     */
    public static AuthHeaderBuilder forType(CredentialType type) {
        return switch (type.capability()) {
            case AUTH_HEADER -> BUILDERS.get(type);
            case OAUTH2_GRANT -> throw new KsmException(type + " credentials are exchanged for access tokens: their"
                    + " header needs an OAuth2TokenProvider");
            case FIELDS -> throw new KsmException(type + " credentials have no authentication header: use"
                    + " operation=get to hand their fields to the route");
        };
    }

    /** Keys the builders by their type; every {@link Capability#AUTH_HEADER} type must have exactly one. */
    private static Map<CredentialType, AuthHeaderBuilder> register(Map<CredentialType, AuthHeaderBuilder> builders) {
        Map<CredentialType, AuthHeaderBuilder> byType = new EnumMap<>(builders);
        byType.keySet().stream().filter(type -> type.capability() != Capability.AUTH_HEADER).findFirst()
                .ifPresent(type -> {
                    throw new IllegalStateException(type + " has a header builder, but is no AUTH_HEADER type");
                });
        for (CredentialType type : CredentialType.values()) {
            if (type.capability() == Capability.AUTH_HEADER && !byType.containsKey(type)) {
                throw new IllegalStateException(type + " is an AUTH_HEADER type without a header builder");
            }
        }
        return Collections.unmodifiableMap(byType);
    }
}
