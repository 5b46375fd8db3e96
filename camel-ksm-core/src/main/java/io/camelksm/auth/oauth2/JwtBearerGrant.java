package io.camelksm.auth.oauth2;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;

import io.camelksm.auth.oauth2.TokenRequest.FormParameter;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;

/**
 * The JWT bearer grant (RFC 7523 §2.1): an assertion signed with the credential's private key, issued by its {@code
 * issuer} for its {@code subject} (the issuer itself by default), for the audience (the token URL by default). Client
 * authentication beside the assertion is optional (§3.1): {@code none} unless the credential has a client secret.
 */
final class JwtBearerGrant implements OAuth2Grant {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    @Override
    public CredentialType credentialType() {
        return CredentialType.OAUTH2_JWT_BEARER;
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    /** client_secret_basic with a client secret, none without: the private key signs the grant's assertion. */
    @Override
    public ClientAuthenticationMethod defaultClientAuthentication(boolean hasClientSecret, boolean hasPrivateKey) {
        return hasClientSecret ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : ClientAuthenticationMethod.NONE;
    }

    /** The credential's algorithm is the grant assertion's; private_key_jwt beside it signs with the same key. */
    @Override
    public GrantFields read(Credential credential, ClientAuthentication client, Duration defaultAssertionLifetime) {
        String issuer = OAuth2Registration.required(credential, CredentialField.ISSUER);
        String algorithmName = credential.field(CredentialField.ALGORITHM).orElse(null);
        JWSAlgorithm algorithm = JwtAssertionSigner.algorithm(algorithmName);
        if (credential.secret(CredentialField.PRIVATE_KEY).filter(s -> !s.isEmpty()).isEmpty()) {
            throw new IllegalArgumentException("the field '" + CredentialField.PRIVATE_KEY.fieldName() + "' is missing");
        }
        JWSAlgorithm clientAlgorithm = client.algorithmBesideGrant(algorithmName);
        String subject = OAuth2Registration.first(credential.field(CredentialField.SUBJECT).orElse(null), issuer);
        return new GrantFields(clientAlgorithm, issuer, subject, algorithm,
                lifetime(credential.field(CredentialField.ASSERTION_LIFETIME).orElse(null), defaultAssertionLifetime));
    }

    @Override
    public String subject(OAuth2Registration registration, TokenRequestOptions options) {
        return OAuth2Registration.first(options.subject(), registration.grantFields().subject());
    }

    /** The signed assertion (with the scope as a claim too), then the scope. */
    @Override
    public void addParameters(OAuth2Registration registration, GrantParameters parameters, Instant now,
                              List<FormParameter> form) {
        GrantFields fields = registration.grantFields();
        JWTClaimsSet.Builder claims = JwtAssertionSigner.claims(fields.issuer(), parameters.subject(),
                OAuth2Registration.first(parameters.audience(), parameters.tokenUrl().toString()), now,
                fields.assertionLifetime());
        if (parameters.scope() != null) {
            claims.claim("scope", parameters.scope());
        }
        form.add(new FormParameter("assertion", JwtAssertionSigner.sign(fields.assertionAlgorithm(),
                registration.privateKey(), registration.keyId(), claims.build()), true));
        if (parameters.scope() != null) {
            form.add(FormParameter.plain("scope", parameters.scope()));
        }
    }

    private static Duration lifetime(String text, Duration defaultLifetime) {
        if (text == null || text.isBlank()) {
            return defaultLifetime;
        }
        Duration lifetime;
        try {
            lifetime = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("assertionLifetime '" + text.strip()
                                               + "' is not an ISO-8601 duration such as PT5M");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("assertionLifetime " + lifetime + " must be positive and at most"
                                               + " one day");
        }
        return lifetime;
    }

    @Override
    public String toString() {
        return GRANT_TYPE;
    }
}
