package io.camelksm.auth.oauth2;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.camelksm.auth.oauth2.TokenRequest.FormParameter;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialType;

/**
 * One OAuth 2.0 grant: what it reads from a credential of its {@link #credentialType()} beyond the client's
 * authentication (when the {@link OAuth2Registration} is parsed), and the grant's own form parameters of each token
 * request. The client's authentication is the {@link ClientAuthentication} strategy's, whatever the grant. A new grant
 * implements this and registers in {@link OAuth2Grants}.
 */
interface OAuth2Grant {

    /** The credential type whose credentials use this grant. */
    CredentialType credentialType();

    /** The {@code grant_type} form parameter. */
    String grantType();

    /**
     * The client authentication method for a credential that names none.
     *
     * @param hasClientSecret whether the credential has a {@code clientSecret}
     * @param hasPrivateKey   whether it has a {@code privateKey}
     */
    ClientAuthenticationMethod defaultClientAuthentication(boolean hasClientSecret, boolean hasPrivateKey);

    /**
     * Refuses a method the credential names that the grant cannot use.
     *
     * @throws IllegalArgumentException saying why
     */
    default void checkClientAuthentication(ClientAuthenticationMethod method) {
    }

    /**
     * Reads and checks what the grant needs beyond the client's authentication, once per credential.
     *
     * @param client                   the client's authentication, already checked
     * @param defaultAssertionLifetime the lifetime of assertions when the credential sets none
     * @throws IllegalArgumentException naming the field at fault, never its value
     */
    GrantFields read(Credential credential, ClientAuthentication client, Duration defaultAssertionLifetime);

    /**
     * The {@code sub} the request asks for: the endpoint's override, else the registration's.
     *
     * @throws IllegalArgumentException when the grant has no subject, but the endpoint sets one
     */
    String subject(OAuth2Registration registration, TokenRequestOptions options);

    /**
     * Adds the grant's own form parameters (after {@code grant_type}; before {@code resource}, the credential's
     * {@code form.*} parameters and the client's authentication), signing what must be signed now.
     *
     * @throws IllegalArgumentException when a key does not fit
     */
    void addParameters(OAuth2Registration registration, GrantParameters parameters, Instant now,
                       List<FormParameter> form);
}
