package io.camelksm.connector.route;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.access.KsmSendRefusedException;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.connector.ConnectorCallException;
import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.ConnectorHeaders;
import io.camelksm.connector.definition.ConnectorDefinitionReader;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;

/**
 * Connector calls keep a credential's {@code sendTo}: the Authorization header and custom authentication's values (a
 * header, the query, a token) reach only the bound host, a refusal is audited naming the host, and a redirect to
 * another host is never followed, so the second server receives nothing.
 */
class ConnectorSendToTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    @RegisterExtension
    static WireMockExtension second = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String TOKEN = "ghp_b0und-T0ken";
    private static final String API_KEY = "k3y-B0und-Weather";

    private static final String GITHUB = """
            name: github
            baseUrl: http://127.0.0.1:%d
            authentication:
              type: bearer
              credential: GitHubBound
              allowedCredentials: [GitHubBound, GitHubElsewhere]
            actions:
              - name: repo
                method: GET
                path: /repos/{repo}
                parameters:
                  - { name: repo, required: true }
              - name: moved
                method: GET
                path: /moved
            """;

    private static final String WEATHER = """
            name: weather
            baseUrl: http://127.0.0.1:%d
            authentication:
              type: custom
              credential: WeatherBound
              allowedCredentials: [WeatherBound, WeatherElsewhere]
              custom:
                headers:
                  X-Api-Key: "[Credential.Password]"
                query:
                  account: "[Credential.Username]"
            actions:
              - name: forecast
                method: GET
                path: /forecast
              - name: moved
                method: GET
                path: /moved
            """;

    private static final String TOKEN_IN_QUERY = """
            name: tokenq
            baseUrl: http://127.0.0.1:%d
            authentication:
              type: custom
              credential: TokenElsewhere
              custom:
                query:
                  access_token: "[Credential.Token]"
            actions:
              - name: list
                method: GET
                path: /list
            """;

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        String bound = "http://127.0.0.1:" + api.getPort();
        ksm.add(bearer("GitHubBound", TOKEN, bound));
        ksm.add(bearer("GitHubElsewhere", TOKEN, "api.github.com"));
        ksm.add(bearer("TokenElsewhere", TOKEN, "api.example.com"));
        ksm.add(general("WeatherBound", bound));
        ksm.add(general("WeatherElsewhere", "api.weather.example"));
        List.of("GitHubBound", "GitHubElsewhere", "TokenElsewhere", "WeatherBound", "WeatherElsewhere")
                .forEach(ksm::grantAnyone);
        int port = api.getPort();
        RouteBuilder connectors = new ConnectorRoutes(ConnectorDefinitions.of(List.of(
                ConnectorDefinitionReader.read("github.yaml", GITHUB.formatted(port)),
                ConnectorDefinitionReader.read("weather.yaml", WEATHER.formatted(port)),
                ConnectorDefinitionReader.read("tokenq.yaml", TOKEN_IN_QUERY.formatted(port)))));
        RouteBuilder caller = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:forecastThenElsewhere").to("direct:weather.forecast")
                        .to("http://localhost:" + second.getPort() + "/after");
            }
        };
        return new RoutesBuilder[] { connectors, caller };
    }

    private static Credential bearer(String name, String token, String sendTo) {
        return Credential.builder(name, CredentialType.BEARER).value(CredentialField.TOKEN, token)
                .property(CredentialProperty.plain("sendTo", sendTo)).build();
    }

    private static Credential general(String name, String sendTo) {
        return Credential.builder(name, CredentialType.GENERAL).field(CredentialField.USERNAME, "acct-7")
                .value(CredentialField.PASSWORD, API_KEY).property(CredentialProperty.plain("sendTo", sendTo)).build();
    }

    @BeforeEach
    void stubs() {
        api.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        api.stubFor(any(urlPathEqualTo("/moved")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://localhost:" + second.getPort() + "/landing")));
        second.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void aBoundCredentialReachesItsHost() {
        Exchange out = template.request("direct:github.repo", e -> e.getMessage().setHeader("repo", "hello"));

        assertThat(out.getException()).isNull();
        assertThat(api.getAllServeEvents().get(0).getRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aCredentialBoundElsewhereIsRefusedAuditedAndNothingIsSent() {
        Exchange out = template.request("direct:github.repo", e -> {
            e.getMessage().setHeader("repo", "hello");
            e.getMessage().setHeader(ConnectorHeaders.CREDENTIAL, "GitHubElsewhere");
        });

        assertRefused(out, "GitHubElsewhere");
        AuditEvent denied = ksm.lastAudit();
        assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(denied.operation()).isEqualTo("send");
        assertThat(denied.routeId()).isEqualTo("ksm-connector.github.repo");
        assertThat(denied.reason()).contains("refused sending to host '127.0.0.1'").doesNotContain(TOKEN);
    }

    @Test
    void customAuthenticationValuesGoOnlyToTheBoundHost() {
        Exchange bound = template.request("direct:weather.forecast", e -> { });
        Exchange elsewhere = template.request("direct:weather.forecast",
                e -> e.getMessage().setHeader(ConnectorHeaders.CREDENTIAL, "WeatherElsewhere"));

        assertThat(bound.getException()).isNull();
        LoggedRequest request = api.getAllServeEvents().get(0).getRequest();
        assertThat(request.getHeader("X-Api-Key")).isEqualTo(API_KEY);
        assertThat(request.getUrl()).isEqualTo("/forecast?account=acct-7");
        assertRefused(elsewhere, "WeatherElsewhere");
        assertThat(api.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aTokenPlacedInTheQueryIsBoundToo() {
        assertRefused(template.request("direct:tokenq.list", e -> { }), "TokenElsewhere");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowedWithTheAuthorizationHeader() {
        Exchange out = template.request("direct:github.moved", e -> { });

        assertThat(out.getException()).isInstanceOf(ConnectorCallException.class).hasMessageContaining("HTTP 302")
                .hasMessageNotContaining(TOKEN);
        assertThat(api.getAllServeEvents()).hasSize(1);
        assertThat(second.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowedWithACustomHeader() {
        Exchange out = template.request("direct:weather.moved", e -> { });

        assertThat(out.getException()).isInstanceOf(ConnectorCallException.class).hasMessageContaining("HTTP 302")
                .hasMessageNotContaining(API_KEY);
        assertThat(second.getAllServeEvents()).isEmpty();
    }

    @Test
    void afterTheCallTheCallersExchangeIsFreeAgainAndCarriesNoSecret() {
        Exchange out = template.request("direct:forecastThenElsewhere", e -> { });

        assertThat(out.getException()).isNull();
        LoggedRequest after = second.getAllServeEvents().get(0).getRequest();
        assertThat(after.getUrl()).isEqualTo("/after");
        assertThat(after.getHeader("X-Api-Key")).isNull();
        assertThat(after.getHeader("Authorization")).isNull();
    }

    private void assertRefused(Exchange out, String credential) {
        assertThat(out.getException()).isInstanceOf(KsmSendRefusedException.class)
                .hasMessageContaining("Sending credential '" + credential + "' (send) to host '127.0.0.1' refused")
                .hasMessageNotContaining(TOKEN).hasMessageNotContaining(API_KEY);
        assertThat(second.getAllServeEvents()).isEmpty();
    }
}
