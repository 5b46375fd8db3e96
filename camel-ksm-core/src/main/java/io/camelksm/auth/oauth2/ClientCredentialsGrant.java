package io.camelksm.auth.oauth2;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.camelksm.auth.oauth2.TokenRequest.FormParameter;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;

/**
 * The client credentials grant (RFC 6749 §4.4): the client authenticates and asks for a token for itself, with the
 * {@code scope} and {@code audience} form parameters.
 */
final class ClientCredentialsGrant implements OAuth2Grant {

    static final String GRANT_TYPE = "client_credentials";

    @Override
    public CredentialType credentialType() {
        return CredentialType.OAUTH2_CLIENT_CREDENTIALS;
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    /** The RFC's client_secret_basic with a client secret, private_key_jwt with a private key alone. */
    @Override
    public ClientAuthenticationMethod defaultClientAuthentication(boolean hasClientSecret, boolean hasPrivateKey) {
        return !hasClientSecret && hasPrivateKey ? ClientAuthenticationMethod.PRIVATE_KEY_JWT
                : ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
    }

    @Override
    public void checkClientAuthentication(ClientAuthenticationMethod method) {
        if (method == ClientAuthenticationMethod.NONE) {
            throw new IllegalArgumentException("clientAuthenticationMethod none is for the JWT bearer grant: the client"
                                               + " credentials grant must authenticate the client (RFC 6749 §4.4)");
        }
    }

    /** The credential's algorithm is the client assertion's. */
    @Override
    public GrantFields read(Credential credential, ClientAuthentication client, Duration defaultAssertionLifetime) {
        return GrantFields.clientOnly(client.algorithm(credential.field(CredentialField.ALGORITHM).orElse(null)));
    }

    @Override
    public String subject(OAuth2Registration registration, TokenRequestOptions options) {
        if (options.subject() != null) {
            throw new IllegalArgumentException("a subject applies to the JWT bearer grant only, not to "
                                               + "OAUTH2_CLIENT_CREDENTIALS");
        }
        return null;
    }

    @Override
    public void addParameters(OAuth2Registration registration, GrantParameters parameters, Instant now,
                              List<FormParameter> form) {
        if (parameters.scope() != null) {
            form.add(FormParameter.plain("scope", parameters.scope()));
        }
        if (parameters.audience() != null) {
            form.add(FormParameter.plain("audience", parameters.audience()));
        }
    }

    @Override
    public String toString() {
        return GRANT_TYPE;
    }
}
