package io.camelksm.component;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmTracedCamelTestSupport;
import io.camelksm.testsupport.LogCapture;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * With tracing, message history and the log mask on, neither the client secret nor the access token reaches any log
 * of the client side (our own, Camel's, OkHttp's), nor the audit trail: when the token is issued, cached, rejected by
 * the API and evicted, and when the token endpoint fails. Left out: WireMock's own logs (the server side), and the
 * header and wire loggers of Apache HttpClient (camel-http's client), which at DEBUG print every header they send,
 * the Authorization header included: keep {@value #HTTP_CLIENT_HEADERS} below DEBUG in production.
 */
class KsmOAuth2SecretsInLogsTest extends KsmTracedCamelTestSupport {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    private static final String CLIENT_SECRET = "Cl1ent-S3cret-N0t-Logged";
    private static final String ACCESS_TOKEN = "eyJ-Access-T0ken-N0t-Logged";

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "graph-client").value(CredentialField.CLIENT_SECRET, CLIENT_SECRET)
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_post")
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build());
        ksm.grantAnyone("Graph");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").routeId("call").to("ksm:Graph?evictTokenOn401=true")
                        .to("log:out?showAll=true")
                        .to(OAuth2Wire.api(server, "/api/me"));
            }
        };
    }

    static final String HTTP_CLIENT_HEADERS = "org.apache.hc.client5.http.headers";
    static final String HTTP_CLIENT_WIRE = "org.apache.hc.client5.http.wire";

    private static String clientSideLogs(LogCapture logs) {
        return logs.events().stream().filter(e -> !e.getLoggerName().toLowerCase().contains("wiremock"))
                .filter(e -> !e.getLoggerName().startsWith(HTTP_CLIENT_HEADERS)
                             && !e.getLoggerName().startsWith(HTTP_CLIENT_WIRE))
                .map(KsmOAuth2SecretsInLogsTest::format).collect(Collectors.joining("\n"));
    }

    private static String format(ILoggingEvent e) {
        return e.getLoggerName() + " " + e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                : " " + ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(e.getThrowableProxy()));
    }

    @Test
    void issuedCachedRejectedAndEvictedTokensStayOutOfLogsAndAudit() {
        OAuth2Wire.issue(server, ACCESS_TOKEN, 3600);
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/api/me"))
                .willReturn(aResponse().withStatus(401)));
        try (LogCapture logs = new LogCapture()) {
            Exchange first = template.request("direct:call", e -> { });
            Exchange second = template.request("direct:call", e -> { });

            assertThat(first.getException()).isNotNull();
            assertThat(second.getException()).isNotNull();
            assertThat(OAuth2Wire.tokenRequests(server)).as("evicted after the 401").hasSize(2);
            String text = clientSideLogs(logs);
            assertThat(text).as("the tracer ran").contains("Authorization=xxxxx");
            assertThat(text).contains("Evicted the access token of credential 'Graph' after HTTP 401");
            assertThat(text).doesNotContain(ACCESS_TOKEN).doesNotContain(CLIENT_SECRET);
        }
        assertThat(ksm.audit().toString()).doesNotContain(ACCESS_TOKEN).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void failingTokenEndpointLogsNoSecretEvenWhenItEchoesTheRequest() {
        // a careless server that echoes the request body, secret included, in its error description
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_request\",\"error_description\":\"bad form: client_secret="
                          + CLIENT_SECRET + "\"}")));
        try (LogCapture logs = new LogCapture()) {
            Exchange out = template.request("direct:call", e -> { });

            assertThat(out.getException()).hasMessageContaining("invalid_request")
                    .hasMessageNotContaining(CLIENT_SECRET);
            assertThat(clientSideLogs(logs)).contains("invalid_request").doesNotContain(CLIENT_SECRET)
                    .doesNotContain(Base64.getEncoder().encodeToString(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(ksm.audit().toString()).doesNotContain(CLIENT_SECRET);
    }
}
