package io.camelksm.connector.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;

import io.camelksm.component.KsmComponent;
import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.definition.ConnectorDefinitionReader;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.SendTargets;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.LogCapture;

/** A connector's credentials without sendTo are named once at start; bound ones are not. */
class UnboundCredentialWarningsTest {

    private static final String DEFINITION = """
            name: github
            baseUrl: https://api.github.com
            authentication:
              type: bearer
              credential: GitHub
              allowedCredentials: [GitHub, GitHubPinned]
            actions:
              - name: repo
                method: GET
                path: /repo
              - name: user
                method: GET
                path: /user
            """;

    @Test
    void anUnboundConnectorCredentialIsWarnedAboutOnce() throws Exception {
        try (KsmTestSupport ksm = KsmTestSupport.create(); LogCapture log = new LogCapture();
             CamelContext camel = new DefaultCamelContext()) {
            ksm.add(Credential.builder("GitHub", CredentialType.BEARER).value(CredentialField.TOKEN, "t1").build());
            ksm.add(Credential.builder("GitHubPinned", CredentialType.BEARER).value(CredentialField.TOKEN, "t2")
                    .property(CredentialProperty.plain("sendTo", "api.github.com")).build());
            KsmComponent component = new KsmComponent();
            component.setGovernedCredentials(ksm.governed());
            camel.addComponent("ksm", component);
            camel.addRoutes(new ConnectorRoutes(ConnectorDefinitions.of(List.of(
                    ConnectorDefinitionReader.read("github.yaml", DEFINITION)))));
            camel.start();

            assertThat(log.events().stream()
                    .filter(e -> e.getLevel() == Level.WARN && e.getLoggerName().equals(SendTargets.class.getName()))
                    .map(e -> e.getFormattedMessage()))
                    .containsExactly("credential 'GitHub' is not bound to any host (property sendTo): connector"
                            + " 'github' may send it to any endpoint; an administrator can bind it with ksm-admin"
                            + " credential update 'GitHub' --property sendTo=<hosts>");
        }
    }
}
