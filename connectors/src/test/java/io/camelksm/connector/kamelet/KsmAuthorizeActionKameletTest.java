package io.camelksm.connector.kamelet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * {@code ksm-authorize-action} in YAML routes, followed by an HTTP step: the header it puts is what the API
 * (WireMock) receives; the route removes it after the call, so the reply carries none. The action itself removes
 * nothing: its output is the header.
 */
class KsmAuthorizeActionKameletTest extends KameletRouteTestSupport {

    @RegisterExtension
    static WireMockExtension api = OAuth2Wire.server();

    @RegisterExtension
    static WireMockExtension authorizationServer = OAuth2Wire.server();

    private static final String TOKEN = "orders-bearer-4c2";

    @Override
    protected void credentials() {
        ksm.add(Credential.builder("Orders", CredentialType.BEARER).value(CredentialField.TOKEN, TOKEN).build());
        ksm.grant("Orders", "buyer", "*", KsmTestSupport.NODE);
        ksm.add(Credential.builder("Stock", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "stock-client").value(CredentialField.CLIENT_SECRET, "cs-stock-77")
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(authorizationServer)).build());
        ksm.grantAnyone("Stock");
    }

    @Override
    protected String yamlRoutes() {
        return """
                - route:
                    id: orders
                    from:
                      uri: direct:orders
                      steps:
                      - to:
                          uri: "kamelet:ksm-authorize-action?credential=Orders"
                      - to:
                          uri: "%1$s/api/orders"
                      - removeHeader:
                          name: Authorization
                - route:
                    id: stock
                    from:
                      uri: direct:stock
                      steps:
                      - to:
                          uri: kamelet:ksm-authorize-action
                          parameters:
                            credential: Stock
                            scope: stock.read
                            resource: https://stock.example/
                      - to:
                          uri: "%1$s/api/stock"
                      - removeHeader:
                          name: Authorization
                - route:
                    id: authorize-only
                    from:
                      uri: direct:authorizeOnly
                      steps:
                      - to:
                          uri: "kamelet:ksm-authorize-action?credential=Orders"
                """.formatted("http://127.0.0.1:" + api.getPort());
    }

    @Test
    void theHttpStepAfterTheActionSendsTheBearerTokenAndTheReplyHasNone() {
        api.stubFor(get(urlEqualTo("/api/orders")).willReturn(aResponse().withStatus(200).withBody("[order-1]")));

        Exchange out = requestAs("direct:orders", null, "bob", "buyer");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("[order-1]");
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(OAuth2Wire.requests(api, "/api/orders").get(0).getHeader("Authorization"))
                .isEqualTo("Bearer " + TOKEN);
        AuditEvent granted = ksm.lastAudit();
        assertThat(granted.outcome()).isEqualTo(AuditOutcome.GRANTED);
        assertThat(granted.principal()).isEqualTo("bob");
    }

    @Test
    void oauthOptionsOfTheActionReachTheAuthorizationServer() {
        OAuth2Wire.issue(authorizationServer, "stock-token-1", 3600);
        api.stubFor(get(urlEqualTo("/api/stock")).willReturn(aResponse().withStatus(200).withBody("12")));

        Exchange out = template.request("direct:stock", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(OAuth2Wire.form(OAuth2Wire.tokenRequests(authorizationServer).get(0)))
                .containsEntry("grant_type", "client_credentials").containsEntry("scope", "stock.read")
                .containsEntry("resource", "https://stock.example/");
        LoggedRequest call = OAuth2Wire.requests(api, "/api/stock").get(0);
        assertThat(call.getHeader("Authorization")).isEqualTo("Bearer stock-token-1");
    }

    @Test
    void aCallerWithoutTheGrantIsDeniedAuditedAndTheApiIsNotCalled() {
        Exchange out = requestAs("direct:orders", null, "mallory", "visitor");

        assertThat(out.getException()).isInstanceOf(KsmAccessDeniedException.class);
        assertThat(out.getException().getMessage()).doesNotContain(TOKEN);
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(api.getAllServeEvents()).isEmpty();
        AuditEvent denied = ksm.lastAudit();
        assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(denied.credential()).isEqualTo("Orders");
        assertThat(denied.principal()).isEqualTo("mallory");
    }

    /** The documented contract: the action's output is the header, for the route's next step to use and remove. */
    @Test
    void theActionLeavesTheHeaderForTheNextStep() {
        Exchange out = requestAs("direct:authorizeOnly", null, "bob", "buyer");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }
}
