package io.camelksm.connector.kamelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelksm.component.KsmComponent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference;
import io.camelksm.credential.CredentialType;

/** A route made from a Kamelet registers its credential as a KAMELET use while it runs. */
class KameletReferencesTest extends KameletRouteTestSupport {

    @Override
    protected void credentials() {
        ksm.add(Credential.builder("Orders", CredentialType.BEARER).value(CredentialField.TOKEN, "t-orders").build());
        ksm.grantAnyone("Orders");
    }

    @Override
    protected String yamlRoutes() {
        return """
                - route:
                    id: orders
                    from:
                      uri: direct:orders
                      steps:
                      - to:
                          uri: "kamelet:ksm-authorize-action?credential=Orders"
                """;
    }

    private List<CredentialReference> references() {
        return context.getComponent("ksm", KsmComponent.class).runtime().references()
                .list(CredentialName.of("Orders"));
    }

    @Test
    void theKameletsRouteIsRegisteredAsAKameletUseRunningUntilItStops() throws Exception {
        assertThat(references()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(CredentialReference.Kind.KAMELET);
            assertThat(r.location()).isEqualTo("kamelet ksm-authorize-action");
            assertThat(r.routeId()).startsWith("ksm-authorize-action-");
            assertThat(context.getRoute(r.routeId()).isCreatedByKamelet()).isTrue();
        });
        String kameletRoute = references().get(0).routeId();

        template.sendBody("direct:orders", "x"); // the use is the Kamelet's route's: no second row for 'orders'
        assertThat(references()).extracting(CredentialReference::routeId).containsExactly(kameletRoute);

        context.getRouteController().stopRoute(kameletRoute);
        assertThat(references()).singleElement().satisfies(r -> {
            assertThat(r.routeId()).isEqualTo(kameletRoute);
            assertThat(r.state()).startsWith("stopped at ");
        });
    }
}
