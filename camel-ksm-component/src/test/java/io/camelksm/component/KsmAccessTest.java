package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import com.sun.security.auth.UserPrincipal;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.access.Dimension;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.LogCapture;
import io.camelksm.testsupport.Subjects;

/** The caller comes from the route, the node and the authenticated Subject; all three restrictions must allow it. */
class KsmAccessTest extends KsmCamelTestSupport {

    private static final String PASSWORD = "Zq8#crm-secret";

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("Crm", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "svc-crm").value(CredentialField.PASSWORD, PASSWORD).build());
        ksm.grant("Crm", "crm-users", "crm-route", KsmTestSupport.NODE);
        ksm.add(Credential.builder("Elsewhere", CredentialType.BEARER).value(CredentialField.TOKEN, "t0ken").build());
        ksm.grant("Elsewhere", "*", "*", "other-node");
        ksm.add(Credential.builder("Ungranted", CredentialType.BEARER).value(CredentialField.TOKEN, "t0ken").build());
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:crm").routeId("crm-route")
                        .process(e -> e.getMessage().setHeader(Exchange.AUTHENTICATION,
                                Subjects.of("alice", e.getMessage().getHeader("role", String.class))))
                        .to("ksm:Crm");
                from("direct:crmNoSubject").routeId("crm-route-2").to("ksm:Crm?process=crm-route");
                from("direct:wrongRoute").routeId("wrong-route")
                        .process(e -> e.getMessage().setHeader(Exchange.AUTHENTICATION, Subjects.of("alice", "crm-users")))
                        .to("ksm:Crm");
                from("direct:processOverride").routeId("batch-7")
                        .process(e -> e.getMessage().setHeader(Exchange.AUTHENTICATION, Subjects.of("bob", "crm-users")))
                        .to("ksm:Crm?process=crm-route");
                from("direct:textAuthentication").routeId("crm-route-3")
                        .setHeader(Exchange.AUTHENTICATION, constant("crm-users"))
                        .to("ksm:Crm?process=crm-route");
                from("direct:userNamedLikeTheRole").routeId("crm-route-4")
                        .process(e -> e.getMessage().setHeader(Exchange.AUTHENTICATION,
                                Subjects.of(Set.of(new UserPrincipal("crm-users")))))
                        .to("ksm:Crm?process=crm-route");
                from("direct:elsewhere").routeId("elsewhere").to("ksm:Elsewhere");
                from("direct:ungranted").routeId("ungranted")
                        .process(e -> e.getMessage().setHeader(Exchange.AUTHENTICATION, Subjects.of("root", "admin")))
                        .to("ksm:Ungranted");
                from("direct:viaSubRoute").routeId("outer")
                        .process(e -> e.getMessage().setHeader(Exchange.AUTHENTICATION, Subjects.of("alice", "crm-users")))
                        .to("direct:inner");
                from("direct:inner").routeId("crm-route-inner").to("ksm:Crm");
            }
        };
    }

    @Test
    void grantedWhenRoleProcessAndResourceAllowTheCaller() {
        Exchange out = template.request("direct:crm", e -> e.getMessage().setHeader("role", "crm-users"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("Authorization", String.class)).startsWith("Basic ");
        AuditEvent event = ksm.lastAudit();
        assertThat(event.outcome()).isEqualTo(AuditOutcome.GRANTED);
        assertThat(event.principal()).isEqualTo("alice");
        assertThat(event.roles()).containsExactly("crm-users"); // the user is the principal, never a role
        assertThat(event.process()).isEqualTo("crm-route");
        assertThat(event.resource()).isEqualTo(KsmTestSupport.NODE);
    }

    @Test
    void deniedWithoutTheRoleNamesCredentialCallerAndRestrictionButNotTheSecret() {
        Exchange out = template.request("direct:crm", e -> e.getMessage().setHeader("role", "sales"));

        assertThat(out.getException()).isInstanceOf(KsmAccessDeniedException.class);
        KsmAccessDeniedException denied = (KsmAccessDeniedException) out.getException();
        assertThat(denied.getFailedRestrictions()).containsExactly(Dimension.ROLE);
        assertThat(denied.getCredentialName().value()).isEqualTo("Crm");
        assertThat(denied.getCaller().roles()).containsExactly("sales");
        assertThat(denied.getMessage()).contains("'Crm'", "alice", "sales", "crm-users", "role")
                .doesNotContain(PASSWORD).doesNotContain("svc-crm");
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        AuditEvent event = ksm.lastAudit();
        assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(event.reason()).contains("ROLE").doesNotContain(PASSWORD);
    }

    @Test
    void aUserNamedLikeTheGrantedRoleIsDenied() {
        Exchange out = template.request("direct:userNamedLikeTheRole", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmAccessDeniedException.class);
        KsmAccessDeniedException denied = (KsmAccessDeniedException) out.getException();
        assertThat(denied.getFailedRestrictions()).containsExactly(Dimension.ROLE);
        assertThat(denied.getCaller().principal()).isEqualTo("crm-users");
        assertThat(denied.getCaller().roles()).isEmpty();
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
    }

    @Test
    void deniedWithoutAnySubject() {
        Exchange out = template.request("direct:crmNoSubject", e -> { });

        KsmAccessDeniedException denied = (KsmAccessDeniedException) out.getException();
        assertThat(denied.getFailedRestrictions()).containsExactly(Dimension.ROLE);
        assertThat(denied.getCaller().roles()).isEmpty();
        assertThat(denied.getCaller().principal()).isNull();
    }

    @Test
    void deniedForAnotherRoute() {
        Exchange out = template.request("direct:wrongRoute", e -> { });

        KsmAccessDeniedException denied = (KsmAccessDeniedException) out.getException();
        assertThat(denied.getFailedRestrictions()).containsExactly(Dimension.PROCESS);
        assertThat(denied.getMessage()).contains("process 'wrong-route'");
        assertThat(ksm.lastAudit().process()).isEqualTo("wrong-route");
    }

    @Test
    void processOptionOfTheEndpointActsAsTheGrantedProcess() {
        Exchange out = template.request("direct:processOverride", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(ksm.lastAudit().process()).isEqualTo("crm-route");
        assertThat(ksm.lastAudit().routeId()).as("the audit keeps the real route").isEqualTo("batch-7");
    }

    @Test
    void processIsTheRouteThatCallsTheEndpointNotTheOneTheExchangeStartedIn() {
        ksm.grant("Crm", Dimension.PROCESS, "crm-route-inner");

        Exchange out = template.request("direct:viaSubRoute", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(ksm.lastAudit().process()).isEqualTo("crm-route-inner");
    }

    @Test
    void authenticationHeaderAsTextGrantsNoRoleAndItsValueIsNotLogged() {
        try (LogCapture logs = new LogCapture()) {
            Exchange out = template.request("direct:textAuthentication", e -> { });

            KsmAccessDeniedException denied = (KsmAccessDeniedException) out.getException();
            assertThat(denied.getFailedRestrictions()).containsExactly(Dimension.ROLE);
            assertThat(denied.getCaller().roles()).isEmpty();
            assertThat(logs.messages(DefaultCallerResolver.class.getName()))
                    .anySatisfy(m -> assertThat(m).contains("Ignoring header CamelAuthentication", "java.lang.String"))
                    .noneSatisfy(m -> assertThat(m).contains("crm-users"));
        }
    }

    @Test
    void resourceIsTheNodeName() {
        Exchange out = template.request("direct:elsewhere", e -> { });

        KsmAccessDeniedException denied = (KsmAccessDeniedException) out.getException();
        assertThat(denied.getFailedRestrictions()).containsExactly(Dimension.RESOURCE);
        assertThat(denied.getMessage()).contains("resource '" + KsmTestSupport.NODE + "'", "other-node");
    }

    @Test
    void newCredentialIsDeniedToEveryoneInEveryDimension() {
        Exchange out = template.request("direct:ungranted", e -> { });

        KsmAccessDeniedException denied = (KsmAccessDeniedException) out.getException();
        assertThat(denied.getFailedRestrictions())
                .containsExactly(Dimension.ROLE, Dimension.PROCESS, Dimension.RESOURCE);
        assertThat(ksm.lastAudit().outcome()).isEqualTo(AuditOutcome.DENIED);
    }
}
