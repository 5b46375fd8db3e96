package io.camelksm.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * WireMock on 127.0.0.1 as the authorization server and the API of the token sharing test. The token endpoint issues a
 * new token per request ({@code tok-<n>}, {@code expires_in} fixed) and records when each request arrived and with which
 * client secret. The API answers 200 for a known token that has not expired on arrival, 401 otherwise (counting the
 * expired ones), and 401 for a token the test revoked, as an authorization server that revoked it would make the API do.
 */
final class TokenServer implements AutoCloseable {

    static final String TOKEN_PATH = "/oauth2/token";
    static final String API_PATH = "/api/data";

    /** One token request: when it arrived, the token issued, when it expires, the client secret it came with. */
    record Issue(Instant arrived, String token, Instant expires, String clientSecret) {
    }

    private final long expiresInSeconds;
    private final Queue<Issue> issues = new ConcurrentLinkedQueue<>();
    private final Map<String, Issue> byToken = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger tokenDelayMillis = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong apiOk = new AtomicLong();
    private final AtomicLong expiredSends = new AtomicLong();
    private final AtomicLong unknownSends = new AtomicLong();
    private final AtomicLong revokedSends = new AtomicLong();
    private final WireMockServer server;

    TokenServer(long expiresInSeconds) {
        this.expiresInSeconds = expiresInSeconds;
        this.server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().containerThreads(24)
                .disableRequestJournal().stubRequestLoggingDisabled(true).notifier(new ConsoleNotifier(false))
                .extensions(new Issuer(), new Checker()));
        server.start();
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withTransformers("issue")));
        server.stubFor(any(urlPathEqualTo(API_PATH)).willReturn(aResponse().withTransformers("check")));
    }

    String tokenUrl() {
        return "http://127.0.0.1:" + server.port() + TOKEN_PATH;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.port() + API_PATH;
    }

    /** Every token request so far, oldest first. */
    List<Issue> issues() {
        List<Issue> all = new ArrayList<>(issues);
        all.sort(Comparator.comparing(Issue::arrived));
        return all;
    }

    Issue issueOf(String token) {
        return byToken.get(token);
    }

    /** From now on the token endpoint answers only after this delay (the request is recorded on arrival). */
    void delayTokens(int millis) {
        tokenDelayMillis.set(millis);
    }

    /** From now on the API refuses this token (401). */
    void revoke(String token) {
        revoked.add(token);
    }

    long apiOk() {
        return apiOk.get();
    }

    long expiredSends() {
        return expiredSends.get();
    }

    long unknownSends() {
        return unknownSends.get();
    }

    long revokedSends() {
        return revokedSends.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Issuer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Instant arrived = Instant.now();
            String token = "tok-" + sequence.incrementAndGet();
            Issue issue = new Issue(arrived, token, arrived.plusSeconds(expiresInSeconds),
                    clientSecret(event.getRequest()));
            byToken.put(token, issue);
            issues.add(issue);
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(200)
                    .withFixedDelay(tokenDelayMillis.get()).withHeader("Content-Type", "application/json").withHeader("Cache-Control", "no-store")
                    .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                              + expiresInSeconds + "}").build();
        }

        @Override
        public String getName() {
            return "issue";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        private static String clientSecret(Request request) {
            String authorization = request.getHeader("Authorization");
            if (authorization == null || !authorization.startsWith("Basic ")) {
                return null;
            }
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            return pair.substring(pair.indexOf(':') + 1);
        }
    }

    private final class Checker implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Instant arrived = Instant.now();
            String authorization = event.getRequest().getHeader("Authorization");
            String token = authorization != null && authorization.startsWith("Bearer ")
                    ? authorization.substring(7) : null;
            Issue issue = token == null ? null : byToken.get(token);
            int status;
            if (issue == null) {
                unknownSends.incrementAndGet();
                status = 401;
            } else if (revoked.contains(token)) {
                revokedSends.incrementAndGet();
                status = 401;
            } else if (!arrived.isBefore(issue.expires())) {
                expiredSends.incrementAndGet();
                status = 401;
            } else {
                apiOk.incrementAndGet();
                status = 200;
            }
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(status)
                    .withBody(status == 200 ? "{\"ok\":true}" : "{\"error\":\"invalid_token\"}").build();
        }

        @Override
        public String getName() {
            return "check";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }
}
