package io.camelksm.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The authorization server and the downstream API every contender talks to: one WireMock server on 127.0.0.1 with a
 * dynamic port. Each run has its own paths ({@code /oauth2/<run>/token}, {@code /api/<run>}) and counters.
 *
 * <p>The token endpoint issues a new, unique token per request with the configured {@code expires_in}, and remembers
 * when each one expires (issue time plus {@code expires_in}, on this JVM's clock). The API answers 200 for a bearer
 * token that is known and not yet expired on arrival, and 401 otherwise, counting which it was: the checker knows
 * every issued token's expiry, so a token sent too late is caught whichever library sent it.
 */
public final class LoopbackApis implements AutoCloseable {

    private static final String ISSUE = "issue-token";
    private static final String CHECK = "check-token";
    private static final String BEARER = "Bearer ";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final Map<String, RunCounters> runs = new ConcurrentHashMap<>();
    private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();
    private final Map<String, Long> firstTokenExpiresIn = new ConcurrentHashMap<>();
    private final Map<String, TrustedIssuer> trustedIssuers = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock = Clock.systemUTC();
    private final long expiresInSeconds;
    private final WireMockServer server;

    /**
     * @param expiresInSeconds the real {@code expires_in} of every token
     * @param tokenLatency     how long the token endpoint takes to answer
     * @param threads          server threads: at least the largest number of concurrent connections expected
     */
    public LoopbackApis(long expiresInSeconds, Duration tokenLatency, int threads) {
        this.expiresInSeconds = expiresInSeconds;
        this.server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(threads).disableRequestJournal().stubRequestLoggingDisabled(true)
                .notifier(new ConsoleNotifier(false)).extensions(new TokenIssuer(), new TokenChecker()));
        server.start();
        server.stubFor(post(urlPathMatching("/oauth2/[^/]+/token")).willReturn(aResponse()
                .withFixedDelay((int) tokenLatency.toMillis()).withTransformers(ISSUE)));
        server.stubFor(any(urlPathMatching("/api/[^/]+")).willReturn(aResponse().withTransformers(CHECK)));
    }

    public String tokenUrl(String run) {
        return "http://127.0.0.1:" + server.port() + "/oauth2/" + run + "/token";
    }

    public String apiUrl(String run) {
        return "http://127.0.0.1:" + server.port() + "/api/" + run;
    }

    /**
     * Gives the first token of the run a shorter {@code expires_in}, so that a run can reach an expiry without waiting
     * a whole lifetime; later tokens get the usual one.
     */
    public void shortFirstToken(String run, long expiresInSeconds) {
        firstTokenExpiresIn.put(run, expiresInSeconds);
    }

    /**
     * Lets the run's token endpoint accept the JWT bearer grant (RFC 7523 §2.1): an RS256 assertion signed by the key,
     * from the issuer, for the audience, not expired. Without this, the run accepts client credentials only.
     */
    public void trustAssertions(String run, RSAPublicKey key, String issuer, String audience) {
        trustedIssuers.put(run, new TrustedIssuer(key, issuer, audience));
    }

    private record TrustedIssuer(RSAPublicKey key, String issuer, String audience) {
    }

    /** The counters of a run (created empty on first use). */
    public RunCounters counters(String run) {
        return runs.computeIfAbsent(run, r -> new RunCounters());
    }

    /** When a token this server issued expires, or null for a token it did not issue. */
    public Instant expiryOf(String token) {
        return expiryByToken.get(token);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The run named by the second path segment of {@code /oauth2/<run>/token} or {@code /api/<run>}. */
    private static String runOf(Request request) {
        String path = request.getUrl();
        int query = path.indexOf('?');
        String[] parts = (query < 0 ? path : path.substring(0, query)).split("/");
        return parts.length > 2 ? parts[2] : "";
    }

    /** The parameters of a form body ({@code application/x-www-form-urlencoded}). */
    private static Map<String, String> formParameters(String form) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /**
     * Answers a token request with a fresh token: client credentials after checking the client authenticated, or a
     * JWT bearer assertion after verifying it against the run's trusted issuer.
     */
    private final class TokenIssuer implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String run = runOf(request);
            Instant arrived = clock.instant();
            RunCounters counters = counters(run);
            long requestNumber = counters.tokenRequests.incrementAndGet();
            ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "no-store");
            String form = request.getBodyAsString();
            Map<String, String> parameters = form == null ? Map.of() : formParameters(form);
            if (JWT_BEARER.equals(parameters.get("grant_type"))) {
                if (!validAssertion(trustedIssuers.get(run), parameters.get("assertion"), arrived)) {
                    return response.withStatus(400).withBody("{\"error\":\"invalid_grant\"}").build();
                }
            } else if (!"client_credentials".equals(parameters.get("grant_type"))
                       || !authenticated(request, parameters)) {
                return response.withStatus(401).withBody("{\"error\":\"invalid_client\"}").build();
            }
            long lifetime = requestNumber == 1 ? firstTokenExpiresIn.getOrDefault(run, expiresInSeconds)
                    : expiresInSeconds;
            String token = "tok-" + run + "-" + sequence.incrementAndGet();
            Instant expiry = arrived.plusSeconds(lifetime);
            expiryByToken.put(token, expiry);
            counters.lastExpiry.set(expiry);
            return response.withStatus(200).withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":" + lifetime + "}").build();
        }

        /** client_secret_basic with a non-empty id and secret, or client_secret_post. */
        private boolean authenticated(Request request, Map<String, String> parameters) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.startsWith("Basic ")) {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon > 0 && colon < pair.length() - 1;
            }
            return parameters.containsKey("client_id") && parameters.containsKey("client_secret");
        }

        /** RS256, signed by the trusted key, from its issuer, for its audience, with a jti, not yet expired. */
        private boolean validAssertion(TrustedIssuer trusted, String assertion, Instant now) {
            if (trusted == null || assertion == null) {
                return false;
            }
            try {
                SignedJWT jwt = SignedJWT.parse(assertion);
                JWTClaimsSet claims = jwt.getJWTClaimsSet();
                return JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                       && jwt.verify(new RSASSAVerifier(trusted.key()))
                       && trusted.issuer().equals(claims.getIssuer())
                       && claims.getAudience().contains(trusted.audience())
                       && claims.getJWTID() != null
                       && claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(now);
            } catch (ParseException | JOSEException e) {
                return false;
            }
        }

        @Override
        public String getName() {
            return ISSUE;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    /** Accepts only a known bearer token that has not expired yet, and counts what it saw. */
    private final class TokenChecker implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            Instant now = clock.instant();
            RunCounters counters = counters(runOf(request));
            counters.apiCalls.incrementAndGet();
            String authorization = request.getHeader("Authorization");
            Instant expiry = authorization != null && authorization.startsWith(BEARER)
                    ? expiryByToken.get(authorization.substring(BEARER.length())) : null;
            ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(event.getResponseDefinition());
            if (expiry == null) {
                counters.unknownToken.incrementAndGet();
                return response.withStatus(401).withHeader("WWW-Authenticate", "Bearer").build();
            }
            if (!now.isBefore(expiry)) {
                counters.expiredToken.incrementAndGet();
                return response.withStatus(401)
                        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
            }
            counters.validToken.incrementAndGet();
            return response.withStatus(200).withHeader("Content-Type", "text/plain").withBody("ok").build();
        }

        @Override
        public String getName() {
            return CHECK;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }
}
