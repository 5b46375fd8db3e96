package io.camelksm.auth.oauth2;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialValidator;

/**
 * Write-time check of OAuth 2.0 credentials: parses the {@link OAuth2Registration} and builds one token request
 * exactly as the first exchange would (client authentication method, the secret or key it needs, algorithm, key type, size and curve,
 * assertion lifetime, {@code form.*} properties, the token URL's form), and refuses the credential with the message the
 * exchange would give. Nothing is sent; the signed assertion is wiped at once.
 * <p>
 * Transport policy is the exchange's: a plain-http token URL is accepted here (the component's {@code allowPlainHttp}
 * decides when the token is requested).
 */
public final class OAuth2CredentialValidator implements CredentialValidator {

    public static final OAuth2CredentialValidator INSTANCE = new OAuth2CredentialValidator();

    private final TokenRequestFactory requests = new TokenRequestFactory(
            OAuth2Settings.builder().allowPlainHttp(true).build());

    private OAuth2CredentialValidator() {
    }

    @Override
    public void validate(Credential credential) {
        if (!credential.type().isOAuth2()) {
            return;
        }
        try {
            OAuth2Registration registration = requests.register(credential);
            requests.create(registration, requests.parameters(registration, TokenRequestOptions.none())).destroy();
        } catch (KsmTokenException e) {
            // same words as at the first exchange, as a bad-input error
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "OAuth2CredentialValidator";
    }
}
