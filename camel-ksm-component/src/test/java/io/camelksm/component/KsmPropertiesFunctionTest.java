package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.KsmTestSupport;

/** {@code {{ksm:<credential>/<field>}}} goes through the governed credentials as process "properties". */
class KsmPropertiesFunctionTest extends KsmCamelTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("Crm", CredentialType.DATA_GATEWAY)
                .field(CredentialField.USERNAME, "svc-crm").value(CredentialField.PASSWORD, "pw")
                .field(CredentialField.TARGET, "https://crm.example").property(CredentialProperty.plain("tenant", "t-42"))
                .build());
        ksm.grant("Crm", "*", KsmPropertiesFunction.PROCESS, KsmTestSupport.NODE);
        ksm.add(Credential.builder("team/api", CredentialType.BEARER).value(CredentialField.TOKEN, "tok").build());
        ksm.grant("team/api", "*", KsmPropertiesFunction.PROCESS, "*");
        ksm.add(Credential.builder("Locked", CredentialType.BEARER).value(CredentialField.TOKEN, "tok").build());
        ksm.grant("Locked", "*", "some-route", "*");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:props").routeId("props")
                        .setBody(constant("{{ksm:Crm/username}} {{ksm:Crm/target}} {{ksm:Crm/tenant}}"))
                        .setHeader("token", constant("{{ksm:team/api/token}}"));
            }
        };
    }

    @Test
    void resolvesFieldsAndPropertiesThroughTheGovernedCredentials() {
        String body = template.requestBody("direct:props", "", String.class);

        assertThat(body).isEqualTo("svc-crm https://crm.example t-42");
        AuditEvent event = ksm.audit().stream().filter(e -> e.credential().equals("Crm")
                && e.operation().equals("get")).findFirst().orElseThrow();
        assertThat(event.outcome()).isEqualTo(AuditOutcome.GRANTED);
        assertThat(event.process()).isEqualTo(KsmPropertiesFunction.PROCESS);
        assertThat(event.resource()).isEqualTo(KsmTestSupport.NODE);
    }

    @Test
    void theFieldIsWhatFollowsTheLastSlash() {
        assertThat(template.request("direct:props", e -> { }).getMessage().getHeader("token")).isEqualTo("tok");
    }

    @Test
    void deniedUnlessGrantedToTheProcessProperties() {
        assertThatThrownBy(() -> context.resolvePropertyPlaceholders("{{ksm:Locked/token}}"))
                .isInstanceOf(KsmAccessDeniedException.class)
                .hasMessageContaining("'Locked'").hasMessageContaining("process 'properties'");
        assertThat(ksm.lastAudit().outcome()).isEqualTo(AuditOutcome.DENIED);
    }

    @Test
    void unknownFieldOrBadSyntaxIsExplained() {
        assertThatThrownBy(() -> context.resolvePropertyPlaceholders("{{ksm:Crm/colour}}"))
                .hasMessage("Credential 'Crm' of type DATA_GATEWAY has no field or property 'colour'");
        assertThatThrownBy(() -> context.resolvePropertyPlaceholders("{{ksm:Crm}}"))
                .hasMessageContaining("Use {{ksm:<credential>/<field>}}");
    }
}
