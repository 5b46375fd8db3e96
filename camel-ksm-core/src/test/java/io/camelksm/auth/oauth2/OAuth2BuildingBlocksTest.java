package io.camelksm.auth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelksm.auth.oauth2.TokenRequest.FormParameter;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.Secret;

/** The small parts on their own: settings, retry policy, Retry-After, server text, requests, keys. */
class OAuth2BuildingBlocksTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void settingsHaveDocumentedDefaultsAndRefuseNonsense() {
        OAuth2Settings defaults = OAuth2Settings.defaults();
        assertThat(defaults.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.refreshAhead()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.defaultExpiresIn()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.assertionLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.tokenEndpointTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.maxResponseBytes()).isEqualTo(256 * 1024);
        assertThat(defaults.allowPlainHttp()).isFalse();
        assertThat(defaults.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(defaults.toBuilder().build().toString()).isEqualTo(defaults.toString());

        assertThatThrownBy(() -> OAuth2Settings.builder().tokenEndpointTimeout(Duration.ZERO).build())
                .hasMessage("tokenEndpointTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> OAuth2Settings.builder().clockSkew(Duration.ofSeconds(-1)).build())
                .hasMessage("clockSkew must not be negative, was PT-1S");
        assertThatThrownBy(() -> OAuth2Settings.builder().maxResponseBytes(10).build())
                .hasMessage("maxResponseBytes must be at least 256, was 10");
    }

    @Test
    void retryPolicyBacksOffExponentiallyWithBoundedJitter() {
        RetryPolicy exact = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000), 0,
                Duration.ofSeconds(30));
        assertThat(List.of(exact.backoff(1), exact.backoff(2), exact.backoff(3), exact.backoff(4), exact.backoff(5)))
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                        Duration.ofMillis(800), Duration.ofMillis(1000));

        RetryPolicy jittered = exact.withJitter(0.5);
        for (int i = 0; i < 200; i++) {
            assertThat(jittered.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        }
        assertThat(RetryPolicy.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2)).backoff(40))
                .isLessThanOrEqualTo(Duration.ofSeconds(2));

        assertThatThrownBy(() -> exact.withJitter(1.5)).hasMessage("jitter must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> exact.withMaxRetries(-1)).hasMessage("maxRetries must be between 0 and 20, was -1");
        assertThatThrownBy(() -> exact.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("maxBackoff (PT1S) must not be shorter than initialBackoff (PT2S)");
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:00:42 GMT", NOW)).contains(Duration.ofSeconds(42));
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("-3", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    @Test
    void serverTextIsMaskedFlattenedAndCut() {
        List<Secret> secrets = List.of(Secret.of("p@ss word"));
        assertThat(ServerText.sanitize("bad p@ss word or p%40ss+word\r\nX: y", secrets))
                .isEqualTo("bad ****** or ******  X: y");
        assertThat(ServerText.sanitize("x".repeat(1000), secrets)).hasSize(ServerText.MAX_LENGTH + 1).endsWith("…");
        assertThat(ServerText.sanitize(null, secrets)).isNull();
    }

    @Test
    void aTokenRequestEncodesItsFormAndMasksItsSecrets() {
        Secret clientSecret = Secret.of("s&c=r t");
        TokenRequest request = new TokenRequest(CredentialName.of("Graph"),
                URI.create("https://login.example/t?tenant=x"), "client_credentials",
                List.of(new FormParameter("grant_type", Secret.of("client_credentials"), false),
                        new FormParameter("scope", Secret.of("a b"), false),
                        new FormParameter("client_secret", clientSecret, true)),
                null, List.of(), "a b");

        assertThat(new String(request.encodeForm(), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("grant_type=client_credentials&scope=a+b&client_secret=s%26c%3Dr+t");
        assertThat(request.toString()).isEqualTo("TokenRequest[credential=Graph, url=https://login.example/t,"
                                                 + " form=[grant_type=client_credentials, scope=a b,"
                                                 + " client_secret=******]]");
        request.destroy();
        assertThat(clientSecret.isDestroyed()).isTrue();
    }

    @Test
    void basicCredentialsFollowRfc6749() {
        // RFC 7617's example survives unchanged, as it has nothing to encode
        assertThat(ClientAuthentication.basic("Aladdin", Secret.of("open-sesame")).reveal())
                .isEqualTo("Basic QWxhZGRpbjpvcGVuLXNlc2FtZQ==");
        // a space becomes '+', and '+' and ':' are escaped, before Base64
        assertThat(ClientAuthentication.basic("a b", Secret.of("c+d:e")).reveal())
                .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("a+b:c%2Bd%3Ae".getBytes()));
    }

    @Test
    void scopesAreComparedAsSets() {
        assertThat(TokenCacheKey.normalizeScope(" write read  read ")).isEqualTo("read write");
        assertThat(TokenCacheKey.normalizeScope("  ")).isNull();
    }

    @Test
    void fingerprintsDependOnTheSecretAndOnTheProcessKey() {
        var one = new SecretFingerprinter();
        var two = new SecretFingerprinter();
        var credential = io.camelksm.credential.Credential.builder("Graph",
                        io.camelksm.credential.CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(io.camelksm.credential.CredentialField.CLIENT_ID, "c")
                .field(io.camelksm.credential.CredentialField.TOKEN_URL, "https://x/t")
                .secret(io.camelksm.credential.CredentialField.CLIENT_SECRET, Secret.of("s1")).build();
        var rotated = credential.toBuilder()
                .secret(io.camelksm.credential.CredentialField.CLIENT_SECRET, Secret.of("s2")).build();

        assertThat(one.fingerprint(credential)).isEqualTo(one.fingerprint(credential.toBuilder().build()))
                .isNotEqualTo(one.fingerprint(rotated))
                .isNotEqualTo(two.fingerprint(credential))
                .hasSize(64).doesNotContain("s1");
        one.destroy();
        assertThatThrownBy(() -> one.fingerprint(credential)).hasMessage("the token provider is closed");
    }

    @Test
    void aRememberedFingerprintIsReusedOnlyForTheSameValues() {
        var fingerprinter = new SecretFingerprinter();
        var credential = io.camelksm.credential.Credential.builder("Graph",
                        io.camelksm.credential.CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(io.camelksm.credential.CredentialField.CLIENT_ID, "c")
                .field(io.camelksm.credential.CredentialField.TOKEN_URL, "https://x/t")
                .secret(io.camelksm.credential.CredentialField.CLIENT_SECRET, Secret.of("s1"))
                .property(io.camelksm.credential.CredentialProperty.secret("form.resource", Secret.of("r1"))).build();
        String first = fingerprint(new SecretFingerprinter(), credential);

        String remembered = fingerprinter.fingerprint(credential);
        // a copy with fresh Secret instances (as the credential cache hands out) hits the memo: same fingerprint
        var copy = credential.toBuilder()
                .secret(io.camelksm.credential.CredentialField.CLIENT_SECRET, Secret.of("s1"))
                .property(io.camelksm.credential.CredentialProperty.secret("form.resource", Secret.of("r1"))).build();
        assertThat(fingerprinter.fingerprint(copy)).isEqualTo(remembered);
        // the caller wiping its copy does not touch what the fingerprinter compares against
        copy.destroySecrets();
        assertThat(fingerprinter.fingerprint(credential)).isEqualTo(remembered);

        // every kind of change misses: a rotated secret of the same length, a field, a form property
        var rotated = credential.toBuilder()
                .secret(io.camelksm.credential.CredentialField.CLIENT_SECRET, Secret.of("s2")).build();
        var otherClient = credential.toBuilder().field(io.camelksm.credential.CredentialField.CLIENT_ID, "d").build();
        var otherForm = credential.toBuilder()
                .property(io.camelksm.credential.CredentialProperty.secret("form.resource", Secret.of("r2"))).build();
        assertThat(fingerprinter.fingerprint(rotated)).isNotEqualTo(remembered);
        assertThat(fingerprinter.fingerprint(otherClient)).isNotEqualTo(remembered);
        assertThat(fingerprinter.fingerprint(otherForm)).isNotEqualTo(remembered);
        // and back: the original values get the original fingerprint again
        assertThat(fingerprinter.fingerprint(credential)).isEqualTo(remembered);
        assertThat(first).isNotEqualTo(remembered); // each process key differs
        fingerprinter.destroy();
    }

    private static String fingerprint(SecretFingerprinter fingerprinter, io.camelksm.credential.Credential c) {
        try {
            return fingerprinter.fingerprint(c);
        } finally {
            fingerprinter.destroy();
        }
    }

    @Test
    void accessTokensNeverShowTheirValue() {
        AccessToken token = new AccessToken(Secret.of("eyJ.secret.token"), NOW, NOW.plusSeconds(60), "read");
        assertThat(token.toString()).doesNotContain("eyJ").contains("value=******", "scope=read");
        assertThat(token.isExpired(NOW.plusSeconds(59))).isFalse();
        assertThat(token.isExpired(NOW.plusSeconds(60))).isTrue();
        assertThat(new TokenResponse(Secret.of("eyJ.x"), null, null).toString()).doesNotContain("eyJ");
    }

    @Test
    void clientAuthenticationMethodsParseByRegisteredName() {
        assertThat(ClientAuthenticationMethod.parse("private-key-jwt")).contains(
                ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        assertThat(ClientAuthenticationMethod.parse("CLIENT_SECRET_BASIC")).contains(
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(ClientAuthenticationMethod.parse("mtls")).isEmpty();
    }
}
