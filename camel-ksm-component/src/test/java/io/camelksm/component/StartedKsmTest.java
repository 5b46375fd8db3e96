package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.camelksm.KsmException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmTestSupport;

/** Code outside routes reaches the component's runtime once it started, or the parts it was given before that. */
class StartedKsmTest {

    @Test
    void beforeTheComponentStartedWithNothingGivenTheErrorSaysSo() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("ksm", new KsmComponent());
            KsmPropertiesFunction function = new KsmPropertiesFunction();
            function.setCamelContext(camel);

            assertThatThrownBy(() -> function.apply("Crm/username")).isInstanceOf(KsmException.class)
                    .hasMessage("{{ksm:Crm/username}} was resolved before the ksm component started: its"
                                + " credentials are not available yet");
            assertThatThrownBy(() -> StartedKsm.forProcess(camel, "oauthProfile", "The OAuth token was asked for",
                    true)).hasMessageStartingWith("The OAuth token was asked for before the ksm component started");
        }
    }

    @Test
    void afterItStartedTheRuntimeServesAndAfterItStoppedNoLonger() throws Exception {
        try (KsmTestSupport ksm = KsmTestSupport.create(); DefaultCamelContext camel = new DefaultCamelContext()) {
            ksm.add(Credential.builder("Crm", CredentialType.BASIC).field(CredentialField.USERNAME, "svc-crm")
                    .value(CredentialField.PASSWORD, "pw").build());
            ksm.grant("Crm", "*", "job", "node-x");
            KsmComponent component = new KsmComponent();
            component.setGovernedCredentials(ksm.governed());
            component.getCallerConfiguration().setNodeName("node-x");
            camel.addComponent("ksm", component);
            camel.start();

            assertThat(component.runtime()).isNotNull();
            assertThat(StartedKsm.forProcess(camel, "job", "asked", true).field(
                    io.camelksm.credential.CredentialName.of("Crm"), "username")).isEqualTo("svc-crm");
            assertThat(ksm.lastAudit().process()).isEqualTo("job");
            assertThat(ksm.lastAudit().resource()).isEqualTo("node-x");

            camel.stop();
            assertThat(component.runtime()).isNull();
        }
    }
}
