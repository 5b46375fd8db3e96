package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.camelksm.KsmException;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.KsmTestSupport;

/**
 * operation=set and setProperty write through the governed credentials (checked against the write right, audited) and
 * take the new secret off the message. What the write right allows is in {@link KsmWriteRightsTest}.
 */
class KsmSetTest extends KsmCamelTestSupport {

    private static final String OLD = "old-Passw0rd";
    private static final String NEW = "new-Passw0rd!";

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("Bot", CredentialType.GENERAL)
                .field(CredentialField.USERNAME, "bot01").value(CredentialField.PASSWORD, OLD).build());
        ksm.add(Credential.builder("Gateway", CredentialType.DATA_GATEWAY)
                .field(CredentialField.USERNAME, "gw").value(CredentialField.PASSWORD, OLD)
                .field(CredentialField.TARGET, "db01").build());
        ksm.grant("Bot", "*", "rotate", KsmTestSupport.NODE);
        ksm.grantWrite("Bot", "*", "rotate", KsmTestSupport.NODE);
        // Gateway: routes may write its non-secret fields and plain properties too
        ksm.grant("Gateway", "*", "*", "*").grantWrite("Gateway", "*", "*", "*").allowRouteMetadataWrites("Gateway");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rotate").routeId("rotate").to("ksm:Bot?operation=set&field=password").to("mock:after");
                from("direct:setFields").routeId("setFields").to("ksm:Gateway?operation=set").to("mock:after");
                from("direct:setUsername").routeId("setUsername").to("ksm:Gateway?operation=set&field=username");
                from("direct:setToken").to("ksm:Gateway?operation=set&field=token");
                from("direct:rotateDenied").routeId("not-rotate").to("ksm:Bot?operation=set&field=password");
                from("direct:setProperty").to("ksm:Gateway?operation=setProperty&propertyName=apiKey")
                        .to("mock:after");
                from("direct:setPlainProperty")
                        .to("ksm:Gateway?operation=setProperty&propertyName=region&propertySecret=false");
            }
        };
    }

    @Test
    void rotatesThePasswordFromTheBodyAndRemovesItFromTheMessage() throws Exception {
        getMockEndpoint("mock:after").expectedMessageCount(1);

        Exchange out = template.request("direct:rotate", e -> e.getMessage().setBody(NEW));

        assertThat(out.getException()).isNull();
        assertThat(ksm.stored("Bot").secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(NEW);
        assertThat(ksm.stored("Bot").field(CredentialField.USERNAME)).contains("bot01");
        assertThat(out.getMessage().getBody()).isNull();
        assertThat(out.getMessage().getHeader(KsmConstants.CREDENTIAL_VERSION)).isEqualTo(2L);
        Exchange after = getMockEndpoint("mock:after").getReceivedExchanges().get(0);
        assertThat(after.getMessage().getBody()).as("the next step never sees the new password").isNull();
        assertThat(ksm.lastAudit().operation()).isEqualTo("set");
        assertThat(ksm.lastAudit().outcome()).isEqualTo(AuditOutcome.GRANTED);
        assertThat(ksm.lastAudit().reason()).doesNotContain(NEW);
    }

    @Test
    void takesTheValueFromTheValueHeaderAndLeavesTheBody() {
        Exchange out = template.request("direct:rotate", e -> {
            e.getMessage().setBody("the bot's report");
            e.getMessage().setHeader(KsmConstants.VALUE, NEW);
        });

        assertThat(out.getException()).isNull();
        assertThat(ksm.stored("Bot").secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(NEW);
        assertThat(out.getMessage().getHeader(KsmConstants.VALUE)).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo("the bot's report");
    }

    @Test
    void wipesACharArrayValue() {
        char[] value = NEW.toCharArray();

        Exchange out = template.request("direct:rotate", e -> e.getMessage().setBody(value));

        assertThat(out.getException()).isNull();
        assertThat(ksm.stored("Bot").secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(NEW);
        assertThat(value).containsOnly('\0');
    }

    @Test
    void acceptsUtf8BytesAndSecrets() {
        template.request("direct:rotate", e -> e.getMessage().setBody("päss".getBytes(StandardCharsets.UTF_8)));
        assertThat(ksm.stored("Bot").secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("päss");

        template.request("direct:rotate", e -> e.getMessage().setHeader(KsmConstants.VALUE, Secret.of("s3cret")));
        assertThat(ksm.stored("Bot").secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("s3cret");
    }

    @Test
    void setsSeveralFieldsFromAMapBody() {
        Map<String, Object> values = new HashMap<>();
        values.put("password", NEW);
        values.put("target", "db02");

        Exchange out = template.request("direct:setFields", e -> e.getMessage().setBody(values));

        assertThat(out.getException()).isNull();
        Credential stored = ksm.stored("Gateway");
        assertThat(stored.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(NEW);
        assertThat(stored.field(CredentialField.TARGET)).contains("db02");
        assertThat(stored.field(CredentialField.USERNAME)).contains("gw");
        assertThat(out.getMessage().getBody()).isNull();
    }

    @Test
    void setsFieldsAndExpiryFromHeadersAndANullRemovesAnOptionalField() {
        Map<String, Object> values = new HashMap<>();
        values.put("PASSWORD", NEW.toCharArray());
        values.put("target", null);
        Instant expiry = Instant.parse("2030-01-31T00:00:00Z");

        Exchange out = template.request("direct:setFields", e -> {
            e.getMessage().setHeader(KsmConstants.FIELDS, values);
            e.getMessage().setHeader(KsmConstants.EXPIRES_AT, "2030-01-31T00:00:00Z");
            e.getMessage().setBody("kept");
        });

        assertThat(out.getException()).isNull();
        Credential stored = ksm.stored("Gateway");
        assertThat(stored.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(NEW);
        assertThat(stored.field(CredentialField.TARGET)).isEmpty();
        assertThat(stored.expiresAt()).contains(expiry);
        assertThat(out.getMessage().getHeaders()).doesNotContainKeys(KsmConstants.FIELDS, KsmConstants.EXPIRES_AT);
        assertThat(out.getMessage().getBody()).isEqualTo("kept");
        assertThat((char[]) values.get("PASSWORD")).containsOnly('\0');
    }

    @Test
    void setsAPlainField() {
        Exchange out = template.request("direct:setUsername", e -> e.getMessage().setBody("gw2"));

        assertThat(out.getException()).isNull();
        assertThat(ksm.stored("Gateway").field(CredentialField.USERNAME)).contains("gw2");
    }

    @Test
    void unknownFieldInTheMapIsNamed() {
        Exchange out = template.request("direct:setFields", e -> e.getMessage().setBody(Map.of("passwort", NEW)));

        assertThat(out.getException()).isInstanceOf(KsmException.class)
                .hasMessageContaining("Unknown field 'passwort'").hasMessageContaining("'Gateway'")
                .hasMessageNotContaining(NEW);
        assertThat(ksm.stored("Gateway").secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(OLD);
    }

    @Test
    void fieldTheTypeDoesNotHaveIsRefusedAndAudited() {
        Exchange out = template.request("direct:setToken", e -> e.getMessage().setBody("tok"));

        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATA_GATEWAY credential has no field 'token'").hasMessageNotContaining("tok'");
        assertThat(ksm.lastAudit().outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(ksm.stored("Gateway").version()).isEqualTo(1);
    }

    @Test
    void missingValueIsExplained() {
        Exchange out = template.request("direct:rotate", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmException.class)
                .hasMessageContaining("No new value for field password of credential 'Bot'")
                .hasMessageContaining(KsmConstants.VALUE);
    }

    @Test
    void bodyThatIsNotAMapIsExplained() {
        Exchange out = template.request("direct:setFields", e -> e.getMessage().setBody(NEW));

        assertThat(out.getException()).isInstanceOf(KsmException.class)
                .hasMessageContaining("No new field values for credential 'Gateway'")
                .hasMessageContaining("java.lang.String").hasMessageNotContaining(NEW);
    }

    @Test
    void badExpiryIsExplained() {
        Exchange out = template.request("direct:setFields", e -> {
            e.getMessage().setBody(Map.of("target", "db03"));
            e.getMessage().setHeader(KsmConstants.EXPIRES_AT, "next tuesday s3cr3t\n2030 INFO forged");
        });

        assertThat(out.getException()).isInstanceOf(KsmException.class)
                .hasMessageContaining(KsmConstants.EXPIRES_AT).hasMessageContaining("ISO-8601")
                .hasMessageContaining("2030-01-31T00:00:00Z")
                .hasMessageNotContaining("tuesday").hasMessageNotContaining("s3cr3t").hasMessageNotContaining("forged");
        assertThat(ksm.stored("Gateway").field(CredentialField.TARGET)).contains("db01");
    }

    @Test
    void deniedWriteChangesNothingAndIsAudited() {
        Exchange out = template.request("direct:rotateDenied", e -> e.getMessage().setBody(NEW));

        assertThat(out.getException()).isInstanceOf(KsmAccessDeniedException.class)
                .hasMessageContaining("(set)").hasMessageContaining("not-rotate").hasMessageNotContaining(NEW);
        assertThat(ksm.stored("Bot").secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(OLD);
        assertThat(ksm.lastAudit().outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(ksm.lastAudit().operation()).isEqualTo("set");
        assertThat(out.getMessage().getBody()).as("the new password is taken off even when denied").isNull();
    }

    @Test
    void setPropertyWritesASecretPropertyByDefault() throws Exception {
        getMockEndpoint("mock:after").expectedMessageCount(1);

        Exchange out = template.request("direct:setProperty", e -> e.getMessage().setBody("k-123"));

        assertThat(out.getException()).isNull();
        CredentialProperty property = ksm.stored("Gateway").property("apiKey").orElseThrow();
        assertThat(property.secret()).isTrue();
        assertThat(property.value().reveal()).isEqualTo("k-123");
        assertThat(getMockEndpoint("mock:after").getReceivedExchanges().get(0).getMessage().getBody()).isNull();
        assertThat(ksm.lastAudit().operation()).isEqualTo("setProperty");
        assertThat(out.getMessage().getHeader(KsmConstants.CREDENTIAL_VERSION)).isEqualTo(2L);
    }

    @Test
    void setPropertyCanWriteAPlainProperty() {
        template.request("direct:setPlainProperty", e -> e.getMessage().setHeader(KsmConstants.VALUE, "eu-west"));

        CredentialProperty property = ksm.stored("Gateway").property("region").orElseThrow();
        assertThat(property.secret()).isFalse();
        assertThat(property.displayValue()).isEqualTo("eu-west");
    }
}
