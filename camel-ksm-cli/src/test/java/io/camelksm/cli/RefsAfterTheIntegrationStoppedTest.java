package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelksm.component.KsmComponent;

/**
 * ksm-admin on the embedded H2 home, the way an operator uses it: the file opens in one process at a time, so the
 * integration (a CamelContext with a ksm: route, component options left at their defaults but the home) runs, stops,
 * and only then ksm-admin looks. It sees the route as stopped, with its last use, refuses to delete without --force,
 * and changes no row itself; the integration started again without the route leaves nothing of it.
 */
class RefsAfterTheIntegrationStoppedTest extends AdminTestSupport {

    private static final String PASSWORD = "stopped-pw-4e9a";

    private DefaultCamelContext camel;

    @Override
    List<String> secrets() {
        return List.of(PASSWORD);
    }

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    /** Runs the integration on the home: starts the routes, sends one exchange to each direct: given, stops it. */
    private void runIntegration(RouteBuilder routes, String... send) throws Exception {
        camel = new DefaultCamelContext();
        KsmComponent component = new KsmComponent();
        PropertyBindingSupport.build().withRemoveParameters(false).bind(camel, component,
                Map.of("databaseDirectory", home.toString()));
        camel.addComponent("ksm", component);
        camel.addRoutes(routes);
        camel.start();
        for (String endpoint : send) {
            assertThat(camel.createProducerTemplate().requestBody(endpoint, "x")).isEqualTo("x");
        }
        camel.stop();
        camel = null;
    }

    @Test
    void theStoppedIntegrationsRouteIsListedAsStoppedAndDeleteAsksForForce() throws Exception {
        ok(PASSWORD + "\n", "credential", "add", "--name", "ExampleApi", "--type", "basic", "--username", "Aladdin");
        ok("", "credential", "grant", "ExampleApi", "--role", "*", "--process", "*", "--resource", "*");
        runIntegration(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").routeId("orders").to("ksm:ExampleApi");
            }
        }, "direct:orders");

        List<String> refs = ok("", "credential", "refs", "ExampleApi").out().lines().toList();
        assertThat(refs).hasSize(3);
        assertThat(refs.get(0)).contains("KIND", "WHERE", "ROUTE", "NODE", "STATE", "REGISTERED", "LAST USED");
        assertThat(refs.get(1)).contains("ENDPOINT", "ksm://ExampleApi", "orders", "stopped at 20")
                .doesNotEndWith("never");
        List<Map<String, Object>> json = new ObjectMapper().readValue(
                ok("", "credential", "refs", "ExampleApi", "--json").out(), new TypeReference<>() { });
        assertThat(json).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("routeId", "orders").containsEntry("state", "stopped");
            assertThat(row.get("stoppedAt")).isNotNull();
            assertThat(row.get("lastUsed")).isNotNull();
        });

        AdminRun refused = userError("", "credential", "delete", "ExampleApi");
        assertThat(refused.err()).contains("ENDPOINT", "orders", "stopped at")
                .contains("Credential 'ExampleApi' is referenced in 1 place (stopped), listed above: nothing was"
                          + " deleted. Use --force to delete it anyway.");
        assertThat(ok("", "credential", "show", "ExampleApi").out()).contains("Aladdin");
        // ksm-admin, with the same node name, read the rows and left them
        assertThat(ok("", "credential", "refs", "ExampleApi").out()).contains("orders", "stopped at");

        runIntegration(new RouteBuilder() { // the next release: route orders is gone
            @Override
            public void configure() {
                from("direct:invoices").routeId("invoices").log("no credential here");
            }
        });

        assertThat(ok("", "credential", "refs", "ExampleApi").out()).startsWith("No route, connector or Kamelet");
        assertThat(ok("", "credential", "delete", "ExampleApi").out()).isEqualTo("Deleted credential 'ExampleApi'.\n");
    }
}
