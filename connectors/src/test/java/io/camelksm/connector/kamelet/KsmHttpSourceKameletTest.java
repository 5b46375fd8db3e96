package io.camelksm.connector.kamelet;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * {@code ksm-http-source} in a YAML route: it polls the API (WireMock) with the Bearer token of the credential it
 * names, as the process it is granted to, and emits the response without the Authorization header. A poller whose
 * process is not granted is denied and audited, and emits nothing.
 */
class KsmHttpSourceKameletTest extends KameletRouteTestSupport {

    @RegisterExtension
    static WireMockExtension api = OAuth2Wire.server();

    private static final String TOKEN = "quotes-bearer-8d1";

    @Override
    protected void credentials() {
        ksm.add(Credential.builder("Quotes", CredentialType.BEARER).value(CredentialField.TOKEN, TOKEN).build());
        ksm.grant("Quotes", "*", "quotes-poller", KsmTestSupport.NODE);
    }

    @Override
    protected String yamlRoutes() {
        api.stubFor(get(urlEqualTo("/api/quotes")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("{\"quote\":\"ok\"}")));
        return """
                - route:
                    id: quotes
                    from:
                      uri: kamelet:ksm-http-source
                      parameters:
                        credential: Quotes
                        process: quotes-poller
                        url: "%1$s/api/quotes"
                        period: 3600000
                      steps:
                      - to:
                          uri: mock:quotes
                - route:
                    id: stranger
                    from:
                      uri: kamelet:ksm-http-source/stranger-poller
                      parameters:
                        credential: Quotes
                        url: "%1$s/api/quotes"
                        period: 3600000
                      steps:
                      - to:
                          uri: mock:stranger
                """.formatted("http://127.0.0.1:" + api.getPort());
    }

    @Test
    void pollsWithTheBearerTokenAndEmitsTheResponseWithoutAuthorization() throws InterruptedException {
        MockEndpoint quotes = getMockEndpoint("mock:quotes");
        quotes.expectedMinimumMessageCount(1);

        quotes.assertIsSatisfied();

        Exchange polled = quotes.getReceivedExchanges().get(0);
        assertThat(polled.getMessage().getBody(String.class)).isEqualTo("{\"quote\":\"ok\"}");
        assertThat(polled.getMessage().getHeader("Authorization")).isNull();
        assertThat(polled.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        LoggedRequest request = OAuth2Wire.requests(api, "/api/quotes").get(0);
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(ksm.audit()).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.GRANTED);
            assertThat(e.operation()).isEqualTo("authorize");
            assertThat(e.process()).isEqualTo("quotes-poller");
        });
    }

    @Test
    void aPollerWhoseProcessIsNotGrantedIsDeniedAuditedAndEmitsNothing() throws InterruptedException {
        AuditEvent denied = awaitAudit(e -> "stranger-poller".equals(e.process()));

        assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(denied.credential()).isEqualTo("Quotes");
        assertThat(denied.reason()).contains("PROCESS").doesNotContain(TOKEN);
        assertThat(getMockEndpoint("mock:stranger").getReceivedCounter()).isZero();
        // every API call came from the granted poller: the denied one sent nothing
        assertThat(api.getAllServeEvents()).hasSizeLessThanOrEqualTo(1);
    }
}
