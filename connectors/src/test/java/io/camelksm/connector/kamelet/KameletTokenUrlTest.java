package io.camelksm.connector.kamelet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
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
import io.camelksm.testsupport.OAuth2Wire;

/**
 * The Kamelets' {@code tokenUrl} property: each Kamelet asks the token endpoint it names instead of the credential's
 * own when the credential's {@code allowedHosts} names its host; on any other host the client secret goes nowhere.
 */
class KameletTokenUrlTest extends KameletRouteTestSupport {

    @RegisterExtension
    static WireMockExtension api = OAuth2Wire.server();
    /** The credential's own token endpoint. */
    @RegisterExtension
    static WireMockExtension own = OAuth2Wire.server();
    /** The tenant's token endpoint, on the allowed host 127.0.0.1. */
    @RegisterExtension
    static WireMockExtension tenant = OAuth2Wire.server();
    /** A token endpoint the credential does not allow: reached as localhost, which allowedHosts does not name. */
    @RegisterExtension
    static WireMockExtension elsewhere = OAuth2Wire.server();

    private static final String CLIENT_SECRET = "cs-Tenant-5e1!";

    @Override
    protected void credentials() {
        ksm.add(Credential.builder("Tenant", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "tenant-client").value(CredentialField.CLIENT_SECRET, CLIENT_SECRET)
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_post")
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(own))
                .property(CredentialProperty.plain("allowedHosts", "127.0.0.1")).build());
        ksm.grantAnyone("Tenant");
    }

    @Override
    protected String yamlRoutes() {
        // every server would answer, so that a request that should not have been sent is seen rather than failing
        OAuth2Wire.issue(own, "own-token", 3600);
        OAuth2Wire.issue(tenant, "tenant-token", 3600);
        OAuth2Wire.issue(elsewhere, "elsewhere-token", 3600);
        api.stubFor(put(urlEqualTo("/api/ledger")).willReturn(aResponse().withStatus(200).withBody("booked")));
        api.stubFor(get(urlEqualTo("/api/stock")).willReturn(okJson("{\"level\":4}")));
        api.stubFor(get(urlEqualTo("/api/quotes")).willReturn(okJson("{\"quote\":\"ok\"}")));
        api.stubFor(put(urlEqualTo("/api/refused")).willReturn(aResponse().withStatus(200)));
        return """
                - route:
                    id: sink
                    from:
                      uri: direct:sink
                      steps:
                      - to:
                          uri: kamelet:ksm-http-sink
                          parameters:
                            credential: Tenant
                            url: "%1$s/api/ledger"
                            method: PUT
                            tokenUrl: "%2$s"
                - route:
                    id: action
                    from:
                      uri: direct:action
                      steps:
                      - to:
                          uri: kamelet:ksm-authorize-action
                          parameters:
                            credential: Tenant
                            tokenUrl: "%2$s"
                      - to:
                          uri: "%1$s/api/stock"
                      - removeHeader:
                          name: Authorization
                - route:
                    id: quotes
                    from:
                      uri: kamelet:ksm-http-source
                      parameters:
                        credential: Tenant
                        url: "%1$s/api/quotes"
                        period: 3600000
                        tokenUrl: "%2$s"
                      steps:
                      - to:
                          uri: mock:quotes
                - route:
                    id: refused
                    from:
                      uri: direct:refused
                      steps:
                      - to:
                          uri: kamelet:ksm-http-sink/refused-sink
                          parameters:
                            credential: Tenant
                            url: "%1$s/api/refused"
                            method: PUT
                            tokenUrl: "%3$s"
                """.formatted("http://127.0.0.1:" + api.getPort(), OAuth2Wire.tokenUrl(tenant),
                "http://localhost:" + elsewhere.getPort() + OAuth2Wire.TOKEN_PATH);
    }

    @Test
    void theSinkFetchesItsTokenFromTheTokenUrlOnAnAllowedHost() {
        Exchange out = template.request("direct:sink", e -> e.getMessage().setBody("entry"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("booked");
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(OAuth2Wire.requests(api, "/api/ledger").get(0).getHeader("Authorization"))
                .isEqualTo("Bearer tenant-token");
        assertTokensCameFromTheTenantOnly();
    }

    @Test
    void theActionFetchesItsTokenFromTheTokenUrlOnAnAllowedHost() {
        Exchange out = template.request("direct:action", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("{\"level\":4}");
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(OAuth2Wire.requests(api, "/api/stock").get(0).getHeader("Authorization"))
                .isEqualTo("Bearer tenant-token");
        assertTokensCameFromTheTenantOnly();
    }

    @Test
    void theSourceFetchesItsTokenFromTheTokenUrlOnAnAllowedHost() throws InterruptedException {
        MockEndpoint quotes = getMockEndpoint("mock:quotes");
        quotes.expectedMinimumMessageCount(1);

        quotes.assertIsSatisfied();

        assertThat(quotes.getReceivedExchanges().get(0).getMessage().getHeader("Authorization")).isNull();
        assertThat(OAuth2Wire.requests(api, "/api/quotes").get(0).getHeader("Authorization"))
                .isEqualTo("Bearer tenant-token");
        assertTokensCameFromTheTenantOnly();
    }

    @Test
    void aTokenUrlOnAHostTheCredentialDoesNotAllowIsRefusedAndNothingIsSent() {
        Exchange out = template.request("direct:refused", e -> e.getMessage().setBody("entry"));

        assertThat(out.getException()).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("tokenUrl host 'localhost' is not one of the credential's allowedHosts"
                                      + " [127.0.0.1]")
                .hasMessageNotContaining(CLIENT_SECRET);
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(elsewhere.getAllServeEvents()).isEmpty();
        assertThat(OAuth2Wire.tokenRequests(own)).isEmpty();
        assertThat(OAuth2Wire.requests(api, "/api/refused")).isEmpty();
        // the exchange's access decision is audited (the source's timer may audit too: only this route's count);
        // the refusal of the token URL comes after it, in the exception, and adds no audit event of its own
        List<AuditEvent> events = ksm.audit().stream().filter(e -> "refused-sink".equals(e.process())).toList();
        assertThat(events).first().satisfies(e -> {
            assertThat(e.credential()).isEqualTo("Tenant");
            assertThat(e.operation()).isEqualTo("authorize");
            assertThat(e.outcome()).isEqualTo(AuditOutcome.GRANTED);
        });
    }

    /** The client authenticated at the tenant's endpoint; the credential's own was never asked. */
    private static void assertTokensCameFromTheTenantOnly() {
        assertThat(OAuth2Wire.tokenRequests(tenant)).isNotEmpty().allSatisfy((LoggedRequest r) ->
                assertThat(OAuth2Wire.form(r)).containsEntry("grant_type", "client_credentials")
                        .containsEntry("client_id", "tenant-client").containsEntry("client_secret", CLIENT_SECRET));
        assertThat(own.getAllServeEvents()).isEmpty();
        assertThat(elsewhere.getAllServeEvents()).isEmpty();
    }
}
