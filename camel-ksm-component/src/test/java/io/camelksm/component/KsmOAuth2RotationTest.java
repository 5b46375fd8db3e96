package io.camelksm.component;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * Writing a credential drops its cached tokens: a rotated secret (ksm:...?operation=set) gets a new token at once, and
 * so does any write through the governed credentials, even one that leaves the secret as it was.
 */
class KsmOAuth2RotationTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "graph-client").value(CredentialField.CLIENT_SECRET, "old-secret")
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build());
        ksm.grantAnyone("Graph").grantWrite("Graph", "*", "*", "*");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:use").routeId("use").to("ksm:Graph");
                from("direct:rotate").routeId("rotate").to("ksm:Graph?operation=set&field=clientSecret");
                from("direct:note").routeId("note").to("ksm:Graph?operation=setProperty&propertyName=note");
            }
        };
    }

    /** tok-1, then tok-2, then tok-3, ... one per token request. */
    private static void issueNumberedTokens(int count) {
        for (int i = 1; i <= count; i++) {
            server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).inScenario("tokens")
                    .whenScenarioStateIs(i == 1 ? STARTED : "issued-" + (i - 1))
                    .willReturn(okJson(OAuth2Wire.tokenJson("tok-" + i, 3600))).willSetStateTo("issued-" + i));
        }
    }

    private String authorization() {
        Exchange out = template.request("direct:use", e -> { });
        assertThat(out.getException()).isNull();
        return out.getMessage().getHeader("Authorization", String.class);
    }

    private static String basic(String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(("graph-client:" + secret)
                .getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void rotatedSecretGetsANewTokenRequestedWithTheNewSecret() {
        issueNumberedTokens(3);
        assertThat(authorization()).isEqualTo("Bearer tok-1");

        Exchange rotated = template.request("direct:rotate", e -> e.getMessage().setBody("new-secret"));

        assertThat(rotated.getException()).isNull();
        assertThat(authorization()).isEqualTo("Bearer tok-2");
        assertThat(authorization()).isEqualTo("Bearer tok-2");
        assertThat(OAuth2Wire.tokenRequests(server)).extracting(r -> r.getHeader("Authorization"))
                .containsExactly(basic("old-secret"), basic("new-secret"));
    }

    @Test
    void anyWriteThroughTheComponentEvictsEvenWithTheSameSecret() {
        issueNumberedTokens(3);
        assertThat(authorization()).isEqualTo("Bearer tok-1");

        // the same secret: the fingerprint does not change, only the eviction makes the difference
        template.request("direct:rotate", e -> e.getMessage().setBody("old-secret"));
        assertThat(authorization()).isEqualTo("Bearer tok-2");
        template.request("direct:note", e -> e.getMessage().setBody("rotated by bot"));
        assertThat(authorization()).isEqualTo("Bearer tok-3");
    }

    @Test
    void adminUpdateThroughGovernedCredentialsEvicts() {
        issueNumberedTokens(2);
        assertThat(authorization()).isEqualTo("Bearer tok-1");

        Credential stored = ksm.stored("Graph");
        ksm.governed().update(stored.toBuilder().description("touched by an operator").build(), KsmTestSupport.ADMIN);

        assertThat(authorization()).isEqualTo("Bearer tok-2");
        assertThat(context.getComponent("ksm", KsmComponent.class).getOauth2TokenProvider().statistics().evictions())
                .isPositive();
    }

    @Test
    void rotationOutsideThisProcessIsCaughtByTheSecretFingerprint() {
        issueNumberedTokens(2);
        assertThat(authorization()).isEqualTo("Bearer tok-1");

        // another process (the CLI) writes the store directly: no listener hears of it
        Credential stored = ksm.stored("Graph");
        ksm.governed().store().update(stored.toBuilder().secret(CredentialField.CLIENT_SECRET,
                Secret.of("cli-secret")).build());

        assertThat(authorization()).isEqualTo("Bearer tok-2");
        assertThat(OAuth2Wire.form(OAuth2Wire.tokenRequests(server).get(1))).isEqualTo(
                Map.of("grant_type", "client_credentials"));
        assertThat(OAuth2Wire.tokenRequests(server).get(1).getHeader("Authorization")).isEqualTo(basic("cli-secret"));
    }
}
