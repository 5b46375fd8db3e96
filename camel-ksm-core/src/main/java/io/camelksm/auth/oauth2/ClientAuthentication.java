package io.camelksm.auth.oauth2;

import static io.camelksm.auth.oauth2.TokenRequest.FormParameter.plain;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;

import io.camelksm.auth.oauth2.TokenRequest.FormParameter;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.Secret;

/**
 * How a token request authenticates the client: one strategy per {@link ClientAuthenticationMethod}, shared by the
 * client credentials grant (where authentication is required, RFC 6749 §4.4) and the JWT bearer grant (where it is
 * optional beside the assertion, RFC 7523 §3.1).
 */
abstract class ClientAuthentication {

    static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static final ClientAuthentication NONE = new None();
    private static final ClientAuthentication SECRET_BASIC = new SecretBasic();
    private static final ClientAuthentication SECRET_POST = new SecretPost();
    private static final ClientAuthentication PRIVATE_KEY_JWT = new SignedAssertion(
            ClientAuthenticationMethod.PRIVATE_KEY_JWT, CredentialField.PRIVATE_KEY);
    private static final ClientAuthentication SECRET_JWT = new SignedAssertion(
            ClientAuthenticationMethod.CLIENT_SECRET_JWT, CredentialField.CLIENT_SECRET);

    /** What a strategy adds to the request being built. */
    static final class Parts {
        final List<FormParameter> form;
        final List<Secret> otherSecrets;
        Secret authorization;

        Parts(List<FormParameter> form, List<Secret> otherSecrets) {
            this.form = form;
            this.otherSecrets = otherSecrets;
        }
    }

    /**
     * What a signed client assertion needs beyond the credential.
     *
     * @param algorithm the algorithm resolved by {@link #algorithm(String)}
     * @param lifetime  the assertion's lifetime
     */
    record Signing(URI tokenUrl, Instant now, JWSAlgorithm algorithm, Duration lifetime) {
    }

    static ClientAuthentication of(ClientAuthenticationMethod method) {
        return switch (method) {
            case NONE -> NONE;
            case CLIENT_SECRET_BASIC -> SECRET_BASIC;
            case CLIENT_SECRET_POST -> SECRET_POST;
            case PRIVATE_KEY_JWT -> PRIVATE_KEY_JWT;
            case CLIENT_SECRET_JWT -> SECRET_JWT;
        };
    }

    private final ClientAuthenticationMethod method;
    private final CredentialField keyField;

    /** @param keyField the secret field the method sends or signs with, or null when it needs none */
    ClientAuthentication(ClientAuthenticationMethod method, CredentialField keyField) {
        this.method = method;
        this.keyField = keyField;
    }

    final ClientAuthenticationMethod method() {
        return method;
    }

    /** The secret field the method sends or signs with, or null when it needs none. */
    final CredentialField keyField() {
        return keyField;
    }

    /** Whether the method needs the {@code clientId} field ({@code none} sends it only when there is one). */
    boolean needsClientId() {
        return true;
    }

    /**
     * The algorithm of the client assertion for the algorithm name given (null: the method's default), or null when
     * the method signs nothing.
     *
     * @throws IllegalArgumentException when the name does not fit the method
     */
    JWSAlgorithm algorithm(String name) {
        if (name != null) {
            throw new IllegalArgumentException("an algorithm is set, but " + method() + " signs nothing");
        }
        return null;
    }

    /**
     * For the JWT bearer grant, whose assertion the credential's algorithm names: the algorithm of the client
     * assertion, or null when the method signs nothing.
     */
    JWSAlgorithm algorithmBesideGrant(String grantAlgorithm) {
        return null;
    }

    /**
     * Checks the credential has what the method needs, naming the missing field.
     *
     * @param clientId     the stripped client id, or null
     * @param clientSecret the client secret, or null
     * @param privateKey   the private key, or null
     */
    final void check(String clientId, Secret clientSecret, Secret privateKey) {
        if (needsClientId() && clientId == null) {
            throw new IllegalArgumentException(method() + " needs the field '" + CredentialField.CLIENT_ID.fieldName()
                                               + "'");
        }
        Secret key = key(clientSecret, privateKey);
        if (keyField() != null && (key == null || key.isEmpty())) {
            throw new IllegalArgumentException(method() + " needs the field '" + keyField().fieldName() + "'");
        }
    }

    /** The secret the method sends or signs with, of the two a registration may have. */
    private Secret key(Secret clientSecret, Secret privateKey) {
        return keyField() == CredentialField.CLIENT_SECRET ? clientSecret
                : keyField() == CredentialField.PRIVATE_KEY ? privateKey : null;
    }

    final Secret key(OAuth2Registration registration) {
        return key(registration.clientSecret(), registration.privateKey());
    }

    /** Adds the client's authentication to the request. */
    abstract void apply(OAuth2Registration registration, Signing signing, Parts parts);

    /** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and Base64-encoded. */
    static Secret basic(String clientId, Secret clientSecret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                      + URLEncoder.encode(clientSecret.reveal(), StandardCharsets.UTF_8);
        return Secret.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** A public client, or a grant that authenticates by its assertion alone: at most the {@code client_id}. */
    private static final class None extends ClientAuthentication {
        None() {
            super(ClientAuthenticationMethod.NONE, null);
        }

        @Override
        boolean needsClientId() {
            return false;
        }

        @Override
        void apply(OAuth2Registration registration, Signing signing, Parts parts) {
            String clientId = registration.clientId();
            if (clientId != null) {
                parts.form.add(plain("client_id", clientId)); // RFC 6749 §3.2.1: a client may identify itself
            }
        }
    }

    private static final class SecretBasic extends ClientAuthentication {
        SecretBasic() {
            super(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, CredentialField.CLIENT_SECRET);
        }

        @Override
        void apply(OAuth2Registration registration, Signing signing, Parts parts) {
            Secret clientSecret = registration.clientSecret();
            parts.authorization = basic(registration.clientId(), clientSecret);
            parts.otherSecrets.add(Secret.of(clientSecret.reveal()));
        }
    }

    private static final class SecretPost extends ClientAuthentication {
        SecretPost() {
            super(ClientAuthenticationMethod.CLIENT_SECRET_POST, CredentialField.CLIENT_SECRET);
        }

        @Override
        void apply(OAuth2Registration registration, Signing signing, Parts parts) {
            parts.form.add(plain("client_id", registration.clientId()));
            parts.form.add(new FormParameter("client_secret", Secret.of(registration.clientSecret().reveal()), true));
        }
    }

    /** {@code private_key_jwt} (RFC 7523 §2.2) and {@code client_secret_jwt} (OpenID Connect Core §9). */
    private static final class SignedAssertion extends ClientAuthentication {
        SignedAssertion(ClientAuthenticationMethod method, CredentialField key) {
            super(method, key);
        }

        @Override
        JWSAlgorithm algorithm(String name) {
            if (method() == ClientAuthenticationMethod.CLIENT_SECRET_JWT) {
                JWSAlgorithm algorithm = JwtAssertionSigner.algorithm(name == null ? "HS256" : name);
                if (!JWSAlgorithm.HS256.equals(algorithm)) {
                    throw new IllegalArgumentException("client_secret_jwt signs with HS256, not " + algorithm);
                }
                return algorithm;
            }
            JWSAlgorithm algorithm = JwtAssertionSigner.algorithm(name);
            if (JWSAlgorithm.HS256.equals(algorithm)) {
                throw new IllegalArgumentException("private_key_jwt signs with a private key; for HS256 under the"
                                                   + " client secret use client_secret_jwt");
            }
            return algorithm;
        }

        @Override
        JWSAlgorithm algorithmBesideGrant(String grantAlgorithm) {
            // private_key_jwt signs with the grant's own private key, so with its algorithm
            return algorithm(method() == ClientAuthenticationMethod.PRIVATE_KEY_JWT ? grantAlgorithm : null);
        }

        @Override
        void apply(OAuth2Registration registration, Signing signing, Parts parts) {
            String clientId = registration.clientId();
            // RFC 7523 §3: the client is issuer and subject; the token endpoint is the audience
            JWTClaimsSet claims = JwtAssertionSigner.claims(clientId, clientId, signing.tokenUrl().toString(),
                    signing.now(), signing.lifetime()).build();
            Secret secret = key(registration);
            parts.form.add(plain("client_id", clientId));
            parts.form.add(plain("client_assertion_type", CLIENT_ASSERTION_TYPE));
            parts.form.add(new FormParameter("client_assertion", JwtAssertionSigner.sign(signing.algorithm(), secret,
                    registration.keyId(), claims), true));
            if (method() == ClientAuthenticationMethod.CLIENT_SECRET_JWT) {
                parts.otherSecrets.add(Secret.of(secret.reveal()));
            }
        }
    }
}
