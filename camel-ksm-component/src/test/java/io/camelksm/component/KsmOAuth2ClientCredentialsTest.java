package io.camelksm.component;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.auth.oauth2.KsmTokenException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * {@code to("ksm:Graph")} on an OAUTH2_CLIENT_CREDENTIALS credential puts {@code Authorization: Bearer <token>} on the
 * message, end to end: WireMock on loopback is the authorization server and the API the route calls with camel-http.
 */
class KsmOAuth2ClientCredentialsTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    private static final String CLIENT_ID = "graph-client";
    private static final String CLIENT_SECRET = "s3cr3t:Gr@ph/+";

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(graph("Graph").build());
        ksm.grantAnyone("Graph");
        ksm.add(graph("Graph Post").field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_post")
                .field(CredentialField.SCOPE, "User.Read")
                .property(CredentialProperty.plain("form.tenant", "contoso")).build());
        ksm.grantAnyone("Graph Post");
        ksm.add(Credential.builder("Graph Jwt", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, CLIENT_ID)
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server))
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "private_key_jwt")
                .field(CredentialField.KEY_ID, "key-1")
                .secret(CredentialField.PRIVATE_KEY, OAuth2Wire.pem(OAuth2Wire.RSA)).build());
        ksm.grantAnyone("Graph Jwt");
        ksm.add(graph("Locked").build());
        ksm.grant("Locked", "*", "someone-else", KsmTestSupport.NODE);
        ksm.add(graph("Expired").expiresAt(Instant.now().minus(Duration.ofHours(1))).build());
        ksm.grantAnyone("Expired");
        ksm.add(graph("Invalid").invalidSince(Instant.now().minus(Duration.ofMinutes(1))).build());
        ksm.grantAnyone("Invalid");
        ksm.add(Credential.builder("Remote", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, CLIENT_ID).secret(CredentialField.CLIENT_SECRET,
                        io.camelksm.credential.Secret.of(CLIENT_SECRET))
                .field(CredentialField.TOKEN_URL, "http://auth.example.com/token").build());
        ksm.grantAnyone("Remote");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:graph").routeId("graph")
                        .to("ksm:Graph")
                        .to(OAuth2Wire.api(server, "/api/me"));
                from("direct:post").routeId("post").to("ksm:Graph Post");
                from("direct:jwt").routeId("jwt").to("ksm:Graph Jwt");
                from("direct:narrow").routeId("narrow").to("ksm:Graph?scope=Mail.Read");
                from("direct:broad").routeId("broad").to("ksm:Graph?scope=Mail.Read Mail.Send");
                from("direct:audience").routeId("audience")
                        .to("ksm:Graph?audience=https://api.example/&resource=https://graph.example/");
                from("direct:locked").routeId("locked").to("ksm:Locked");
                from("direct:expired").routeId("expired").to("ksm:Expired");
                from("direct:invalid").routeId("invalid").to("ksm:Invalid");
                from("direct:remote").routeId("remote").to("ksm:Remote");
                from("direct:apiKey").routeId("apiKey").to("ksm:Graph?headerName=X-Token&includeScheme=false");
            }
        };
    }

    private static Credential.Builder graph(String name) {
        return Credential.builder(name, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, CLIENT_ID)
                .value(CredentialField.CLIENT_SECRET, CLIENT_SECRET)
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server));
    }

    private static void apiAnswers() {
        server.stubFor(get(urlEqualTo("/api/me")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(200).withBody("{\"displayName\":\"Bot\"}")));
    }

    @Test
    void clientSecretBasicTokenReachesTheApi() {
        OAuth2Wire.issue(server, "tok-1", 3600);
        apiAnswers();

        Exchange out = template.request("direct:graph", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("{\"displayName\":\"Bot\"}");
        LoggedRequest tokenRequest = OAuth2Wire.tokenRequests(server).get(0);
        // RFC 6749 2.3.1: form-urlencode id and secret, then Basic
        String basic = Base64.getEncoder().encodeToString(
                "graph-client:s3cr3t%3AGr%40ph%2F%2B".getBytes(StandardCharsets.US_ASCII));
        assertThat(tokenRequest.getHeader("Authorization")).isEqualTo("Basic " + basic);
        assertThat(OAuth2Wire.form(tokenRequest)).containsExactly(Map.entry("grant_type", "client_credentials"));
        assertThat(OAuth2Wire.apiRequests(server)).singleElement()
                .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok-1"));
        assertThat(out.getMessage().getHeader(KsmConstants.CREDENTIAL_TYPE)).isEqualTo("OAUTH2_CLIENT_CREDENTIALS");
    }

    @Test
    void tokenIsKeptOnTheExchangeWithoutShowingIt() {
        OAuth2Wire.issue(server, "tok-1", 3600);

        Exchange out = template.request("direct:post", e -> { });

        assertThat(out.getException()).isNull();
        KsmOAuth2Token token = KsmOAuth2.token(out);
        assertThat(token.getCredentialName().value()).isEqualTo("Graph Post");
        assertThat(token.getScope()).contains("User.Read");
        assertThat(token.getExpiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(token.toString()).doesNotContain("tok-1").contains("Graph Post");
    }

    /** Exchanges carrying the same cached token share its handle; after an eviction the next one gets a new token. */
    @Test
    void exchangesWithTheSameTokenShareItsHandleUntilItIsEvicted() {
        OAuth2Wire.issue(server, "tok-1", 3600);

        KsmOAuth2Token first = KsmOAuth2.token(template.request("direct:post", e -> { }));
        KsmOAuth2Token second = KsmOAuth2.token(template.request("direct:post", e -> { }));
        assertThat(second).isSameAs(first);

        assertThat(second.evict()).isTrue();
        OAuth2Wire.issue(server, "tok-2", 3600);
        Exchange after = template.request("direct:post", e -> { });
        assertThat(after.getMessage().getHeader("Authorization")).isEqualTo("Bearer tok-2");
        assertThat(KsmOAuth2.token(after)).isNotSameAs(first);
        assertThat(first.evict()).as("tok-1 is no longer the cached token").isFalse();
        assertThat(OAuth2Wire.tokenRequests(server)).hasSize(2);
    }

    @Test
    void clientSecretPostSendsIdSecretScopeAndFormProperties() {
        OAuth2Wire.issue(server, "tok-2", 3600);

        Exchange out = template.request("direct:post", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Bearer tok-2");
        LoggedRequest request = OAuth2Wire.tokenRequests(server).get(0);
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(OAuth2Wire.form(request)).containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", CLIENT_ID).containsEntry("client_secret", CLIENT_SECRET)
                .containsEntry("scope", "User.Read").containsEntry("tenant", "contoso");
    }

    @Test
    void privateKeyJwtSignsAClientAssertionTheJdkVerifies() {
        OAuth2Wire.issue(server, "tok-3", 3600);

        Exchange out = template.request("direct:jwt", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Bearer tok-3");
        Map<String, String> form = OAuth2Wire.form(OAuth2Wire.tokenRequests(server).get(0));
        assertThat(form).containsEntry("client_id", CLIENT_ID)
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .doesNotContainKey("client_secret");
        String assertion = form.get("client_assertion");
        assertThat(OAuth2Wire.verifyRs256(assertion, OAuth2Wire.RSA.getPublic())).isTrue();
        assertThat(OAuth2Wire.verifyRs256(OAuth2Wire.tamper(assertion, "sub", "mallory"),
                OAuth2Wire.RSA.getPublic())).as("a tampered assertion").isFalse();
        assertThat(OAuth2Wire.jwtPart(assertion, 0)).containsEntry("alg", "RS256").containsEntry("kid", "key-1");
        assertThat(OAuth2Wire.jwtPart(assertion, 1)).containsEntry("iss", CLIENT_ID).containsEntry("sub", CLIENT_ID)
                .containsEntry("aud", OAuth2Wire.tokenUrl(server)).containsKeys("exp", "iat", "jti");
    }

    @Test
    void tokenIsCachedAcrossExchanges() {
        OAuth2Wire.issue(server, "tok-1", 3600);
        apiAnswers();

        for (int i = 0; i < 5; i++) {
            Exchange out = template.request("direct:graph", e -> { });
            assertThat(out.getException()).isNull();
        }

        assertThat(OAuth2Wire.tokenRequests(server)).hasSize(1);
        assertThat(OAuth2Wire.apiRequests(server)).hasSize(5)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok-1"));
        assertThat(ksm.audit().stream().filter(e -> e.operation().equals("authorize")))
                .as("every exchange is checked and audited, cached token or not").hasSize(5)
                .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.GRANTED));
    }

    @Test
    void concurrentExchangesShareOneTokenRequest() throws Exception {
        // a slow authorization server: every exchange arrives while the first request is still in flight
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH))
                .willReturn(okJson(OAuth2Wire.tokenJson("tok-shared", 3600)).withFixedDelay(500)));
        int exchanges = 32;
        ExecutorService pool = Executors.newFixedThreadPool(exchanges);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Exchange>> results = new ArrayList<>();
            for (int i = 0; i < exchanges; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return template.request("direct:narrow", e -> { });
                }));
            }
            start.countDown();
            for (Future<Exchange> result : results) {
                Exchange out = result.get(30, TimeUnit.SECONDS);
                assertThat(out.getException()).isNull();
                assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Bearer tok-shared");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(OAuth2Wire.tokenRequests(server)).hasSize(1);
        assertThat(context.getComponent("ksm", KsmComponent.class).getOauth2TokenProvider().statistics()
                .tokensFetched()).isEqualTo(1);
    }

    @Test
    void routesWithDifferentScopesNeverShareAToken() {
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).withFormParam("scope", equalTo("Mail.Read"))
                .willReturn(okJson(OAuth2Wire.tokenJson("tok-narrow", 3600))));
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).withFormParam("scope", equalTo("Mail.Read Mail.Send"))
                .willReturn(okJson(OAuth2Wire.tokenJson("tok-broad", 3600))));

        for (int i = 0; i < 3; i++) {
            assertThat(template.request("direct:narrow", e -> { }).getMessage().getHeader("Authorization"))
                    .isEqualTo("Bearer tok-narrow");
            assertThat(template.request("direct:broad", e -> { }).getMessage().getHeader("Authorization"))
                    .isEqualTo("Bearer tok-broad");
        }

        assertThat(OAuth2Wire.tokenRequests(server)).hasSize(2);
    }

    @Test
    void audienceAndResourceOptionsAreSent() {
        OAuth2Wire.issue(server, "tok-4", 3600);

        assertThat(template.request("direct:audience", e -> { }).getException()).isNull();

        assertThat(OAuth2Wire.form(OAuth2Wire.tokenRequests(server).get(0)))
                .containsEntry("audience", "https://api.example/").containsEntry("resource", "https://graph.example/");
    }

    @Test
    void apiKeyStyleHeaderCarriesTheBareAccessToken() {
        OAuth2Wire.issue(server, "tok-5", 3600);

        Exchange out = template.request("direct:apiKey", e -> { });

        assertThat(out.getMessage().getHeader("X-Token")).isEqualTo("tok-5");
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
    }

    @Test
    void denialHappensBeforeAnyTokenRequest() {
        OAuth2Wire.issue(server, "tok-1", 3600);

        Exchange out = template.request("direct:locked", e -> { });

        assertThat(out.getException()).isInstanceOf(io.camelksm.access.KsmAccessDeniedException.class);
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(server.getAllServeEvents()).as("requests to the authorization server").isEmpty();
        assertThat(ksm.lastAudit().outcome()).isEqualTo(AuditOutcome.DENIED);
    }

    @Test
    void expiredOrInvalidCredentialSendsNoTokenRequest() {
        OAuth2Wire.issue(server, "tok-1", 3600);

        Exchange expired = template.request("direct:expired", e -> { });
        Exchange invalid = template.request("direct:invalid", e -> { });

        assertThat(expired.getException()).isInstanceOf(io.camelksm.credential.CredentialUnavailableException.class)
                .hasMessageContaining("expired");
        assertThat(invalid.getException()).isInstanceOf(io.camelksm.credential.CredentialUnavailableException.class)
                .hasMessageContaining("invalid");
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(ksm.lastAudit().outcome()).isEqualTo(AuditOutcome.FAILED);
    }

    @Test
    void tokenEndpointErrorFailsTheExchangeNamingTheServersCodeNotTheSecret() {
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));

        Exchange out = template.request("direct:graph", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("invalid_client").hasMessageContaining("Graph").hasMessageContaining("401")
                .hasMessageNotContaining(CLIENT_SECRET);
        KsmTokenException failure = (KsmTokenException) out.getException();
        assertThat(failure.getErrorCode()).contains("invalid_client");
        assertThat(failure.getHttpStatus()).isEqualTo(401);
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(OAuth2Wire.apiRequests(server)).as("the API is not called").isEmpty();
        AuditEvent event = ksm.lastAudit();
        assertThat(event.outcome()).as("access was decided before the token request").isEqualTo(AuditOutcome.GRANTED);
        assertThat(event.reason()).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void plainHttpTokenUrlOffLoopbackIsRefusedBeforeSending() {
        Exchange out = template.request("direct:remote", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("plain http").hasMessageNotContaining(CLIENT_SECRET);
        assertThat(((KsmTokenException) out.getException()).getAttempts()).isZero();
    }
}
