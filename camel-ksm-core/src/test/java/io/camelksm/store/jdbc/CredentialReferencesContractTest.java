package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * nodes sharing one database register and remove their places, the last use comes from the audit trail, and a
 * credential still in use is deleted only by force.
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
                org.assertj.core.groups.Tuple.tuple(Kind.ENDPOINT, "ksm://Graph", "orders", "node-a"),
                org.assertj.core.groups.Tuple.tuple(Kind.KAMELET, "ksm-http-sink", "ksm-http-sink-1", "node-b"));
        assertThat(found).allSatisfy(r -> assertThat(r.registeredAt()).isNotNull());
        assertThat(found.get(1).credential().value()).isEqualTo("graph"); // the spelling of the place
    }

    @Test
    void aStoppedRouteAndAClosedNodeTakeOnlyTheirOwnPlacesAway() {
        nodeA.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders");
        nodeA.references().register(GRAPH, Kind.CONNECTOR, "classpath:connectors/graph.yaml (graph.listUsers)",
                "ksm-connector.graph.listUsers");
        nodeB.references().register(GRAPH, Kind.ENDPOINT, "ksm://Graph", "orders");

        nodeA.references().unregisterRoute("orders");
        assertThat(nodeB.references().list(GRAPH)).extracting(CredentialReference::routeId,
                CredentialReference::node).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("ksm-connector.graph.listUsers", "node-a"),
                org.assertj.core.groups.Tuple.tuple("orders", "node-b"));

        nodeA.close();
        nodeA = null;
        assertThat(nodeB.references().list(GRAPH)).extracting(CredentialReference::node).containsExactly("node-b");
    }

    @Test
    void anOverlongPlaceIsCutToItsColumnsAndStillRemoved() {
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
        assertThat(nodeA.references().list(GRAPH)).isEmpty();
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
                .hasMessageContaining("still used in 1 place: ENDPOINT ksm://Graph (route orders on node node-b)")
                .hasMessageContaining("Nothing was deleted");
        assertThat(governed.inspect(GRAPH)).isPresent();
        assertThat(governed.rightsOf(GRAPH).read().roles().allowed()).containsExactly("ops");

        assertThat(governed.delete(GRAPH, ADMIN, references, true)).isTrue();
        assertThat(governed.inspect(GRAPH)).isEmpty();
        List<AuditEvent> deletes = nodeA.database().auditTrail().tail(2);
        assertThat(deletes).extracting(AuditEvent::operation, AuditEvent::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("delete", AuditOutcome.FAILED),
                org.assertj.core.groups.Tuple.tuple("delete", AuditOutcome.GRANTED));
        assertThat(deletes.get(0).reason()).contains("CredentialInUseException", "route orders on node node-b");
        assertThat(deletes.get(1).reason())
                .contains("deleted by force, overriding 1 reference: ENDPOINT ksm://Graph (route orders on node node-b)");
        // the place is a fact about a running route: it stays listed until that route stops
        assertThat(nodeA.references().list(GRAPH)).hasSize(1);
    }
}
