package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.SendTargets;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.LogCapture;

/** A credential without sendTo keeps working, with one WARN per credential when its authorize endpoints start. */
class KsmUnboundWarningTest {

    @Test
    void anUnboundCredentialIsWarnedAboutOnceABoundOneNever() throws Exception {
        try (KsmTestSupport ksm = KsmTestSupport.create(); LogCapture log = new LogCapture();
             CamelContext camel = new DefaultCamelContext()) {
            ksm.add(Credential.builder("Open", CredentialType.BEARER).value(CredentialField.TOKEN, "tok-open").build());
            ksm.add(Credential.builder("Pinned", CredentialType.BEARER).value(CredentialField.TOKEN, "tok-pinned")
                    .property(CredentialProperty.plain("sendTo", "api.example.com")).build());
            ksm.grantAnyone("Open").grantAnyone("Pinned");
            KsmComponent component = new KsmComponent();
            component.setGovernedCredentials(ksm.governed());
            camel.addComponent("ksm", component);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to("ksm:Open");
                    from("direct:b").to("ksm:Open?headerName=X-Token");
                    from("direct:c").to("ksm:Pinned");
                    from("direct:d").to("ksm:Open?operation=get");
                }
            });
            camel.start();
            camel.getRouteController().stopRoute("route1");
            camel.getRouteController().startRoute("route1");

            List<String> warnings = log.events().stream()
                    .filter(e -> e.getLevel() == Level.WARN && e.getLoggerName().equals(SendTargets.class.getName()))
                    .map(e -> e.getFormattedMessage()).toList();
            assertThat(warnings).containsExactly("credential 'Open' is not bound to any host (property sendTo):"
                    + " ksm:Open may send it to any endpoint; an administrator can bind it with ksm-admin credential"
                    + " update 'Open' --property sendTo=<hosts>");
            assertThat(log.text()).as("the guard came with the context, not late with the component")
                    .doesNotContain("may not be guarded");
            assertThat(camel.createProducerTemplate().request("direct:a", e -> { }).getMessage()
                    .getHeader("Authorization")).isEqualTo("Bearer tok-open");
        }
    }
}
