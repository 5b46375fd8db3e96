package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.testsupport.KsmCamelTestSupport;

/** The {@code ksm} dev console, found through its generated service file, after real exchanges. */
class KsmDevConsoleTest extends KsmCamelTestSupport {

    private static final String PASSWORD = "pw-c0nsole-s3cret";
    private static final Instant EXPIRES = Instant.parse("2099-01-01T00:00:00Z");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:portal").routeId("portal").to("ksm:Portal");
                from("direct:hidden").routeId("hidden").to("ksm:Hidden");
                from("direct:login").routeId("login").to("ksm:Login?operation=get");
            }
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsTheCredentialsRoutesUsedWithTypeExpiryAndLastDecisionButNoSecret() {
        ksm.add(Credential.builder("Portal", CredentialType.BASIC).field(CredentialField.USERNAME, "bot")
                .secret(CredentialField.PASSWORD, Secret.of(PASSWORD)).expiresAt(EXPIRES).build());
        ksm.grantAnyone("Portal");
        ksm.add(Credential.builder("Login", CredentialType.GENERAL).field(CredentialField.USERNAME, "u")
                .secret(CredentialField.PASSWORD, Secret.of(PASSWORD)).build());
        ksm.grantAnyone("Login");
        assertThat(template.request("direct:login", e -> { }).getException()).isNull();
        assertThat(template.request("direct:portal", e -> { }).getException()).isNull();
        assertThat(template.request("direct:hidden", e -> { }).getException()).isNotNull();

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("ksm");
        assertThat(console).isInstanceOf(KsmDevConsole.class);
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);

        assertThat(text).contains("Portal (BASIC)").contains("expires: " + EXPIRES).contains("last decision: GRANTED")
                .contains("Hidden").doesNotContain(PASSWORD);
        List<Map<String, Object>> credentials = (List<Map<String, Object>>) json.get("credentials");
        assertThat(credentials).extracting(c -> c.get("name")).containsExactly("Hidden", "Login", "Portal");
        assertThat(credentials.get(1)).as("operation=get reads").containsEntry("type", "GENERAL")
                .containsEntry("expiresAt", null).containsEntry("lastDecision", "GRANTED");
        assertThat(credentials.get(2)).containsEntry("type", "BASIC").containsEntry("expiresAt", EXPIRES.toString())
                .containsEntry("lastDecision", "GRANTED");
        assertThat(credentials.get(0).get("lastDecision")).isIn("DENIED", "FAILED");
        assertThat(json.toString()).doesNotContain(PASSWORD);
    }
}
