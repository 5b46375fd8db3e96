package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.camelksm.access.Dimension;
import io.camelksm.audit.Slf4jAuditTrail;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmTracedCamelTestSupport;
import io.camelksm.testsupport.LogCapture;

/**
 * With tracing, message history and Camel's log mask on, neither a credential's password nor the Authorization header
 * built from it reaches any log: not the tracer, not the log component, not the error handler, not our own audit.
 */
class KsmSecretsInLogsTest extends KsmTracedCamelTestSupport {

    private static final String USERNAME = "svc-trace";
    private static final String PASSWORD = "Tr4ce-Me-N0t";
    private static final String HEADER_SECRET = Base64.getEncoder()
            .encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String NEW_PASSWORD = "R0tated-N0t-Logged";

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("Crm", CredentialType.BASIC)
                .field(CredentialField.USERNAME, USERNAME).value(CredentialField.PASSWORD, PASSWORD).build());
        ksm.grantAnyone("Crm");
        ksm.add(Credential.builder("Bot", CredentialType.GENERAL)
                .field(CredentialField.USERNAME, USERNAME).value(CredentialField.PASSWORD, PASSWORD).build());
        ksm.grant("Bot", "*", "rotate", "*").grant("Bot", Dimension.PROCESS, "get");
        ksm.grantWrite("Bot", "*", "rotate", "*");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:traced").routeId("traced").to("ksm:Crm").to("log:out?showAll=true");
                from("direct:failing").routeId("failing").to("ksm:Crm")
                        .throwException(new IllegalStateException("downstream failed"));
                from("direct:get").routeId("get").to("ksm:Bot?operation=get").to("log:get?showAll=true");
                from("direct:rotate").routeId("rotate").to("ksm:Bot?operation=set").to("log:rotate?showAll=true");
                from("direct:rotateDenied").routeId("rotateDenied").to("ksm:Bot?operation=set");
            }
        };
    }

    @Test
    void authorizeWithTracingLogsNeitherThePasswordNorTheHeaderValue() {
        try (LogCapture logs = new LogCapture()) {
            Exchange out = template.request("direct:traced", e -> e.getMessage().setBody("hello"));

            assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Basic " + HEADER_SECRET);
            String text = logs.text();
            assertThat(text).as("the tracer ran").contains("[to[ksm:Crm]").contains("Authorization=xxxxx");
            assertThat(logs.messages(Slf4jAuditTrail.LOGGER_NAME)).singleElement()
                    .satisfies(line -> assertThat(line).contains("outcome=GRANTED", "credential='Crm'"));
            assertThat(text).doesNotContain(PASSWORD).doesNotContain(HEADER_SECRET);
        }
    }

    @Test
    void failedExchangeWithMessageHistoryLogsNoSecret() {
        try (LogCapture logs = new LogCapture()) {
            Exchange out = template.request("direct:failing", e -> e.getMessage().setBody("hello"));

            assertThat(out.getException()).hasMessage("downstream failed");
            String text = logs.text();
            assertThat(text).as("the error handler logged the history").contains("Message History");
            assertThat(text).doesNotContain(PASSWORD).doesNotContain(HEADER_SECRET);
        }
    }

    @Test
    void getWithTracingLogsOnlyMaskedFields() {
        try (LogCapture logs = new LogCapture()) {
            Exchange out = template.request("direct:get", e -> { });

            assertThat(out.getException()).isNull();
            assertThat(logs.text()).contains("KsmCredentialFields[")
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void rotatedPasswordInAMapBodyIsMaskedBeforeAndGoneAfterTheKsmStep() {
        try (LogCapture logs = new LogCapture()) {
            Exchange out = template.request("direct:rotate", e -> e.getMessage().setBody(Map.of("password", NEW_PASSWORD)));

            assertThat(out.getException()).isNull();
            assertThat(logs.text()).as("traced before the step, masked").contains("password=xxxxx")
                    .doesNotContain(NEW_PASSWORD).doesNotContain(PASSWORD);
        }
    }

    @Test
    void deniedRotationLogsNoSecret() {
        try (LogCapture logs = new LogCapture()) {
            Exchange out = template.request("direct:rotateDenied",
                    e -> e.getMessage().setBody(Map.of("password", NEW_PASSWORD)));

            assertThat(out.getException()).hasMessageContaining("denied");
            assertThat(logs.text()).contains("outcome=DENIED").doesNotContain(NEW_PASSWORD).doesNotContain(PASSWORD);
        }
    }
}
