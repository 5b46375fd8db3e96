package io.camelksm.auth.oauth2;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a token request authenticates the client to the authorization server: the values of the credential field
 * {@code clientAuthenticationMethod}, named as in the OAuth 2.0 registry. The client credentials grant needs one of the
 * first four; the JWT bearer grant takes any of them beside its assertion (RFC 7523 §3.1), {@code none} by default.
 */
public enum ClientAuthenticationMethod {

    /** HTTP Basic with the form-urlencoded client id and secret (RFC 6749 §2.3.1); the default. */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** {@code client_id} and {@code client_secret} in the request body (RFC 6749 §2.3.1). */
    CLIENT_SECRET_POST("client_secret_post"),
    /** A JWT signed with the credential's private key (RFC 7523 §2.2, OpenID Connect Core §9). */
    PRIVATE_KEY_JWT("private_key_jwt"),
    /** A JWT signed with HS256 under the client secret (OpenID Connect Core §9). */
    CLIENT_SECRET_JWT("client_secret_jwt"),
    /**
     * No client authentication, the {@code client_id} sent when the credential has one (RFC 6749 §3.2.1); for the JWT
     * bearer grant only, whose assertion authenticates the request.
     */
    NONE("none");

    private final String registeredName;

    ClientAuthenticationMethod(String registeredName) {
        this.registeredName = registeredName;
    }

    /** The name in the OAuth 2.0 Token Endpoint Authentication Methods registry. */
    public String registeredName() {
        return registeredName;
    }

    /** Parses a registered name (or the enum name), any case. */
    public static Optional<ClientAuthenticationMethod> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(m -> m.registeredName.equals(wanted))
                .findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(ClientAuthenticationMethod::registeredName)
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return registeredName;
    }
}
