package io.camelksm.connector.route;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.definition.ConnectorDefinitionReader;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * OAuth 2.0 client credentials with the definition's scope, Basic sent only after a challenge, a base URL from a
 * Camel property and an action's timeout: WireMock on loopback as authorization server and API.
 */
class ConnectorRoutesAuthenticationTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    private static final String CLIENT_SECRET = "s3cr3t:Gr@ph/+";
    private static final String PASSWORD = "chall3nge!";

    private static final String GRAPH = """
            name: graph
            baseUrl: "{{graph.url}}"
            authentication:
              type: oauth2-client-credentials
              credential: Graph
              scope: https://graph.microsoft.com/.default
            actions:
              - name: me
                method: GET
                path: /api/me
                outputs:
                  displayName: $.displayName
              - name: slow
                method: GET
                path: /api/slow
                timeout: 200ms
            """;

    private static final String LEGACY = """
            name: legacy
            baseUrl: http://127.0.0.1:%d
            authentication:
              type: basic
              credential: Legacy
              preemptive: false
            actions:
              - name: status
                method: GET
                path: /api/status
                outputs:
                  ok: $.ok
            """;

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "graph-client").value(CredentialField.CLIENT_SECRET, CLIENT_SECRET)
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build());
        ksm.add(Credential.builder("Legacy", CredentialType.BASIC).field(CredentialField.USERNAME, "bot")
                .value(CredentialField.PASSWORD, PASSWORD).build());
        ksm.grantAnyone("Graph").grantAnyone("Legacy");
        context.getPropertiesComponent().addInitialProperty("graph.url", "http://127.0.0.1:" + server.getPort());
        return new ConnectorRoutes(ConnectorDefinitions.of(List.of(
                ConnectorDefinitionReader.read("graph.yaml", GRAPH),
                ConnectorDefinitionReader.read("legacy.yaml", LEGACY.formatted(server.getPort())))));
    }

    @Test
    void clientCredentialsTokenWithTheDefinitionsScope() {
        OAuth2Wire.issue(server, "tok-1", 3600);
        server.stubFor(get(urlEqualTo("/api/me")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(okJson("{\"displayName\":\"Bot\"}")));

        Exchange out = template.request("direct:graph.me", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("displayName", "Bot");
        assertThat(OAuth2Wire.form(OAuth2Wire.tokenRequests(server).get(0)))
                .containsEntry("scope", "https://graph.microsoft.com/.default");
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("Authorization");
    }

    @Test
    void basicWithoutPreemptionAnswersTheChallenge() {
        server.stubFor(get(urlEqualTo("/api/status")).withHeader("Authorization", absent())
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"legacy\"")));
        server.stubFor(get(urlEqualTo("/api/status")).withHeader("Authorization", equalTo("Basic Ym90OmNoYWxsM25nZSE="))
                .willReturn(okJson("{\"ok\":true}")));

        Exchange out = template.request("direct:legacy.status", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("ok", true);
        server.verify(2, getRequestedFor(urlEqualTo("/api/status")));
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("Authorization");
    }

    @Test
    void basicWithoutPreemptionSendsNothingWhenNotChallenged() {
        server.stubFor(get(urlEqualTo("/api/status")).willReturn(okJson("{\"ok\":true}")));

        Exchange out = template.request("direct:legacy.status", e -> { });

        assertThat(out.getException()).isNull();
        server.verify(1, getRequestedFor(urlEqualTo("/api/status")).withHeader("Authorization", absent()));
        assertThat(routeDecisions()).isEmpty();
    }

    @Test
    void actionTimeoutEndsASlowCall() {
        OAuth2Wire.issue(server, "tok-1", 3600);
        server.stubFor(get(urlEqualTo("/api/slow")).willReturn(okJson("{}").withFixedDelay(5_000)));

        Exchange out = template.request("direct:graph.slow", e -> { });

        assertThat(out.getException()).isInstanceOf(java.net.SocketTimeoutException.class);
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("Authorization");
    }

    private List<io.camelksm.audit.AuditEvent> routeDecisions() {
        return ksm.audit().stream().filter(event -> event.routeId() != null).toList();
    }
}
