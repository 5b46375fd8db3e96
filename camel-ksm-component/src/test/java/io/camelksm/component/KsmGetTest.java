package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.camelksm.KsmException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.testsupport.KsmCamelTestSupport;

/** operation=get hands GENERAL and DATA_GATEWAY fields to the route in an exchange property, not in headers. */
class KsmGetTest extends KsmCamelTestSupport {

    private static final String PASSWORD = "bp-Pa55!word";
    private static final Instant EXPIRY = Instant.parse("2099-01-01T00:00:00Z");

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("BluePrism Bot", CredentialType.GENERAL)
                .field(CredentialField.USERNAME, "bot01").value(CredentialField.PASSWORD, PASSWORD)
                .property(CredentialProperty.plain("domain", "CORP"))
                .property(CredentialProperty.secret("pin", Secret.of("4711")))
                .expiresAt(EXPIRY).build());
        ksm.add(Credential.builder("Gateway", CredentialType.DATA_GATEWAY)
                .field(CredentialField.USERNAME, "gw").value(CredentialField.PASSWORD, "gw-pass")
                .field(CredentialField.TARGET, "db01:1521/ORCL").build());
        ksm.add(Credential.builder("Basic", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "u").value(CredentialField.PASSWORD, "p").build());
        ksm.grantAnyone("BluePrism Bot").grantAnyone("Gateway").grantAnyone("Basic");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").routeId("get").to("ksm:BluePrism Bot?operation=get");
                from("direct:getNamed").to("ksm:BluePrism Bot?operation=get&fieldsProperty=bot");
                from("direct:getHeaders").to("ksm:BluePrism Bot?operation=get&fieldsAsHeaders=true");
                from("direct:gateway").to("ksm:Gateway?operation=get");
                from("direct:basic").to("ksm:Basic?operation=get");
                from("direct:login").to("ksm:BluePrism Bot?operation=get")
                        .setBody(simple("${exchangeProperty.KsmCredential.username}:"
                                        + "${exchangeProperty.KsmCredential.password.reveal()}@"
                                        + "${exchangeProperty.KsmCredential.getProperty('domain')}"));
            }
        };
    }

    @Test
    void fieldsGoToTheExchangePropertyAsATypedObject() {
        Exchange out = template.request("direct:get", e -> { });

        assertThat(out.getException()).isNull();
        KsmCredentialFields fields = out.getProperty(KsmConfiguration.DEFAULT_FIELDS_PROPERTY, KsmCredentialFields.class);
        assertThat(fields.getCredentialName()).isEqualTo("BluePrism Bot");
        assertThat(fields.getType()).isEqualTo(CredentialType.GENERAL);
        assertThat(fields.getUsername()).isEqualTo("bot01");
        assertThat(fields.getPassword().reveal()).isEqualTo(PASSWORD);
        assertThat(fields.getTarget()).isNull();
        assertThat(fields.getExpiresAt()).isEqualTo(EXPIRY);
        assertThat(fields.getProperty("domain")).isEqualTo("CORP");
        assertThat(fields.getProperty("pin")).isEqualTo("4711");
        assertThat(fields.getProperties().get("pin").secret()).isTrue();
        assertThat(ksm.lastAudit().operation()).isEqualTo("get");
    }

    @Test
    void noFieldIsPutInAHeaderUnlessAskedFor() {
        Exchange out = template.request("direct:get", e -> { });

        Map<String, Object> headers = out.getMessage().getHeaders();
        assertThat(headers).containsOnlyKeys(KsmConstants.CREDENTIAL_TYPE);
        assertThat(headers.values()).noneSatisfy(v -> assertThat(String.valueOf(v)).contains(PASSWORD));
    }

    @Test
    void toStringOfTheFieldsMasksEverySecret() {
        Exchange out = template.request("direct:get", e -> { });

        String text = out.getProperty(KsmConfiguration.DEFAULT_FIELDS_PROPERTY).toString();
        assertThat(text).contains("bot01", "domain=CORP", "pin=******", "password=******")
                .doesNotContain(PASSWORD).doesNotContain("4711");
    }

    @Test
    void propertyNameIsConfigurable() {
        Exchange out = template.request("direct:getNamed", e -> { });

        assertThat(out.getProperty("bot", KsmCredentialFields.class).getUsername()).isEqualTo("bot01");
        assertThat(out.getProperty(KsmConfiguration.DEFAULT_FIELDS_PROPERTY)).isNull();
    }

    @Test
    void fieldsAsHeadersOnlyWhenTheRouteAsksExplicitly() {
        Exchange out = template.request("direct:getHeaders", e -> { });

        assertThat(out.getMessage().getHeader(KsmConstants.USERNAME)).isEqualTo("bot01");
        assertThat(out.getMessage().getHeader(KsmConstants.PASSWORD)).isEqualTo(PASSWORD);
        assertThat(out.getMessage().getHeader(KsmConstants.PROPERTIES))
                .isEqualTo(Map.of("domain", "CORP", "pin", "4711"));
    }

    @Test
    void dataGatewayHasItsTarget() {
        Exchange out = template.request("direct:gateway", e -> { });

        KsmCredentialFields fields = out.getProperty(KsmConfiguration.DEFAULT_FIELDS_PROPERTY, KsmCredentialFields.class);
        assertThat(fields.getType()).isEqualTo(CredentialType.DATA_GATEWAY);
        assertThat(fields.getTarget()).isEqualTo("db01:1521/ORCL");
        assertThat(fields.getPassword().reveal()).isEqualTo("gw-pass");
    }

    @Test
    void routeRevealsThePasswordExplicitlyWithSimple() {
        Exchange out = template.request("direct:login", e -> { });

        assertThat(out.getMessage().getBody(String.class)).isEqualTo("bot01:" + PASSWORD + "@CORP");
    }

    @Test
    void getIsNotForHttpAuthenticationTypes() {
        Exchange out = template.request("direct:basic", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmException.class)
                .hasMessageContaining("'Basic' is of type BASIC")
                .hasMessageContaining("GENERAL and DATA_GATEWAY")
                .hasMessageContaining("operation=authorize");
        assertThat(out.getProperty(KsmConfiguration.DEFAULT_FIELDS_PROPERTY)).isNull();
    }

    @Test
    void fieldsHoldTheirOwnCopyAndCanBeWiped() {
        Exchange first = template.request("direct:get", e -> { });
        KsmCredentialFields fields = first.getProperty(KsmConfiguration.DEFAULT_FIELDS_PROPERTY,
                KsmCredentialFields.class);
        fields.destroy();

        assertThat(fields.isDestroyed()).isTrue();
        assertThat(fields.getPassword().isDestroyed()).isTrue();
        assertThat(fields.getProperties().get("pin").value().isDestroyed()).isTrue();
        Exchange second = template.request("direct:get", e -> { });
        assertThat(second.getProperty(KsmConfiguration.DEFAULT_FIELDS_PROPERTY, KsmCredentialFields.class)
                .getPassword().reveal()).as("the stored credential is untouched").isEqualTo(PASSWORD);
    }
}
