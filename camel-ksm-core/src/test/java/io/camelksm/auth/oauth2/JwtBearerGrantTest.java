package io.camelksm.auth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/** The JWT bearer grant (RFC 7523 2.1): assertions built and signed from the credential, checked by the JDK. */
class JwtBearerGrantTest {

    @RegisterExtension
    static WireMockExtension server = TokenEndpoint.extension();

    @RegisterExtension
    final TokenProviderExtension tokens = new TokenProviderExtension(server, "sf", 7200);

    private static final Instant NOW = TokenProviderExtension.NOW;

    private OAuth2TokenProvider provider() {
        return tokens.provider();
    }

    private Credential.Builder credential() {
        return Credential.builder("Salesforce", CredentialType.OAUTH2_JWT_BEARER)
                .field(CredentialField.ISSUER, "3MVG9-consumer-key")
                .field(CredentialField.TOKEN_URL, TokenEndpoint.url(server))
                .secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.RSA));
    }

    private String lastAssertion() {
        LoggedRequest request = TokenEndpoint.requests(server).get(0);
        Map<String, String> form = TokenEndpoint.form(request);
        assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        assertThat(request.containsHeader("Authorization")).isFalse();
        return form.get("assertion");
    }

    @Test
    void buildsAndSignsTheAssertionWithRs256ByDefault() {
        AccessToken token = provider().token(credential()
                .field(CredentialField.SUBJECT, "bot@example.com")
                .field(CredentialField.AUDIENCE, "https://login.example.com")
                .field(CredentialField.SCOPE, "api refresh")
                .field(CredentialField.KEY_ID, "kid-7")
                .field(CredentialField.ASSERTION_LIFETIME, "PT2M")
                .build());

        assertThat(token.authorizationHeaderValue()).isEqualTo("Bearer sf");
        assertThat(TokenEndpoint.form(TokenEndpoint.requests(server).get(0))).containsEntry("scope", "api refresh");
        String assertion = lastAssertion();
        assertThat(IndependentJwtVerifier.verify(assertion, TestKeys.RSA.getPublic())).isTrue();
        assertThat(TokenEndpoint.jwtPart(assertion, 0)).containsEntry("alg", "RS256").containsEntry("kid", "kid-7");
        Map<String, Object> claims = TokenEndpoint.jwtPart(assertion, 1);
        assertThat(claims).containsEntry("iss", "3MVG9-consumer-key").containsEntry("sub", "bot@example.com")
                .containsEntry("aud", "https://login.example.com").containsEntry("scope", "api refresh")
                .containsEntry("iat", (int) NOW.getEpochSecond())
                .containsEntry("exp", (int) NOW.plusSeconds(120).getEpochSecond());
        assertThat((String) claims.get("jti")).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void aTamperedAssertionIsRejectedByTheVerifier() {
        provider().token(credential().build());

        String assertion = lastAssertion();
        assertThat(IndependentJwtVerifier.verify(IndependentJwtVerifier.tamper(assertion, "sub", "admin"),
                TestKeys.RSA.getPublic())).isFalse();
        String[] parts = assertion.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 1;
        String flipped = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(signature);
        assertThat(IndependentJwtVerifier.verify(flipped, TestKeys.RSA.getPublic())).isFalse();
    }

    @Test
    void defaultsSubjectToTheIssuerAudienceToTheTokenUrlAndLifetimeToFiveMinutes() {
        provider().token(credential().build());

        Map<String, Object> claims = TokenEndpoint.jwtPart(lastAssertion(), 1);
        assertThat(claims).containsEntry("sub", "3MVG9-consumer-key").containsEntry("aud", TokenEndpoint.url(server))
                .containsEntry("exp", (int) NOW.plusSeconds(300).getEpochSecond()).doesNotContainKey("scope");
        assertThat(TokenEndpoint.jwtPart(lastAssertion(), 0)).doesNotContainKey("kid");
    }

    @Test
    void optionsChooseTheSubjectAndScope() {
        provider().token(credential().field(CredentialField.SUBJECT, "bot").build(),
                TokenRequestOptions.scope("api").withSubject("other-user"));

        assertThat(TokenEndpoint.jwtPart(lastAssertion(), 1)).containsEntry("sub", "other-user")
                .containsEntry("scope", "api");
    }

    @Test
    void signsWithPs256() {
        provider().token(credential().field(CredentialField.ALGORITHM, "PS256").build());

        String assertion = lastAssertion();
        assertThat(TokenEndpoint.jwtPart(assertion, 0)).containsEntry("alg", "PS256");
        assertThat(IndependentJwtVerifier.verify(assertion, TestKeys.RSA.getPublic())).isTrue();
        assertThat(IndependentJwtVerifier.verify(IndependentJwtVerifier.tamper(assertion, "iss", "x"),
                TestKeys.RSA.getPublic())).isFalse();
    }

    @Test
    void signsWithEs256() {
        provider().token(credential().field(CredentialField.ALGORITHM, "es256")
                .secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.EC)).build());

        String assertion = lastAssertion();
        assertThat(TokenEndpoint.jwtPart(assertion, 0)).containsEntry("alg", "ES256");
        assertThat(IndependentJwtVerifier.verify(assertion, TestKeys.EC.getPublic())).isTrue();
        assertThat(IndependentJwtVerifier.verify(IndependentJwtVerifier.tamper(assertion, "exp", 9999999999L),
                TestKeys.EC.getPublic())).isFalse();
    }

    @Test
    void signsWithHs256WhenTheKeyIsASharedSecret() {
        provider().token(credential().field(CredentialField.ALGORITHM, "HS256")
                .secret(CredentialField.PRIVATE_KEY, Secret.of(TestKeys.HMAC_SECRET)).build());

        String assertion = lastAssertion();
        byte[] secret = TestKeys.HMAC_SECRET.getBytes(StandardCharsets.UTF_8);
        assertThat(IndependentJwtVerifier.verifyHs256(assertion, secret)).isTrue();
        assertThat(IndependentJwtVerifier.verifyHs256(IndependentJwtVerifier.tamper(assertion, "sub", "x"), secret))
                .isFalse();
    }

    @Test
    void keysThatDoNotFitTheAlgorithmGetAClearErrorWithoutTheKey() {
        String rsaPem = TestKeys.pem(TestKeys.RSA).reveal();
        String keyBody = rsaPem.split("\n")[3];
        assertRejected(credential().field(CredentialField.ALGORITHM, "ES256").build(),
                "the private key is not a valid PKCS#8 EC key (ES256 needs an EC P-256 key)", keyBody);
        assertRejected(credential().field(CredentialField.ALGORITHM, "ES256")
                        .secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.EC_P384)).build(),
                "ES256 needs an EC key on the P-256 curve", null);
        assertRejected(credential().secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.EC)).build(),
                "the private key is not a valid PKCS#8 RSA key (RS256 and PS256 need an RSA key)", null);
        assertRejected(credential().secret(CredentialField.PRIVATE_KEY, TestKeys.pem(TestKeys.RSA_1024)).build(),
                "RS256 needs an RSA key of at least 2048 bits", null);
        assertRejected(credential().field(CredentialField.ALGORITHM, "HS256").build(),
                "HS256 signs with a shared secret, but a PEM private key was given", keyBody);
        assertRejected(credential().field(CredentialField.ALGORITHM, "HS256")
                        .secret(CredentialField.PRIVATE_KEY, Secret.of("short-secret")).build(),
                "the HS256 shared secret is shorter than 256 bits (32 bytes)", "short-secret");
        assertRejected(credential().secret(CredentialField.PRIVATE_KEY, Secret.of("just-a-password")).build(),
                "RS256 needs a PKCS#8 PEM private key", "just-a-password");
        assertThat(TokenEndpoint.requests(server)).isEmpty();
    }

    @Test
    void pemFormatsOtherThanPlainPkcs8AreExplained() {
        String pkcs1 = TestKeys.pemText(new byte[] {1, 2, 3}, "RSA PRIVATE KEY");
        assertRejected(credential().secret(CredentialField.PRIVATE_KEY, Secret.of(pkcs1)).build(),
                "convert it to PKCS#8 with 'openssl pkcs8 -topk8 -nocrypt -in key.pem'", null);
        String encrypted = TestKeys.pemText(new byte[] {1, 2, 3}, "ENCRYPTED PRIVATE KEY");
        assertRejected(credential().secret(CredentialField.PRIVATE_KEY, Secret.of(encrypted)).build(),
                "the private key is encrypted", null);
        String garbage = "-----BEGIN PRIVATE KEY-----\n!!not base64!!\n-----END PRIVATE KEY-----\n";
        assertRejected(credential().secret(CredentialField.PRIVATE_KEY, Secret.of(garbage)).build(),
                "the private key PEM block is not valid Base64", "not base64");
        String truncated = TestKeys.pemText(new byte[] {48, 3, 2, 1, 0}, "PRIVATE KEY");
        assertRejected(credential().secret(CredentialField.PRIVATE_KEY, Secret.of(truncated)).build(),
                "the private key is not a valid PKCS#8 RSA key", null);
    }

    @Test
    void badAssertionLifetimesAreRefused() {
        assertRejected(credential().field(CredentialField.ASSERTION_LIFETIME, "5 minutes").build(),
                "assertionLifetime '5 minutes' is not an ISO-8601 duration such as PT5M", null);
        assertRejected(credential().field(CredentialField.ASSERTION_LIFETIME, "-PT1M").build(),
                "assertionLifetime PT-1M must be positive and at most one day", null);
    }

    private void assertRejected(Credential credential, String problem, String mustNotAppear) {
        assertThatThrownBy(() -> provider().token(credential)).isInstanceOf(KsmTokenException.class)
                .hasMessageStartingWith("Cannot request a token for credential 'Salesforce': ")
                .hasMessageContaining(problem)
                .satisfies(e -> {
                    KsmTokenException failure = (KsmTokenException) e;
                    assertThat(failure.getReason()).isEqualTo(KsmTokenException.Reason.CONFIGURATION);
                    if (mustNotAppear != null) {
                        assertThat(failure.getMessage()).doesNotContain(mustNotAppear);
                    }
                    assertThat(failure.getMessage()).doesNotContain("MII");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256"})
    void eachRequestSignsAnew(String algorithm) {
        Credential credential = credential().field(CredentialField.ALGORITHM, algorithm).build();
        provider().token(credential);
        provider().evict(credential.name());
        provider().token(credential);

        var requests = TokenEndpoint.requests(server);
        String first = TokenEndpoint.form(requests.get(0)).get("assertion");
        String second = TokenEndpoint.form(requests.get(1)).get("assertion");
        assertThat(TokenEndpoint.jwtPart(first, 1).get("jti")).isNotEqualTo(TokenEndpoint.jwtPart(second, 1)
                .get("jti"));
        assertThat(IndependentJwtVerifier.verify(second, TestKeys.RSA.getPublic())).isTrue();
    }
}
