package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.access.Restriction;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialInUseException;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference;
import io.camelksm.credential.CredentialReference.Kind;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.CredentialValidator;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.CredentialReferences;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;

/**
 * Where credentials are used ({@code credential_reference}), run against each supported database by a subclass: two
 * nodes sharing one database register their places and mark them stopped (kept: what each node last ran), a node that
 * starts again replaces only its own stopped rows, the last use comes from the audit trail, and a credential with rows,
 * running or stopped, is deleted only by force.
 */
abstract class CredentialReferencesContractTest {

    private static final CredentialName GRAPH = CredentialName.of("Graph");
    private static final Caller ADMIN = new Caller("admin", Set.of(), "ksm-admin", "node-a", null);

    @TempDir
    Path tempDir;

    private DatabaseSettings database;
    private KsmRuntime nodeA;
    private KsmRuntime nodeB;

    /** A JDBC URL of a new, empty database (or schema) for one test. */
    protected abstract String newDatabaseUrl() throws Exception;

    @BeforeEach
    void openTwoNodes() throws Exception {
        database = new DatabaseSettings(newDatabaseUrl(), null, null, tempDir.resolve("keys/ksm.key"));
        nodeA = open("node-a");
        nodeB = open("node-b");
    }

    private KsmRuntime open(String node) {
        return KsmRuntime.open(KsmSettings.builder().database(database).auditMode(AuditMode.SYNC)
                .cacheTtl(Duration.ZERO).writeValidator(CredentialValidator.NONE).nodeName(node).build());
    }

    @AfterEach
    void closeNodes() {
        for (KsmRuntime runtime : new KsmRuntime[] { nodeB, nodeA }) {
            if (runtime != null) {
                runtime.close();
            }
        }
    }

    @Test
    void everyNodesPlacesAreListedCaseInsensitivelyOnceEach() {
        CredentialReferences a = nodeA.references();
        assertThat(a.register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders")).isTrue();
        assertThat(a.register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders")).isTrue(); // again: no second row
        nodeB.references().register(CredentialName.of("graph"), Kind.KAMELET, "ksm-http-sink", "ksm-http-sink-1");
        a.register(CredentialName.of("Other"), Kind.ENDPOINT, "ksm://Other", "orders");

        List<CredentialReference> found = nodeA.references().list(CredentialName.of("GRAPH"));

        assertThat(found).extracting(CredentialReference::kind, CredentialReference::location,
                CredentialReference::routeId, CredentialReference::node).containsExactly(
                tuple(Kind.ENDPOINT, "ksm://Graph", "orders", "node-a"),
                tuple(Kind.KAMELET, "ksm-http-sink", "ksm-http-sink-1", "node-b"));
        assertThat(found).allSatisfy(r -> assertThat(r.registeredAt()).isNotNull());
        assertThat(found.get(1).credential().value()).isEqualTo("graph"); // the spelling of the place
    }

    @Test
    void aStoppedRouteAndAClosedNodeMarkOnlyTheirOwnPlacesStopped() {
        nodeA.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders");
        nodeA.references().register(GRAPH, Kind.CONNECTOR, "classpath:connectors/graph.yaml (graph.listUsers)",
                "ksm-connector.graph.listUsers");
        nodeB.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders");

        nodeA.references().unregisterRoute("orders");
        assertThat(nodeB.references().list(GRAPH)).extracting(CredentialReference::routeId,
                CredentialReference::node, CredentialReference::running).containsExactlyInAnyOrder(
                tuple("orders", "node-a", false),
                tuple("ksm-connector.graph.listUsers", "node-a", true),
                tuple("orders", "node-b", true));
        CredentialReference stopped = nodeB.references().list(GRAPH).stream()
                .filter(r -> r.node().equals("node-a") && r.routeId().equals("orders")).findFirst().orElseThrow();
        assertThat(stopped.stoppedAt()).isAfterOrEqualTo(stopped.registeredAt());
        assertThat(stopped.state()).isEqualTo("stopped at " + stopped.stoppedAt());

        nodeA.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders"); // the route starts again
        assertThat(nodeB.references().list(GRAPH)).filteredOn(r -> r.node().equals("node-a"))
                .extracting(CredentialReference::routeId, CredentialReference::state).containsExactlyInAnyOrder(
                        tuple("orders", "running"), tuple("ksm-connector.graph.listUsers", "running"));

        nodeA.close();
        nodeA = null;
        assertThat(nodeB.references().list(GRAPH)).extracting(CredentialReference::node,
                CredentialReference::running).containsExactlyInAnyOrder(
                tuple("node-a", false), tuple("node-a", false), tuple("node-b", true));
    }

    @Test
    void aNodeThatStartsAgainReplacesItsStoppedRowsWithWhatItRunsNow() {
        nodeA.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders");
        nodeA.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "billing");
        nodeB.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "reports");
        nodeB.references().unregisterRoute("reports");
        nodeA.close();

        nodeA = open("node-a"); // opening, as ksm-admin does with the same node name, changes no row
        nodeA.close();
        assertThat(nodeB.references().list(GRAPH)).extracting(CredentialReference::routeId,
                CredentialReference::running).containsExactlyInAnyOrder(
                tuple("orders", false), tuple("billing", false), tuple("reports", false));

        nodeA = open("node-a");
        nodeA.references().start(); // the component starts: then its routes register; billing was removed
        nodeA.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders");

        assertThat(nodeB.references().list(GRAPH)).extracting(CredentialReference::routeId,
                CredentialReference::node, CredentialReference::running).containsExactlyInAnyOrder(
                tuple("reports", "node-b", false), // another node's stopped row stays
                tuple("orders", "node-a", true));
    }

    @Test
    void theRowsOfANodeThatCrashedStayRunning() {
        KsmRuntime crashed = open("node-c");
        crashed.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders");
        KsmRuntime restarted = open("node-c"); // the first one never closed: as after a crash
        try {
            restarted.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "other");

            assertThat(nodeA.references().list(GRAPH)).extracting(CredentialReference::routeId,
                    CredentialReference::state).containsExactlyInAnyOrder(tuple("orders", "running"),
                    tuple("other", "running"));
        } finally {
            restarted.close();
            crashed.close();
        }
    }

    @Test
    void anOverlongPlaceIsCutToItsColumnsAndStillMarkedStoppedAndRemoved() {
        String location = "file:/etc/ksm/connectors/" + "x".repeat(1500) + ".yaml";
        String node = "n".repeat(300);
        KsmRuntime longNode = open(node);
        try {
            assertThat(longNode.references().register(GRAPH, Kind.CONNECTOR, location, "r".repeat(600))).isTrue();
            CredentialReference stored = nodeA.references().list(GRAPH).get(0);
            assertThat(stored.location()).hasSize(JdbcCredentialReferenceStore.MAX_LOCATION).endsWith("…");
            assertThat(stored.node()).hasSize(JdbcCredentialReferenceStore.MAX_NODE);
            assertThat(stored.routeId()).hasSize(JdbcCredentialReferenceStore.MAX_ROUTE_ID);
        } finally {
            longNode.close();
        }
        assertThat(nodeA.references().list(GRAPH)).singleElement().satisfies(r -> assertThat(r.running()).isFalse());
        KsmRuntime again = open(node);
        try {
            again.references().start();
            assertThat(nodeA.references().list(GRAPH)).isEmpty();
        } finally {
            again.close();
        }
    }

    @Test
    void theLastUseIsTheNewestGrantedDecisionInThatRoute() {
        GovernedCredentials governed = nodeA.credentials();
        governed.create(Credential.builder("Graph", CredentialType.BASIC).field(CredentialField.USERNAME, "u")
                .secret(CredentialField.PASSWORD, Secret.of("pw")).build(), ADMIN);
        governed.grant(GRAPH, Dimension.ROLE, Restriction.ANY_WORD, ADMIN);
        governed.grant(GRAPH, Dimension.PROCESS, "orders", ADMIN);
        governed.grant(GRAPH, Dimension.RESOURCE, Restriction.ANY_WORD, ADMIN);
        nodeA.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders");
        nodeA.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "billing");
        assertThat(nodeA.references().list(GRAPH)).extracting(CredentialReference::lastUsed).containsOnlyNulls();

        use(governed, "orders"); // granted
        assertThatThrownBy(() -> use(governed, "billing")).hasMessageContaining("denied"); // not a use

        List<CredentialReference> found = nodeB.references().list(GRAPH);
        AuditEvent granted = nodeA.database().auditTrail().tail(20).stream()
                .filter(e -> "orders".equals(e.routeId()) && e.outcome() == AuditOutcome.GRANTED)
                .reduce((first, second) -> second).orElseThrow();
        assertThat(found.get(0).routeId()).isEqualTo("orders");
        assertThat(found.get(0).lastUsed()).isEqualTo(granted.time());
        assertThat(found.get(1).routeId()).isEqualTo("billing");
        assertThat(found.get(1).lastUsed()).isNull();
    }

    private static void use(GovernedCredentials governed, String route) {
        governed.use(GRAPH, "authorize", new Caller(null, Set.of(), route, "node-a", "exchange-1"), route,
                credential -> credential.type());
    }

    @Test
    void aCredentialStillInUseIsDeletedOnlyByForceAndBothAreAudited() {
        GovernedCredentials governed = nodeA.credentials();
        governed.create(Credential.builder("Graph", CredentialType.BEARER)
                .secret(CredentialField.TOKEN, Secret.of("token-1")).build(), ADMIN);
        governed.grant(GRAPH, Dimension.ROLE, "ops", ADMIN);
        nodeB.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders");
        List<CredentialReference> references = nodeA.references().list(GRAPH);

        assertThatThrownBy(() -> governed.delete(GRAPH, ADMIN, references, false))
                .isInstanceOf(CredentialInUseException.class)
                .hasMessageContaining("referenced in 1 place: ENDPOINT ksm://Graph (route orders on node node-b,"
                                      + " running)")
                .hasMessageContaining("Nothing was deleted");
        assertThat(governed.inspect(GRAPH)).isPresent();
        assertThat(governed.rightsOf(GRAPH).read().roles().allowed()).containsExactly("ops");

        assertThat(governed.delete(GRAPH, ADMIN, references, true)).isTrue();
        assertThat(governed.inspect(GRAPH)).isEmpty();
        List<AuditEvent> deletes = nodeA.database().auditTrail().tail(2);
        assertThat(deletes).extracting(AuditEvent::operation, AuditEvent::outcome).containsExactly(
                tuple("delete", AuditOutcome.FAILED),
                tuple("delete", AuditOutcome.GRANTED));
        assertThat(deletes.get(0).reason()).contains("CredentialInUseException", "route orders on node node-b");
        assertThat(deletes.get(1).reason())
                .contains("deleted by force, overriding 1 reference: ENDPOINT ksm://Graph (route orders on node node-b,"
                          + " running)");
        // the place is a fact about a running route: it stays listed
        assertThat(nodeA.references().list(GRAPH)).hasSize(1);
    }

    @Test
    void aCredentialOnlyAStoppedRouteUsedIsAlsoDeletedOnlyByForce() {
        GovernedCredentials governed = nodeA.credentials();
        governed.create(Credential.builder("Graph", CredentialType.BEARER)
                .secret(CredentialField.TOKEN, Secret.of("token-1")).build(), ADMIN);
        nodeB.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders");
        nodeB.close();
        nodeB = null;
        List<CredentialReference> references = nodeA.references().list(GRAPH);
        Instant stoppedAt = references.get(0).stoppedAt();

        assertThatThrownBy(() -> governed.delete(GRAPH, ADMIN, references, false))
                .isInstanceOf(CredentialInUseException.class)
                .hasMessageContaining("referenced in 1 place: ENDPOINT ksm://Graph (route orders on node node-b,"
                                      + " stopped at " + stoppedAt + ")");
        assertThat(governed.inspect(GRAPH)).isPresent();
        assertThat(governed.delete(GRAPH, ADMIN, references, true)).isTrue();
        assertThat(nodeA.database().auditTrail().tail(1).get(0).reason()).contains("stopped at " + stoppedAt);
    }
}
