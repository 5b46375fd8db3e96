package io.camelksm.connector.customauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.MessageHelper;
import org.apache.camel.support.processor.DefaultExchangeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.route.ConnectorRoutes;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.LogCapture;

/**
 * Custom authentication end to end with the test definitions of {@code classpath:connectors-test/}: the templates'
 * values reach the API exactly where the definition puts them (headers, query, JSON and form body), and never appear in
 * the reply, the logs, Camel's tracing or message history, or the error of a failed call.
 */
class CustomAuthenticationRouteTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true)).build();

    private static final String ACCOUNT = "acct-7";
    private static final String KEY = "pk_live_9f&Key=\"42\"";
    private static final String TAG = "tag-S3cret";
    private static final String TOKEN = "tok-Query-S3cret";

    /**
     * The loggers of the stand-in server and of HttpClient's transport: at DEBUG they print every byte sent, by design
     * (the Authorization of any ksm: call too); camel-http's producer prints the request URL with its query at DEBUG
     * (docs/connectors.md says so: a secret in the query is part of the URL). Everything else is checked.
     */
    private static final List<String> TRANSPORT_LOGGERS = List.of("org.apache.hc.", "org.eclipse.jetty.", "wiremock.",
            "com.github.tomakehurst.", "org.apache.camel.component.http.HttpProducer");

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.setTracing(true);
        camelContext.setMessageHistory(true);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("Partner", CredentialType.GENERAL).field(CredentialField.USERNAME, ACCOUNT)
                .value(CredentialField.PASSWORD, KEY).property(CredentialProperty.secret("tag", Secret.of(TAG)))
                .build());
        ksm.add(Credential.builder("TokenApi", CredentialType.BEARER).value(CredentialField.TOKEN, TOKEN).build());
        ksm.grantAnyone("Partner").grantAnyone("TokenApi");
        Properties properties = new Properties();
        String base = "http://127.0.0.1:" + api.getPort();
        properties.put("partner-api.base-url", base);
        properties.put("token-api.base-url", base);
        properties.put("legacy-basic.base-url", base);
        context.getPropertiesComponent().setOverrideProperties(properties);
        return new ConnectorRoutes(ConnectorDefinitions.load("classpath:connectors-test/"));
    }

    private static LoggedRequest only() {
        assertThat(api.getAllServeEvents()).hasSize(1);
        return api.getAllServeEvents().get(0).getRequest();
    }

    /** Every value of the test's credentials, in every form it may take on the way. */
    private static List<String> secretForms() {
        List<String> forms = new java.util.ArrayList<>();
        for (String value : List.of(KEY, TAG, TOKEN)) {
            forms.add(value);
            forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        forms.add("pk_live_9f&Key=\\\"42\\\""); // JSON-escaped
        return forms;
    }

    private static String loggedOutsideTransport(LogCapture logs) {
        return logs.events().stream()
                .filter(e -> TRANSPORT_LOGGERS.stream().noneMatch(p -> e.getLoggerName().startsWith(p)))
                .map(CustomAuthenticationRouteTest::format).collect(Collectors.joining("\n"));
    }

    private static String format(ILoggingEvent e) {
        String line = e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage();
        return e.getThrowableProxy() == null ? line : line + "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
    }

    private static void assertNoSecret(String where, String text) {
        for (String form : secretForms()) {
            assertThat(text).as(where).doesNotContain(form);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void headersQueryAndJsonBodyGetTheValuesAndNothingElseDoes() throws Exception {
        api.stubFor(post(urlPathEqualTo("/orders")).willReturn(okJson("{\"id\": \"ord-1\"}")));

        Exchange out;
        String logged;
        try (LogCapture logs = new LogCapture()) {
            out = template.request("direct:partner-api.createOrder", e -> e.getMessage().setHeader("item", "paper"));
            logged = loggedOutsideTransport(logs);
        }

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("orderId", "ord-1");
        LoggedRequest request = only();
        assertThat(request.getHeader("X-Api-Key")).isEqualTo(KEY);
        assertThat(request.getHeader("X-Partner-Auth")).isEqualTo("Token " + KEY);
        assertThat(request.queryParameter("account").firstValue()).isEqualTo(ACCOUNT);
        assertThat(request.queryParameter("channel").firstValue()).isEqualTo("rpa");
        assertThat(new ObjectMapper().readValue(request.getBodyAsString(), Map.class))
                .isEqualTo(Map.of("item", "paper", "quantity", 1, "client_tag", TAG));

        assertThat(out.getMessage().getHeaders()).doesNotContainKeys("X-Api-Key", "X-Partner-Auth");
        assertNoSecret("reply headers", out.getMessage().getHeaders().toString());
        assertNoSecret("reply body", String.valueOf(out.getMessage().getBody()));
        assertNoSecret("exchange properties", out.getAllProperties().toString());
        assertThat(logged).as("tracing was on and traced the call").contains("partner-api.createOrder")
                .contains("X-Api-Key");
        assertNoSecret("logs and tracing", logged);
    }

    @Test
    void formBodyGetsTheField() {
        api.stubFor(post(urlPathEqualTo("/forms")).willReturn(okJson("{\"accepted\": true}")));

        Exchange out = template.request("direct:partner-api.submitForm", e -> e.getMessage().setHeader("item", "a&b"));

        assertThat(out.getException()).isNull();
        LoggedRequest request = only();
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getBodyAsString())
                .isEqualTo("item=a%26b&client_tag=" + URLEncoder.encode(TAG, StandardCharsets.UTF_8));
    }

    @Test
    void aFailedCallShowsNoValueInItsErrorHistoryOrLogs() {
        // an API that echoes what it got, as some do in their error pages
        api.stubFor(post(urlPathEqualTo("/failing")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/plain").withBody("bad key " + KEY + " for " + ACCOUNT)));

        Exchange out;
        String logged;
        try (LogCapture logs = new LogCapture()) {
            out = template.request("direct:partner-api.failing", e -> { });
            logged = loggedOutsideTransport(logs);
        }

        assertThat(out.getException()).isNotNull();
        StringBuilder chain = new StringBuilder();
        for (Throwable t = out.getException(); t != null; t = t.getCause()) {
            chain.append(t).append('\n');
        }
        assertNoSecret("the error", chain.toString());
        assertThat(only().getHeader("X-Api-Key")).isEqualTo(KEY);
        assertNoSecret("logs and tracing", logged);
        // what an error handler prints for a failed exchange: the message history with the exchange, all shown
        DefaultExchangeFormatter everything = new DefaultExchangeFormatter();
        everything.setShowAll(true);
        String history = MessageHelper.dumpMessageHistoryStacktrace(out, everything, true);
        assertThat(history).contains("Message History").contains("ksm-connector.partner-api.failing");
        assertNoSecret("message history", history);
        assertNoSecret("reply", out.getMessage().getHeaders() + " " + out.getMessage().getBody());
    }

    @Test
    void theTokenOfABearerCredentialGoesInTheQuery() {
        api.stubFor(get(urlPathEqualTo("/status")).willReturn(okJson("{\"ok\": true}")));

        Exchange out;
        String logged;
        try (LogCapture logs = new LogCapture()) {
            out = template.request("direct:token-api.status", e -> { });
            logged = loggedOutsideTransport(logs);
        }

        assertThat(out.getException()).isNull();
        LoggedRequest request = only();
        assertThat(request.queryParameter("access_token").firstValue()).isEqualTo(TOKEN);
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertNoSecret("logs and tracing", logged);
        assertNoSecret("reply", out.getMessage().getHeaders().toString());
    }
}
