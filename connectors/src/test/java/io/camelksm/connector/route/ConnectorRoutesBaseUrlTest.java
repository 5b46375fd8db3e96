package io.camelksm.connector.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.camelksm.connector.ConnectorDefinitions;
import io.camelksm.connector.definition.ConnectorDefinitionException;
import io.camelksm.connector.definition.ConnectorDefinitionReader;

/** A base URL from a Camel property is checked once resolved, when the routes are built. */
class ConnectorRoutesBaseUrlTest {

    private static final String DEFINITION = """
            name: crm
            baseUrl: "{{crm.url}}"
            authentication:
              type: none
            actions:
              - name: ping
                method: GET
                path: /ping
            """;

    @Test
    void plainHttpToARemoteHostIsRefusedAfterResolution() throws Exception {
        ConnectorDefinitions definitions = ConnectorDefinitions.of(List.of(
                ConnectorDefinitionReader.read("crm.yaml", DEFINITION)));
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("crm.url", "http://crm.example.com");

            assertThatThrownBy(() -> context.addRoutes(new ConnectorRoutes(definitions)))
                    .isInstanceOfSatisfying(ConnectorDefinitionException.class, e -> {
                        assertThat(e.source()).isEqualTo("crm.yaml");
                        assertThat(e.field()).isEqualTo("baseUrl");
                        assertThat(e.getMessage()).contains("plain http is allowed only to a loopback host");
                    });
        }
    }

    @Test
    void routeIdsAndEndpoints() {
        assertThat(ConnectorRoutes.routeId("github", "getRepository")).isEqualTo("ksm-connector.github.getRepository");
        assertThat(ConnectorRoutes.endpointUri("github", "getRepository")).isEqualTo("direct:github.getRepository");
    }
}
