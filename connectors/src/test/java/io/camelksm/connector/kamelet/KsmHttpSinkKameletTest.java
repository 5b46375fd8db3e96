package io.camelksm.connector.kamelet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.access.Dimension;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.LogCapture;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * {@code ksm-http-sink} in a YAML route: the API (one WireMock) receives Basic, or a Bearer token that the
 * authorization server (a second WireMock) issued for the client credentials; the reply never carries the header.
 */
class KsmHttpSinkKameletTest extends KameletRouteTestSupport {

    @RegisterExtension
    static WireMockExtension api = OAuth2Wire.server();

    @RegisterExtension
    static WireMockExtension authorizationServer = OAuth2Wire.server();

    private static final String PASSWORD = "Kq7!billing-pass";
    private static final String CLIENT_SECRET = "cs-Ledger-9f2";
    private static final String HTTP_CLIENT_HEADERS_LOGGER = "org.apache.hc.client5.http.headers";
    private static final String BASIC_VALUE = Base64.getEncoder()
            .encodeToString(("svc-billing:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Override
    protected void credentials() {
        ksm.add(Credential.builder("Billing", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "svc-billing").value(CredentialField.PASSWORD, PASSWORD).build());
        ksm.grant("Billing", "billing", "*", KsmTestSupport.NODE);
        ksm.add(Credential.builder("Ledger", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "ledger-client")
                .value(CredentialField.CLIENT_SECRET, CLIENT_SECRET)
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(authorizationServer)).build());
        // granted to the Kamelet's route by its id, which the route names in the kamelet: URI
        ksm.grant("Ledger", "*", "post-ledger", KsmTestSupport.NODE);
    }

    @Override
    protected String yamlRoutes() {
        return """
                - route:
                    id: pay
                    from:
                      uri: direct:pay
                      steps:
                      - to:
                          uri: kamelet:ksm-http-sink
                          parameters:
                            credential: Billing
                            url: "%1$s/api/invoices"
                - route:
                    id: ledger
                    from:
                      uri: direct:ledger
                      steps:
                      - to:
                          uri: kamelet:ksm-http-sink/post-ledger
                          parameters:
                            credential: Ledger
                            url: "%1$s/api/ledger"
                            method: PUT
                            scope: ledger.write
                            audience: https://ledger.example/
                """.formatted("http://127.0.0.1:" + api.getPort());
    }

    @Test
    void basicCredentialReachesTheApiAndTheReplyHasNoAuthorization() {
        api.stubFor(post(urlEqualTo("/api/invoices")).willReturn(aResponse().withStatus(201).withBody("invoice-17")));

        Exchange out = requestAs("direct:pay", "{\"amount\":12}", "alice", "billing");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("invoice-17");
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        LoggedRequest request = OAuth2Wire.requests(api, "/api/invoices").get(0);
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + BASIC_VALUE);
        assertThat(request.getBodyAsString()).isEqualTo("{\"amount\":12}");
        AuditEvent granted = ksm.lastAudit();
        assertThat(granted.outcome()).isEqualTo(AuditOutcome.GRANTED);
        assertThat(granted.credential()).isEqualTo("Billing");
        assertThat(granted.principal()).isEqualTo("alice");
    }

    @Test
    void clientCredentialsTokenFromTheAuthorizationServerWithTheKameletsOAuthOptions() {
        OAuth2Wire.issue(authorizationServer, "ledger-token-1", 3600);
        api.stubFor(put(urlEqualTo("/api/ledger"))
                .willReturn(aResponse().withStatus(200).withBody("booked")));

        Exchange out = template.request("direct:ledger", e -> e.getMessage().setBody("entry"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("booked");
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        LoggedRequest tokenRequest = OAuth2Wire.tokenRequests(authorizationServer).get(0);
        assertThat(OAuth2Wire.form(tokenRequest)).containsEntry("grant_type", "client_credentials")
                .containsEntry("scope", "ledger.write").containsEntry("audience", "https://ledger.example/");
        assertThat(tokenRequest.getHeader("Authorization")).startsWith("Basic ");
        LoggedRequest call = OAuth2Wire.requests(api, "/api/ledger").get(0);
        assertThat(call.getMethod().getName()).isEqualTo("PUT");
        assertThat(call.getHeader("Authorization")).isEqualTo("Bearer ledger-token-1");
        assertThat(ksm.lastAudit().process()).isEqualTo("post-ledger");
    }

    @Test
    void aCallerWithoutTheGrantIsDeniedAuditedAndNothingIsSent() {
        Exchange out = requestAs("direct:pay", "{\"amount\":12}", "mallory", "sales");

        assertThat(out.getException()).isInstanceOf(KsmAccessDeniedException.class);
        KsmAccessDeniedException denied = (KsmAccessDeniedException) out.getException();
        assertThat(denied.getFailedRestrictions()).containsExactly(Dimension.ROLE);
        assertThat(denied.getMessage()).doesNotContain(PASSWORD);
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(api.getAllServeEvents()).isEmpty();
        AuditEvent event = ksm.lastAudit();
        assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(event.credential()).isEqualTo("Billing");
        assertThat(event.principal()).isEqualTo("mallory");
    }

    @Test
    void whenTheApiFailsTheErrorReachesTheRouteWithoutTheHeaderAndNoLogHasTheSecret() {
        api.stubFor(post(urlEqualTo("/api/invoices")).willReturn(aResponse().withStatus(500).withBody("down")));

        Exchange out;
        try (LogCapture logs = new LogCapture()) {
            out = requestAs("direct:pay", "{\"amount\":12}", "alice", "billing");

            assertThat(logs.text()).as("the error handler logged the failure").contains("HttpOperationFailedException");
            // Apache HttpClient logs every request header at DEBUG on its own logger, outside camel-ksm's reach
            // (docs/connectors.md says to keep it below DEBUG); nothing else may show the secret
            assertThat(logs.events().stream().filter(e -> e.getFormattedMessage().contains(BASIC_VALUE)))
                    .allSatisfy(e -> assertThat(e.getLoggerName()).isEqualTo(HTTP_CLIENT_HEADERS_LOGGER));
            assertThat(logs.text().replaceAll("(?m)^DEBUG " + HTTP_CLIENT_HEADERS_LOGGER + " .*$", ""))
                    .doesNotContain(PASSWORD).doesNotContain(BASIC_VALUE);
        }

        assertThat(out.getException()).isInstanceOf(HttpOperationFailedException.class);
        assertThat(((HttpOperationFailedException) out.getException()).getStatusCode()).isEqualTo(500);
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(OAuth2Wire.requests(api, "/api/invoices").get(0).getHeader("Authorization")).startsWith("Basic ");
    }
}
