package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.camelksm.access.AccessMode;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.access.KsmWriteRefusedException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.KsmTestSupport;

/**
 * The write right of routes (operation=set, setProperty): granted apart from the read right, and by default limited to
 * the credential's secret values, so that a route can rotate a client secret but never send it somewhere else.
 */
class KsmWriteRightsTest extends KsmCamelTestSupport {

    private static final String OLD_SECRET = "old-Cl1ent-secret";
    private static final String NEW_SECRET = "new-Cl1ent-secret!";
    private static final String TOKEN_URL = "https://login.example.com/oauth2/token";

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(oauth("ReadOnly").build());
        ksm.grantAnyone("ReadOnly");
        ksm.add(oauth("Graph").build());
        ksm.grantAnyone("Graph").grantWrite("Graph", "*", "writer", KsmTestSupport.NODE);
        ksm.add(oauth("Open").build());
        ksm.grantWrite("Open", "*", "*", "*").allowRouteMetadataWrites("Open");
        ksm.add(oauth("Pinned").property(CredentialProperty.plain("allowedHosts", "login.example.com, idp.example.com"))
                .build());
        ksm.grantWrite("Pinned", "*", "*", "*").allowRouteMetadataWrites("Pinned");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:readOnly").routeId("ro-writer").to("ksm:ReadOnly?operation=set&field=clientSecret");
                from("direct:readOnlyProperty").to("ksm:ReadOnly?operation=setProperty&propertyName=pin");
                from("direct:rotate").routeId("rotate-graph").to("ksm:Graph?operation=set&field=clientSecret");
                from("direct:graphWriter").routeId("writer").to("ksm:Graph?operation=set");
                from("direct:graphSecretProperty").routeId("writer-prop")
                        .to("ksm:Graph?operation=setProperty&propertyName=apiKey&process=writer");
                from("direct:graphFormProperty")
                        .to("ksm:Graph?operation=setProperty&propertyName=form.redirect_uri&process=writer");
                from("direct:graphPlainProperty")
                        .to("ksm:Graph?operation=setProperty&propertyName=region&propertySecret=false&process=writer");
                from("direct:open").to("ksm:Open?operation=set");
                from("direct:pinned").to("ksm:Pinned?operation=set");
                from("direct:pinnedHosts").to("ksm:Pinned?operation=setProperty&propertyName=allowedHosts");
                from("direct:pinnedHostsLookalike").to("ksm:Pinned?operation=setProperty&propertyName=ALLOWEDHOSTS"
                                                       + "&propertySecret=false");
                from("direct:pinnedSendTo").to("ksm:Pinned?operation=setProperty&propertyName=sendTo"
                                                + "&propertySecret=false");
                from("direct:pinnedSendToLookalike").to("ksm:Pinned?operation=setProperty&propertyName=SendTo");
            }
        };
    }

    private static Credential.Builder oauth(String name) {
        return Credential.builder(name, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client-of-" + name)
                .value(CredentialField.CLIENT_SECRET, OLD_SECRET)
                .field(CredentialField.TOKEN_URL, TOKEN_URL)
                .field(CredentialField.AUDIENCE, "api://" + name)
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_post");
    }

    private String secret(String name) {
        return ksm.stored(name).secret(CredentialField.CLIENT_SECRET).orElseThrow().reveal();
    }

    @Test
    void aReadGrantDoesNotAllowAWriteAndNothingChanges() {
        Exchange out = template.request("direct:readOnly", e -> e.getMessage().setBody(NEW_SECRET));

        assertThat(out.getException()).isInstanceOf(KsmAccessDeniedException.class)
                .hasMessageContaining("Write access to credential 'ReadOnly' (set) denied")
                .hasMessageContaining("no write right was granted").hasMessageNotContaining(NEW_SECRET);
        assertThat(((KsmAccessDeniedException) out.getException()).getAccessMode()).isEqualTo(AccessMode.WRITE);
        assertThat(secret("ReadOnly")).isEqualTo(OLD_SECRET);
        assertThat(ksm.stored("ReadOnly").version()).isEqualTo(1);

        Exchange property = template.request("direct:readOnlyProperty", e -> e.getMessage().setBody("1234"));
        assertThat(property.getException()).isInstanceOf(KsmAccessDeniedException.class);
        assertThat(ksm.stored("ReadOnly").properties()).isEmpty();
    }

    @Test
    void aWriteGrantRotatesTheClientSecret() {
        Exchange out = template.request("direct:graphWriter", e -> e.getMessage().setBody(
                Map.of("clientSecret", NEW_SECRET)));

        assertThat(out.getException()).isNull();
        assertThat(secret("Graph")).isEqualTo(NEW_SECRET);
        Exchange property = template.request("direct:graphSecretProperty", e -> e.getMessage().setBody("k-1"));
        assertThat(property.getException()).isNull();
        assertThat(ksm.stored("Graph").property("apiKey").orElseThrow().secret()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "tokenUrl", "clientId", "audience", "clientAuthenticationMethod", "scope" })
    void aWriteGrantDoesNotChangeWhereOrHowTheSecretIsSent(String field) {
        Credential before = ksm.stored("Graph");
        String value = field.equals("tokenUrl") ? "https://attacker.example/token"
                : field.equals("clientAuthenticationMethod") ? "client_secret_basic" : "changed";

        Exchange out = template.request("direct:graphWriter", e -> e.getMessage().setBody(
                Map.of(field, value, "clientSecret", NEW_SECRET)));

        assertThat(out.getException()).isInstanceOf(KsmWriteRefusedException.class)
                .hasMessageContaining("Write to credential 'Graph' (set) refused")
                .hasMessageContaining("not " + field).hasMessageContaining("--allow-route-metadata-writes")
                .hasMessageNotContaining(NEW_SECRET).hasMessageNotContaining(value);
        assertThat(((KsmWriteRefusedException) out.getException()).getRefusedParts()).containsExactly(field);
        Credential after = ksm.stored("Graph");
        assertThat(after.version()).as("nothing written, not even the secret").isEqualTo(before.version());
        assertThat(after.fields()).isEqualTo(before.fields());
        assertThat(secret("Graph")).isEqualTo(OLD_SECRET);
    }

    @Test
    void aWriteGrantDoesNotChangeAPlainPropertyButRotatesWithANewExpiry() {
        Exchange plain = template.request("direct:graphPlainProperty", e -> e.getMessage().setBody("eu-west"));
        assertThat(plain.getException()).isInstanceOf(KsmWriteRefusedException.class)
                .hasMessageContaining("property 'region' (plain)");
        Exchange form = template.request("direct:graphFormProperty", e -> e.getMessage().setBody("https://x.example/"));
        assertThat(form.getException()).isInstanceOf(KsmWriteRefusedException.class)
                .hasMessageContaining("property 'form.redirect_uri' (a new token request parameter)");
        assertThat(ksm.stored("Graph").properties()).isEmpty();

        Exchange expiry = template.request("direct:graphWriter", e -> {
            e.getMessage().setBody(Map.of("clientSecret", NEW_SECRET));
            e.getMessage().setHeader(KsmConstants.EXPIRES_AT, "2040-01-01T00:00:00Z");
        });
        // the rotation flow: a new secret with its new expiry, in one write
        assertThat(expiry.getException()).isNull();
        assertThat(ksm.stored("Graph").expiresAt()).contains(java.time.Instant.parse("2040-01-01T00:00:00Z"));
        assertThat(secret("Graph")).isEqualTo(NEW_SECRET);
    }

    @Test
    void theWriteRightIsAndCombinedLikeTheReadRight() {
        // Graph's write right names the process 'writer': another route with every read right is still refused
        Exchange out = template.request("direct:rotate", e -> e.getMessage().setBody(NEW_SECRET));

        assertThat(out.getException()).isInstanceOf(KsmAccessDeniedException.class)
                .hasMessageContaining("process 'rotate-graph' not in processes allowed to write ['writer']");
        assertThat(secret("Graph")).isEqualTo(OLD_SECRET);
    }

    @Test
    void withTheCredentialFlagARouteMayChangeTheMetadata() {
        Exchange out = template.request("direct:open", e -> e.getMessage().setBody(Map.of(
                "tokenUrl", "https://idp.example.org/token", "clientId", "other-client", "audience", "api://other")));

        assertThat(out.getException()).isNull();
        Credential after = ksm.stored("Open");
        assertThat(after.field(CredentialField.TOKEN_URL)).contains("https://idp.example.org/token");
        assertThat(after.field(CredentialField.CLIENT_ID)).contains("other-client");
        assertThat(after.field(CredentialField.AUDIENCE)).contains("api://other");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://login.example.com.attacker.example/token", "https://attacker.example/token",
            "https://login.example.com@attacker.example/token", "https://attacker.example/login.example.com",
            "https://xn--login-example-com.attacker.example/token" })
    void aTokenUrlOutsideTheAllowedHostsIsRefusedEvenWithTheFlag(String url) {
        Exchange out = template.request("direct:pinned", e -> e.getMessage().setBody(Map.of("tokenUrl", url)));

        assertThat(out.getException()).isInstanceOf(KsmWriteRefusedException.class)
                .hasMessageContaining("is not one of the credential's allowedHosts");
        assertThat(ksm.stored("Pinned").field(CredentialField.TOKEN_URL)).contains(TOKEN_URL);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://IDP.Example.COM/oauth2/v2/token", "https://idp.example.com.:8443/token" })
    void aTokenUrlOnAnAllowedHostIsWrittenComparingHostsNotText(String url) {
        Exchange out = template.request("direct:pinned", e -> e.getMessage().setBody(Map.of("tokenUrl", url)));

        assertThat(out.getException()).isNull();
        assertThat(ksm.stored("Pinned").field(CredentialField.TOKEN_URL)).contains(url);
    }

    @Test
    void noRouteMayChangeTheAllowedHosts() {
        Exchange secret = template.request("direct:pinnedHosts", e -> e.getMessage().setBody("attacker.example"));
        Exchange lookalike = template.request("direct:pinnedHostsLookalike",
                e -> e.getMessage().setBody("attacker.example"));

        assertThat(secret.getException()).isInstanceOf(KsmWriteRefusedException.class)
                .hasMessageContaining("routes may never change property 'allowedHosts'");
        assertThat(lookalike.getException()).isInstanceOf(KsmWriteRefusedException.class)
                .hasMessageContaining("property 'ALLOWEDHOSTS'");
        assertThat(ksm.stored("Pinned").properties().keySet()).containsExactly("allowedHosts");
        assertThat(ksm.stored("Pinned").property("allowedHosts").orElseThrow().displayValue())
                .isEqualTo("login.example.com, idp.example.com");
    }

    @Test
    void noRouteMayWriteTheSendTargetsEvenWithRouteMetadataWrites() {
        Exchange plain = template.request("direct:pinnedSendTo", e -> e.getMessage().setBody("attacker.example"));
        Exchange lookalike = template.request("direct:pinnedSendToLookalike",
                e -> e.getMessage().setBody("attacker.example"));

        assertThat(plain.getException()).isInstanceOf(KsmWriteRefusedException.class)
                .hasMessageContaining("routes may never change property 'sendTo'");
        assertThat(lookalike.getException()).isInstanceOf(KsmWriteRefusedException.class)
                .hasMessageContaining("property 'SendTo'");
        assertThat(ksm.stored("Pinned").properties().keySet()).containsExactly("allowedHosts");
    }

    @Test
    void writeDecisionsAreAuditedAsWrites() {
        template.request("direct:readOnly", e -> e.getMessage().setBody(NEW_SECRET));
        template.request("direct:graphWriter", e -> e.getMessage().setBody(Map.of("tokenUrl", "https://x.example/")));
        template.request("direct:graphWriter", e -> e.getMessage().setBody(Map.of("clientSecret", NEW_SECRET)));

        List<AuditEvent> writes = ksm.audit().stream().filter(e -> e.access() == AccessMode.WRITE).toList();
        assertThat(writes).extracting(AuditEvent::credential, AuditEvent::operation, AuditEvent::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ReadOnly", "set", AuditOutcome.DENIED),
                org.assertj.core.groups.Tuple.tuple("Graph", "set", AuditOutcome.DENIED),
                org.assertj.core.groups.Tuple.tuple("Graph", "set", AuditOutcome.GRANTED));
        assertThat(writes.get(0).reason()).contains("Write access", "no write right");
        assertThat(writes.get(1).reason()).contains("refused [tokenUrl]");
        assertThat(writes).extracting(AuditEvent::reason).noneMatch(r -> r.contains(NEW_SECRET));
        assertThat(ksm.audit()).filteredOn(e -> e.operation().equals("grant")).extracting(AuditEvent::access)
                .containsOnlyNulls();
    }
}
