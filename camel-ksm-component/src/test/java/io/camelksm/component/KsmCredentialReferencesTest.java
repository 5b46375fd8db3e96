package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.access.Restriction;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference;
import io.camelksm.credential.CredentialReference.Kind;
import io.camelksm.credential.CredentialType;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.store.jdbc.DatabaseSettings;

/**
 * A real CamelContext on an embedded database registers where its routes use credentials: each ksm: endpoint of a
 * started route (nested ones too) with its route id, a name chosen at run time once it is used, the last use after an
 * exchange; a stopped route and a stopped context mark theirs stopped (kept), and the node started again replaces
 * them with what it runs then.
 */
class KsmCredentialReferencesTest {

    private static final CredentialName GRAPH = CredentialName.of("Graph");
    private static final CredentialName CRM = CredentialName.of("Crm");

    @TempDir
    Path tempDir;

    private DefaultCamelContext camel;

    @BeforeEach
    void startRoutes() throws Exception {
        camel = startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").routeId("orders").to("ksm:Graph");
                from("direct:nested").routeId("nested").choice().when(header("go")).to("ksm:Graph?headerName=X-Auth")
                        .end();
                from("direct:dynamic").routeId("dynamic").toD("ksm:${header.credential}");
                from("direct:none").routeId("none").log("no credential here");
            }
        });
        GovernedCredentials governed = camel.getComponent("ksm", KsmComponent.class).runtime().credentials();
        Caller admin = new Caller("admin", Set.of(), "ksm-admin", "node-a", null);
        for (String name : List.of("Graph", "Crm")) {
            governed.create(Credential.builder(name, CredentialType.BASIC).field(CredentialField.USERNAME, "svc")
                    .value(CredentialField.PASSWORD, "pw-" + name).build(), admin);
            for (Dimension d : Dimension.values()) {
                governed.grant(CredentialName.of(name), d, Restriction.ANY_WORD, admin);
            }
        }
    }

    /** A CamelContext with the routes, its ksm component on the test's embedded database as node-a. */
    private DefaultCamelContext startContext(RouteBuilder routes) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        KsmComponent component = new KsmComponent();
        PropertyBindingSupport.build().withRemoveParameters(false).bind(context, component, Map.of(
                "databaseDirectory", tempDir.toString(), "keyFile", tempDir.resolve("ksm.key").toString(),
                "auditMode", "sync", "nodeName", "node-a"));
        context.addComponent("ksm", component);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    private List<CredentialReference> references(CredentialName name) {
        return camel.getComponent("ksm", KsmComponent.class).runtime().references().list(name);
    }

    @Test
    void everyKsmEndpointOfAStartedRouteIsRegisteredWithItsRouteId() {
        assertThat(references(GRAPH)).extracting(CredentialReference::kind, CredentialReference::location,
                CredentialReference::routeId, CredentialReference::node).containsExactlyInAnyOrder(
                tuple(Kind.ENDPOINT, "ksm://Graph", "orders", "node-a"),
                tuple(Kind.ENDPOINT, "ksm://Graph?headerName=X-Auth", "nested", "node-a"));
        assertThat(references(GRAPH)).extracting(CredentialReference::lastUsed).containsOnlyNulls();
    }

    @Test
    void theLastUseIsThatOfTheRoutesNewestExchange() {
        camel.createProducerTemplate().sendBody("direct:orders", "x");

        assertThat(references(GRAPH)).filteredOn(r -> r.routeId().equals("orders")).singleElement()
                .satisfies(r -> assertThat(r.lastUsed()).isNotNull());
        assertThat(references(GRAPH)).filteredOn(r -> r.routeId().equals("nested")).singleElement()
                .satisfies(r -> assertThat(r.lastUsed()).isNull());
    }

    @Test
    void aNameChosenAtRunTimeIsRegisteredWhenFirstUsed() {
        assertThat(references(CRM)).isEmpty();

        camel.createProducerTemplate().sendBodyAndHeader("direct:dynamic", "x", "credential", "Crm");

        assertThat(references(CRM)).extracting(CredentialReference::kind, CredentialReference::location,
                CredentialReference::routeId).containsExactly(tuple(Kind.ENDPOINT, "ksm://Crm", "dynamic"));
        assertThat(references(CRM).get(0).lastUsed()).isNotNull();
    }

    @Test
    void listeningToRoutesTurnsOnNoEventsForExchanges() {
        camel.createProducerTemplate().sendBody("direct:orders", "x");

        assertThat(camel.getCamelContextExtension().isEventNotificationApplicable()).isFalse();
    }

    @Test
    void aStoppedRouteAndAStoppedContextMarkTheirPlacesStopped() throws Exception {
        camel.getRouteController().stopRoute("orders");
        assertThat(references(GRAPH)).extracting(CredentialReference::routeId, CredentialReference::running)
                .containsExactlyInAnyOrder(tuple("orders", false), tuple("nested", true));

        camel.getRouteController().startRoute("orders");
        assertThat(references(GRAPH)).extracting(CredentialReference::routeId, CredentialReference::running)
                .containsExactlyInAnyOrder(tuple("orders", true), tuple("nested", true));

        camel.stop();
        camel = null;
        assertThat(readAsAdmin(GRAPH)).extracting(CredentialReference::routeId, CredentialReference::node,
                CredentialReference::running).containsExactlyInAnyOrder(tuple("orders", "node-a", false),
                tuple("nested", "node-a", false));
        assertThat(readAsAdmin(GRAPH)).allSatisfy(r -> assertThat(r.stoppedAt()).isNotNull());
    }

    @Test
    void theNodeStartedAgainReplacesItsStoppedPlacesWithWhatItRunsNow() throws Exception {
        camel.stop();
        camel = startContext(new RouteBuilder() { // the code changed: route orders was removed, billing added
            @Override
            public void configure() {
                from("direct:nested").routeId("nested").choice().when(header("go")).to("ksm:Graph?headerName=X-Auth")
                        .end();
                from("direct:billing").routeId("billing").to("ksm:Graph");
            }
        });

        assertThat(references(GRAPH)).extracting(CredentialReference::routeId, CredentialReference::state)
                .containsExactlyInAnyOrder(tuple("nested", "running"), tuple("billing", "running"));
        camel.stop();
        camel = null;
        assertThat(readAsAdmin(GRAPH)).extracting(CredentialReference::routeId, CredentialReference::running)
                .containsExactlyInAnyOrder(tuple("nested", false), tuple("billing", false));
    }

    /** What ksm-admin sees once the context stopped: it opens the database only to read (same node name). */
    private List<CredentialReference> readAsAdmin(CredentialName name) {
        try (KsmRuntime admin = KsmRuntime.open(KsmSettings.builder().database(new DatabaseSettings(
                DatabaseSettings.embedded(tempDir).jdbcUrl(), null, null, tempDir.resolve("ksm.key")))
                .auditMode(AuditMode.SYNC).nodeName("node-a").build())) {
            return admin.references().list(name);
        }
    }
}
