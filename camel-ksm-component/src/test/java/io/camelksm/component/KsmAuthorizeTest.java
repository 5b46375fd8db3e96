package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.KsmTestSupport;

/** operation=authorize puts a correct Basic or Bearer header on the message and audits the decision. */
class KsmAuthorizeTest extends KsmCamelTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("Aladdin", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "Aladdin").value(CredentialField.PASSWORD, "open sesame").build());
        ksm.add(Credential.builder("Graph Token", CredentialType.BEARER)
                .value(CredentialField.TOKEN, "mF_9.B5f-4.1JqM").build());
        ksm.add(Credential.builder("team/api", CredentialType.BEARER).value(CredentialField.TOKEN, "abc~+/==").build());
        ksm.grant("Aladdin", "*", "basic", KsmTestSupport.NODE);
        ksm.grant("Graph Token", "*", "*", KsmTestSupport.NODE);
        ksm.grant("team/api", "*", "*", "*");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:basic").routeId("basic").to("ksm:Aladdin");
                from("direct:basicLowerCase").routeId("basicLowerCase").to("ksm:aladdin?process=basic");
                from("direct:bearer").routeId("bearer").to("ksm:Graph Token?operation=authorize");
                from("direct:apiKey").routeId("apiKey").to("ksm:Graph Token?headerName=X-API-Key&includeScheme=false");
                from("direct:slash").routeId("slash").to("ksm:team/api");
            }
        };
    }

    @Test
    void basicFollowsRfc7617Example() {
        Exchange out = template.request("direct:basic", e -> e.getMessage().setBody("payload"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(out.getMessage().getHeader(KsmConstants.CREDENTIAL_TYPE)).isEqualTo("BASIC");
        assertThat(out.getMessage().getBody()).as("the body is left alone").isEqualTo("payload");
    }

    @Test
    void decisionIsAuditedWithRouteExchangeAndCaller() {
        Exchange out = template.request("direct:basic", e -> { });

        AuditEvent event = ksm.lastAudit();
        assertThat(event.outcome()).isEqualTo(AuditOutcome.GRANTED);
        assertThat(event.credential()).isEqualTo("Aladdin");
        assertThat(event.operation()).isEqualTo("authorize");
        assertThat(event.routeId()).isEqualTo("basic");
        assertThat(event.exchangeId()).isEqualTo(out.getExchangeId());
        assertThat(event.process()).isEqualTo("basic");
        assertThat(event.resource()).isEqualTo(KsmTestSupport.NODE);
        assertThat(event.roles()).isEmpty();
        assertThat(event.time()).isNotNull();
    }

    @Test
    void namesAreCaseInsensitive() {
        Exchange out = template.request("direct:basicLowerCase", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(ksm.lastAudit().process()).as("the process option replaces the route id").isEqualTo("basic");
        assertThat(ksm.lastAudit().routeId()).isEqualTo("basicLowerCase");
    }

    @Test
    void bearerFollowsRfc6750() {
        Exchange out = template.request("direct:bearer", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Bearer mF_9.B5f-4.1JqM");
        assertThat(out.getMessage().getHeader(KsmConstants.CREDENTIAL_TYPE)).isEqualTo("BEARER");
    }

    @Test
    void apiKeyStyleHeaderCarriesTheBareToken() {
        Exchange out = template.request("direct:apiKey", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("X-API-Key")).isEqualTo("mF_9.B5f-4.1JqM");
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
    }

    @Test
    void nameMayContainSlashes() {
        Exchange out = template.request("direct:slash", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Bearer abc~+/==");
        assertThat(ksm.lastAudit().credential()).isEqualTo("team/api");
    }
}
