package io.camelksm.connector.kamelet;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.model.KameletDefinition;
import org.apache.camel.model.RemoveHeaderDefinition;
import org.apache.camel.model.ToDefinition;
import org.junit.jupiter.api.Test;

/**
 * Pins why docs/connectors.md tells routes to call ksm-authorize-action with {@code - to: kamelet:...} rather than
 * the Kamelet EIP ({@code - kamelet: ...}): Camel's YAML DSL 4.22.0 makes the steps after a Kamelet EIP step its
 * children (in the compact and in the mapping form), not the route's next steps. With several such steps in one
 * context, an exchange was seen running another route's children. When this fails, Camel has changed the nesting:
 * revisit the advice.
 */
class KameletEipNestingTest extends KameletRouteTestSupport {

    @Override
    protected void credentials() {
        // the routes are only inspected, never run
    }

    @Override
    protected String yamlRoutes() {
        return """
                - route:
                    id: compact
                    from:
                      uri: direct:compact
                      steps:
                      - kamelet: "ksm-authorize-action?credential=Orders"
                      - to:
                          uri: "http://127.0.0.1:9/api/orders"
                      - removeHeader:
                          name: Authorization
                - route:
                    id: endpoint
                    from:
                      uri: direct:endpoint
                      steps:
                      - to:
                          uri: "kamelet:ksm-authorize-action?credential=Orders"
                      - to:
                          uri: "http://127.0.0.1:9/api/orders"
                      - removeHeader:
                          name: Authorization
                """;
    }

    @Override
    public boolean isUseAdviceWith() {
        return true; // the context is not started: nothing connects anywhere
    }

    @Test
    void stepsAfterTheKameletEipBecomeItsChildrenButStayTheRoutesAfterATo() {
        assertThat(context.getRouteDefinition("compact").getOutputs()).singleElement()
                .isInstanceOfSatisfying(KameletDefinition.class, kamelet -> assertThat(kamelet.getOutputs())
                        .hasExactlyElementsOfTypes(ToDefinition.class, RemoveHeaderDefinition.class));
        assertThat(context.getRouteDefinition("endpoint").getOutputs())
                .hasExactlyElementsOfTypes(ToDefinition.class, ToDefinition.class, RemoveHeaderDefinition.class);
    }
}
