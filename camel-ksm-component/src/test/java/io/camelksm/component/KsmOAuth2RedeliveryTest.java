package io.camelksm.component;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * The API rejects a token the authorization server still considers valid (revoked, rotated keys): the 401 evicts it,
 * and Camel's redelivery, re-running the {@code ksm:} step in a sub-route, succeeds with a fresh token. Also the
 * recipe's failure modes: without eviction the retry resends the rejected token.
 */
class KsmOAuth2RedeliveryTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "graph-client").value(CredentialField.CLIENT_SECRET, "secret")
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build());
        ksm.grantAnyone("Graph");
        String api = OAuth2Wire.api(server, "/api/me");
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the recipe: redeliver the call of a sub-route that holds both the ksm: step and the API call
                from("direct:sync").routeId("sync")
                        .onException(HttpOperationFailedException.class).onWhen(KsmOAuth2.unauthorized())
                            .maximumRedeliveries(1).redeliveryDelay(0).onRedelivery(KsmOAuth2.evictToken())
                        .end()
                        .to("direct:graph");
                from("direct:graph").routeId("graph").errorHandler(noErrorHandler())
                        .to("ksm:Graph")
                        .to(api);

                // redelivery without eviction: the retried sub-route gets the same cached token
                from("direct:syncNoEvict").routeId("syncNoEvict")
                        .onException(HttpOperationFailedException.class).maximumRedeliveries(1).redeliveryDelay(0)
                        .end()
                        .to("direct:graph");

                // a general error handler: evictTokenOn401 evicts only for a 401
                from("direct:syncAnyError").routeId("syncAnyError")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(0)
                                .onRedelivery(KsmOAuth2.evictTokenOn401()))
                        .to("direct:graph");

                // no redelivery: the option evicts at the end of the failed exchange, the next one gets a new token
                from("direct:once").routeId("once").to("ksm:Graph?evictTokenOn401=true").to(api);
                from("direct:onceKeep").routeId("onceKeep").to("ksm:Graph?evictTokenOn401=false").to(api);
                // the defaults: evictTokenOn401 is on
                from("direct:onceDefault").routeId("onceDefault").to("ksm:Graph").to(api);
                from("direct:onceNoThrow").routeId("onceNoThrow").to("ksm:Graph?evictTokenOn401=true")
                        .to(api + "?throwExceptionOnFailure=false");
            }
        };
    }

    /** The authorization server issues tok-1, then tok-2, ... one per request. */
    private static void issueNumberedTokens(int count) {
        for (int i = 1; i <= count; i++) {
            server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).inScenario("tokens")
                    .whenScenarioStateIs(i == 1 ? STARTED : "issued-" + (i - 1))
                    .willReturn(okJson(OAuth2Wire.tokenJson("tok-" + i, 3600))).willSetStateTo("issued-" + i));
        }
    }

    /** The API has stopped accepting tok-1 (revoked) and answers the given status for it; later tokens work. */
    private static void apiRejectsFirstToken(int status) {
        server.stubFor(get(urlEqualTo("/api/me")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(status).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        server.stubFor(get(urlEqualTo("/api/me")).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(aResponse().withStatus(200).withBody("me")));
    }

    private static java.util.List<String> apiAuthorizations() {
        return OAuth2Wire.apiRequests(server).stream().map((LoggedRequest r) -> r.getHeader("Authorization")).toList();
    }

    @Test
    void unauthorizedThenRedeliveryWithAFreshTokenSucceeds() {
        issueNumberedTokens(3);
        apiRejectsFirstToken(401);

        Exchange out = template.request("direct:sync", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("me");
        assertThat(apiAuthorizations()).containsExactly("Bearer tok-1", "Bearer tok-2");
        assertThat(OAuth2Wire.tokenRequests(server)).hasSize(2);
        assertThat(ksm.audit().stream().filter(e -> e.operation().equals("authorize")))
                .as("the redelivered ksm: step is checked and audited again").hasSize(2);

        // the fresh token is cached for later exchanges
        assertThat(template.request("direct:sync", e -> { }).getException()).isNull();
        assertThat(OAuth2Wire.tokenRequests(server)).hasSize(2);
    }

    @Test
    void redeliveryWithoutEvictionResendsTheRejectedToken() {
        issueNumberedTokens(3);
        apiRejectsFirstToken(401);

        Exchange out = template.request("direct:syncNoEvict", e -> { });

        assertThat(out.getException()).isInstanceOf(HttpOperationFailedException.class);
        assertThat(((HttpOperationFailedException) out.getException()).getStatusCode()).isEqualTo(401);
        assertThat(apiAuthorizations()).containsExactly("Bearer tok-1", "Bearer tok-1");
        assertThat(OAuth2Wire.tokenRequests(server)).hasSize(1);
    }

    @Test
    void evictTokenOn401InAGeneralErrorHandlerEvictsOnlyFor401() {
        issueNumberedTokens(3);
        apiRejectsFirstToken(401);

        assertThat(template.request("direct:syncAnyError", e -> { }).getException()).isNull();
        assertThat(apiAuthorizations()).containsExactly("Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void serverErrorsDoNotEvict() {
        issueNumberedTokens(3);
        apiRejectsFirstToken(500);

        Exchange out = template.request("direct:syncAnyError", e -> { });

        assertThat(out.getException()).isInstanceOf(HttpOperationFailedException.class);
        assertThat(apiAuthorizations()).containsExactly("Bearer tok-1", "Bearer tok-1");
        assertThat(OAuth2Wire.tokenRequests(server)).hasSize(1);
    }

    @Test
    void evictTokenOn401OptionGivesTheNextExchangeAFreshToken() {
        issueNumberedTokens(3);
        apiRejectsFirstToken(401);

        Exchange first = template.request("direct:once", e -> { });
        Exchange second = template.request("direct:once", e -> { });

        assertThat(first.getException()).isInstanceOf(HttpOperationFailedException.class);
        assertThat(second.getException()).isNull();
        assertThat(apiAuthorizations()).containsExactly("Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void evictTokenOn401OptionAlsoReadsTheResponseCodeHeader() {
        issueNumberedTokens(3);
        apiRejectsFirstToken(401);

        Exchange first = template.request("direct:onceNoThrow", e -> { });
        Exchange second = template.request("direct:onceNoThrow", e -> { });

        assertThat(first.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(401);
        assertThat(second.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(200);
        assertThat(apiAuthorizations()).containsExactly("Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void byDefaultA401EvictsAndTheNextExchangeGetsAFreshToken() {
        issueNumberedTokens(3);
        apiRejectsFirstToken(401);

        Exchange first = template.request("direct:onceDefault", e -> { });
        Exchange second = template.request("direct:onceDefault", e -> { });

        assertThat(first.getException()).isInstanceOf(HttpOperationFailedException.class);
        assertThat(second.getException()).isNull();
        assertThat(apiAuthorizations()).containsExactly("Bearer tok-1", "Bearer tok-2");
        assertThat(OAuth2Wire.tokenRequests(server)).hasSize(2);
    }

    @Test
    void byDefaultConcurrent401sCauseOneNewTokenRequest() throws Exception {
        issueNumberedTokens(3);
        // the API answers slowly, so every exchange of the first wave holds tok-1 when the 401s come back
        server.stubFor(get(urlEqualTo("/api/me")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401).withFixedDelay(300)));
        server.stubFor(get(urlEqualTo("/api/me")).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(aResponse().withStatus(200).withBody("me")));
        int parallel = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        try {
            java.util.List<java.util.concurrent.Future<Exchange>> wave = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < parallel; i++) {
                wave.add(pool.submit(() -> {
                    start.await();
                    return template.request("direct:onceDefault", e -> { });
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Exchange> f : wave) {
                f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(apiAuthorizations()).as("all of the first wave").contains("Bearer tok-1");

            java.util.List<java.util.concurrent.Future<Exchange>> next = new java.util.ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                next.add(pool.submit(() -> template.request("direct:onceDefault", e -> { })));
            }
            for (java.util.concurrent.Future<Exchange> f : next) {
                assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS).getException()).isNull();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(OAuth2Wire.tokenRequests(server)).as("tok-1, then one tok-2 for every 401").hasSize(2);
    }

    @Test
    void withoutTheOptionTheRejectedTokenStaysCached() {
        issueNumberedTokens(3);
        apiRejectsFirstToken(401);

        template.request("direct:onceKeep", e -> { });
        Exchange second = template.request("direct:onceKeep", e -> { });

        assertThat(second.getException()).isInstanceOf(HttpOperationFailedException.class);
        assertThat(apiAuthorizations()).containsExactly("Bearer tok-1", "Bearer tok-1");
    }

    @Test
    void manyExchangesRejectedWithTheSameTokenCostOneNewToken() {
        issueNumberedTokens(3);
        apiRejectsFirstToken(401);
        Exchange[] rejected = new Exchange[3];
        for (int i = 0; i < rejected.length; i++) {
            rejected[i] = template.request("direct:onceKeep", e -> { });
        }

        for (Exchange exchange : rejected) {
            KsmOAuth2.evict(exchange, "in test");
        }

        assertThat(template.request("direct:onceKeep", e -> { }).getException()).isNull();
        assertThat(OAuth2Wire.tokenRequests(server)).as("tok-1, then one tok-2").hasSize(2);
    }
}
