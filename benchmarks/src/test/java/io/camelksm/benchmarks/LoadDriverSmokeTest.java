package io.camelksm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Keeps the benchmark harness compiling and honest without running the benchmarks themselves (they take minutes): a
 * small load run and a small burst through camel-ksm, and a check that the API stub really catches expired tokens.
 */
class LoadDriverSmokeTest {

    private LoopbackApis apis;

    @AfterEach
    void stop() {
        if (apis != null) {
            apis.close();
        }
    }

    @Test
    void camelKsmLoadRunFetchesFewTokensAndNeverSendsAnExpiredOne() throws Exception {
        apis = new LoopbackApis(2, Duration.ZERO, 64);

        LoadRun.Result result = LoadRun.run(new CamelKsmContender(Duration.ofSeconds(2), Duration.ofSeconds(1)),
                apis, "smoke-load", 200, 16, Duration.ofSeconds(3), Duration.ofSeconds(30));

        assertThat(result.firstFailure()).isNull();
        assertThat(result.completed()).isEqualTo(200);
        assertThat(result.failures()).isZero();
        assertThat(result.seen().apiCalls()).isEqualTo(200);
        assertThat(result.seen().validToken()).isEqualTo(200);
        assertThat(result.seen().expiredToken()).isZero();
        assertThat(result.seen().unknownToken()).isZero();
        // 2 s tokens over 3 s: a handful of tokens, not one per exchange
        assertThat(result.seen().tokenRequests()).isBetween(1L, 20L);
    }

    @Test
    void camelKsmBurstAcrossAnExpirySendsOneTokenRequest() throws Exception {
        apis = new LoopbackApis(60, Duration.ofMillis(20), 64);

        BurstRun.Result result = BurstRun.run(new CamelKsmContender(Duration.ofSeconds(60), Duration.ofSeconds(30)),
                apis, "smoke-burst", 32, 1, Duration.ofMillis(50));

        assertThat(result.firstFailure()).isNull();
        assertThat(result.failures()).isZero();
        assertThat(result.seen().apiCalls()).isEqualTo(32);
        assertThat(result.seen().tokenRequests()).isEqualTo(1);
        assertThat(result.seen().expiredToken()).isZero();
    }

    @Test
    void camelKsmJwtBearerBurstAcrossAnExpirySendsOneTokenRequest() throws Exception {
        apis = new LoopbackApis(60, Duration.ofMillis(20), 64);

        BurstRun.Result result = BurstRun.run(new CamelKsmContender(Duration.ofSeconds(60), Duration.ofSeconds(30),
                CamelKsmContender.Grant.JWT_BEARER), apis, "smoke-jwt", 32, 1, Duration.ofMillis(50));

        assertThat(result.firstFailure()).isNull();
        assertThat(result.failures()).isZero();
        assertThat(result.seen().apiCalls()).isEqualTo(32);
        assertThat(result.seen().validToken()).isEqualTo(32); // every token came from a verified assertion
        assertThat(result.seen().tokenRequests()).isEqualTo(1);
        assertThat(result.seen().expiredToken()).isZero();
    }

    @Test
    void tokenEndpointRefusesAnAssertionNotSignedByTheTrustedKey() throws Exception {
        apis = new LoopbackApis(60, Duration.ZERO, 8);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair trusted = generator.generateKeyPair();
        KeyPair other = generator.generateKeyPair();
        apis.trustAssertions("jwt", (RSAPublicKey) trusted.getPublic(), "iss",
                apis.tokenUrl("jwt"));

        assertThat(jwtBearerRequest(assertion(trusted, "iss", apis.tokenUrl("jwt"))).statusCode()).isEqualTo(200);
        HttpResponse<String> forged = jwtBearerRequest(assertion(other, "iss", apis.tokenUrl("jwt")));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("invalid_grant");
        assertThat(jwtBearerRequest(assertion(trusted, "someone-else", apis.tokenUrl("jwt"))).statusCode())
                .isEqualTo(400);
        assertThat(jwtBearerRequest(assertion(trusted, "iss", "https://elsewhere/token")).statusCode())
                .isEqualTo(400);
    }

    private static String assertion(KeyPair keys, String issuer, String audience) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder().issuer(issuer).subject("bot").audience(audience)
                        .jwtID(UUID.randomUUID().toString())
                        .expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private HttpResponse<String> jwtBearerRequest(String assertion) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(apis.tokenUrl("jwt")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type="
                        + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer",
                                StandardCharsets.UTF_8) + "&assertion=" + assertion)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void apiStubRefusesAndCountsExpiredAndUnknownTokens() throws Exception {
        apis = new LoopbackApis(1, Duration.ZERO, 8);
        HttpClient http = HttpClient.newHttpClient();
        String token = fetchToken(http, apis.tokenUrl("check"));
        Instant expiry = apis.expiryOf(token);
        assertThat(expiry).isNotNull();

        assertThat(callApi(http, "Bearer " + token)).isEqualTo(200);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 50);
        assertThat(callApi(http, "Bearer " + token)).isEqualTo(401);
        assertThat(callApi(http, "Bearer made-up")).isEqualTo(401);
        assertThat(callApi(http, null)).isEqualTo(401);

        RunCounters counters = apis.counters("check");
        assertThat(counters.tokenRequests()).isEqualTo(1);
        assertThat(counters.validToken()).isEqualTo(1);
        assertThat(counters.expiredToken()).isEqualTo(1);
        assertThat(counters.unknownToken()).isEqualTo(2);
    }

    @Test
    void tokenEndpointRefusesAClientThatDoesNotAuthenticate() throws Exception {
        apis = new LoopbackApis(60, Duration.ZERO, 8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(apis.tokenUrl("anonymous")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
    }

    private static String fetchToken(HttpClient http, String tokenUrl) throws Exception {
        String basic = Base64.getEncoder().encodeToString("client:secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"expires_in\":1");
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private int callApi(HttpClient http, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apis.apiUrl("check"))).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
