package io.camelksm.auth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/** Client credentials with client authentication by a signed JWT (RFC 7523 2.2). */
class PrivateKeyJwtClientAuthenticationTest {

    @RegisterExtension
    static WireMockExtension server = TokenEndpoint.extension();

    @RegisterExtension
    final TokenProviderExtension tokens = new TokenProviderExtension(server, "tok", 3600);

    private static final Instant NOW = TokenProviderExtension.NOW;

    private OAuth2TokenProvider provider() {
        return tokens.provider();
    }

    private Credential.Builder credential() {
        return Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client-42")
                .field(CredentialField.TOKEN_URL, TokenEndpoint.url(server))
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "private_key_jwt")
                .secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.RSA));
    }

    private Map<String, String> lastForm() {
        LoggedRequest request = TokenEndpoint.requests(server).get(0);
        assertThat(request.containsHeader("Authorization")).isFalse();
        return TokenEndpoint.form(request);
    }

    @Test
    void sendsAClientAssertionSignedWithThePrivateKey() {
        provider().token(credential().field(CredentialField.KEY_ID, "key-1").field(CredentialField.SCOPE, "read")
                .build());

        Map<String, String> form = lastForm();
        assertThat(form).containsEntry("grant_type", "client_credentials").containsEntry("client_id", "client-42")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsEntry("scope", "read").doesNotContainKey("client_secret");
        String assertion = form.get("client_assertion");
        assertThat(IndependentJwtVerifier.verify(assertion, TestKeys.RSA.getPublic())).isTrue();
        assertThat(TokenEndpoint.jwtPart(assertion, 0)).containsEntry("alg", "RS256").containsEntry("kid", "key-1")
                .containsEntry("typ", "JWT");
        Map<String, Object> claims = TokenEndpoint.jwtPart(assertion, 1);
        assertThat(claims).containsEntry("iss", "client-42").containsEntry("sub", "client-42")
                .containsEntry("aud", TokenEndpoint.url(server))
                .containsEntry("iat", (int) NOW.getEpochSecond())
                .containsEntry("exp", (int) NOW.plusSeconds(300).getEpochSecond());
        assertThat((String) claims.get("jti")).isNotBlank();
    }

    @Test
    void aTamperedAssertionFailsVerification() {
        provider().token(credential().build());

        String assertion = lastForm().get("client_assertion");
        assertThat(IndependentJwtVerifier.verify(assertion, TestKeys.RSA.getPublic())).isTrue();
        assertThat(IndependentJwtVerifier.verify(IndependentJwtVerifier.tamper(assertion, "sub", "someone-else"),
                TestKeys.RSA.getPublic())).isFalse();
        assertThat(IndependentJwtVerifier.verify(assertion, TestKeys.RSA_1024.getPublic())).isFalse();
    }

    @Test
    void everyRequestGetsAFreshAssertionWithAUniqueJti() {
        Credential credential = credential().build();
        provider().token(credential);
        provider().evict(credential.name());
        provider().token(credential);

        var requests = TokenEndpoint.requests(server);
        assertThat(requests).hasSize(2);
        Object jti1 = TokenEndpoint.jwtPart(TokenEndpoint.form(requests.get(0)).get("client_assertion"), 1).get("jti");
        Object jti2 = TokenEndpoint.jwtPart(TokenEndpoint.form(requests.get(1)).get("client_assertion"), 1).get("jti");
        assertThat(jti1).isNotEqualTo(jti2);
    }

    @Test
    void signsWithEs256() {
        provider().token(credential().field(CredentialField.ALGORITHM, "ES256")
                .secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.EC)).build());

        String assertion = lastForm().get("client_assertion");
        assertThat(TokenEndpoint.jwtPart(assertion, 0)).containsEntry("alg", "ES256").doesNotContainKey("kid");
        assertThat(IndependentJwtVerifier.verify(assertion, TestKeys.EC.getPublic())).isTrue();
        assertThat(IndependentJwtVerifier.verify(IndependentJwtVerifier.tamper(assertion, "aud", "x"),
                TestKeys.EC.getPublic())).isFalse();
    }

    @Test
    void aPrivateKeyAloneMeansPrivateKeyJwt() {
        provider().token(credential().field(CredentialField.CLIENT_AUTHENTICATION_METHOD, null).build());

        assertThat(lastForm()).containsKey("client_assertion");
    }

    @Test
    void clientSecretJwtSignsWithHs256UnderTheClientSecret() {
        provider().token(credential().field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_jwt")
                .secret(CredentialField.PRIVATE_KEY, null)
                .secret(CredentialField.CLIENT_SECRET, Secret.of(TestKeys.HMAC_SECRET)).build());

        Map<String, String> form = lastForm();
        String assertion = form.get("client_assertion");
        assertThat(TokenEndpoint.jwtPart(assertion, 0)).containsEntry("alg", "HS256");
        assertThat(IndependentJwtVerifier.verifyHs256(assertion, TestKeys.HMAC_SECRET.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(IndependentJwtVerifier.verifyHs256(assertion, "another-secret-of-32-bytes-length!!"
                .getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(form).doesNotContainKey("client_secret");
        assertThat(String.join(" ", form.values())).doesNotContain(TestKeys.HMAC_SECRET);
    }

    @Test
    void refusesAlgorithmsThatDoNotFitTheMethod() {
        assertThatThrownBy(() -> provider().token(credential().field(CredentialField.ALGORITHM, "HS256").build()))
                .isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("for HS256 under the client secret use client_secret_jwt");
        assertThatThrownBy(() -> provider().token(credential().field(CredentialField.ALGORITHM, "none").build()))
                .hasMessageContaining("algorithm 'none' is not supported; use one of RS256, PS256, ES256, HS256");
        assertThatThrownBy(() -> provider().token(credential().field(CredentialField.CLIENT_AUTHENTICATION_METHOD,
                "client_secret_post").secret(CredentialField.CLIENT_SECRET, Secret.of("s3cret-value"))
                .field(CredentialField.ALGORITHM, "RS256").build()))
                .hasMessageContaining("an algorithm is set, but client_secret_post signs nothing");
        assertThat(TokenEndpoint.requests(server)).isEmpty();
    }
}
