package io.camelksm.connector.route;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.audit.AuditEvent;
import io.camelksm.connector.ConnectorCallException;
import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;

/**
 * Basic with {@code preemptive: false} ({@code connectors-test/legacy-basic.yaml}): the first request goes without
 * {@code Authorization}; only a {@code 401} with a {@code WWW-Authenticate: Basic} challenge brings one retry with it.
 * Without such a challenge the credential is not even read.
 */
class BasicChallengeTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true)).build();

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("legacy-bot:L3gacy pass".getBytes(StandardCharsets.UTF_8));

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("Legacy", CredentialType.BASIC).field(CredentialField.USERNAME, "legacy-bot")
                .value(CredentialField.PASSWORD, "L3gacy pass").build());
        ksm.grantAnyone("Legacy");
        Properties properties = new Properties();
        String base = "http://127.0.0.1:" + api.getPort();
        for (String name : List.of("partner-api", "token-api", "legacy-basic")) {
            properties.put(name + ".base-url", base);
        }
        context.getPropertiesComponent().setOverrideProperties(properties);
        return new ConnectorRoutes(ConnectorDefinitions.load("classpath:connectors-test/"));
    }

    /** Requests in the order received. */
    private static List<LoggedRequest> requests() {
        List<LoggedRequest> all = new ArrayList<>(api.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
        Collections.reverse(all);
        return all;
    }

    /** The decisions of the connector's routes on the credential (not the test's own setup). */
    private List<AuditEvent> legacyDecisions() {
        return ksm.audit().stream().filter(e -> "Legacy".equals(e.credential()) && e.routeId() != null).toList();
    }

    private static void challengeWithoutAuthorization(String method, String path) {
        var request = method.equals("GET") ? get(urlEqualTo(path)) : post(urlEqualTo(path));
        api.stubFor(request.withHeader("Authorization", absent()).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"legacy\", charset=\"UTF-8\"")
                .withHeader("Content-Type", "text/html").withBody("<html>401</html>")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBasicChallengeBringsOneRetryWithTheHeader() {
        challengeWithoutAuthorization("GET", "/report");
        api.stubFor(get(urlEqualTo("/report")).withHeader("Authorization", equalTo(BASIC))
                .willReturn(okJson("{\"rows\": 3}")));

        Exchange out = template.request("direct:legacy-basic.report", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("rows", 3);
        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).containsHeader("Authorization")).isFalse();
        assertThat(requests.get(1).getHeader("Authorization")).isEqualTo(BASIC);
        assertThat(requests.get(1).containsHeader("Content-Type")).as("nothing of the 401 answer goes back").isFalse();
        assertThat(legacyDecisions()).hasSize(1);
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("Authorization");
    }

    @Test
    void theRetrySendsTheSameBody() {
        challengeWithoutAuthorization("POST", "/upload");
        api.stubFor(post(urlEqualTo("/upload")).withHeader("Authorization", equalTo(BASIC))
                .willReturn(okJson("{\"stored\": true}")));

        Exchange out = template.request("direct:legacy-basic.upload", e -> e.getMessage().setHeader("name", "q3.csv"));

        assertThat(out.getException()).isNull();
        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getBodyAsString()).isEqualToIgnoringWhitespace("{\"name\": \"q3.csv\"}")
                .isEqualTo(requests.get(0).getBodyAsString());
        assertThat(requests.get(1).getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutAChallengeNoHeaderIsSentAndTheCredentialIsNotRead() {
        api.stubFor(get(urlEqualTo("/report")).willReturn(okJson("{\"rows\": 1}")));

        Exchange out = template.request("direct:legacy-basic.report", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("rows", 1);
        assertThat(requests()).hasSize(1);
        assertThat(requests().get(0).containsHeader("Authorization")).isFalse();
        assertThat(legacyDecisions()).isEmpty();
    }

    @Test
    void aChallengeForAnotherSchemeIsNotAnswered() {
        api.stubFor(get(urlEqualTo("/report")).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer realm=\"legacy\", error=\"invalid_token\"")));

        Exchange out = template.request("direct:legacy-basic.report", e -> { });

        assertThat(out.getException()).isInstanceOf(ConnectorCallException.class).hasMessageContaining("HTTP 401");
        assertThat(requests()).hasSize(1);
        assertThat(legacyDecisions()).isEmpty();
    }

    @Test
    void aSecond401EndsTheCall() {
        api.stubFor(get(urlEqualTo("/report")).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"legacy\"")));

        Exchange out = template.request("direct:legacy-basic.report", e -> { });

        assertThat(out.getException()).isInstanceOf(ConnectorCallException.class).hasMessageContaining("HTTP 401");
        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).containsHeader("Authorization")).isFalse();
        assertThat(requests.get(1).getHeader("Authorization")).isEqualTo(BASIC);
    }
}
