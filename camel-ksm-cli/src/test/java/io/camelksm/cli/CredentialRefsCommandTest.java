package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelksm.access.Caller;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference.Kind;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * {@code credential refs} and {@code credential delete} against what a running node registered in the same embedded
 * database: the table, the JSON, the last use from the audit trail, and a delete refused (nothing lost) or forced.
 */
class CredentialRefsCommandTest extends AdminTestSupport {

    private static final String PASSWORD = "refs-pw-71c3";
    private static final CredentialName API = CredentialName.of("ExampleApi");

    /** A node with a started route {@code orders} that uses ExampleApi through {@code ksm:}. */
    private KsmRuntime node;

    @Override
    List<String> secrets() {
        return List.of(PASSWORD);
    }

    @BeforeEach
    void aNodeUsesTheCredentialInARoute() {
        ok(PASSWORD + "\n", "credential", "add", "--name", "ExampleApi", "--type", "basic", "--username", "Aladdin");
        ok("", "credential", "grant", "ExampleApi", "--role", "*", "--process", "orders", "--resource", "*");
        node = KsmRuntime.open(KsmSettings.builder().database(DatabaseSettings.embedded(home))
                .auditMode(AuditMode.SYNC).cacheTtl(Duration.ZERO).nodeName("node-a").build());
        node.references().register(API, Kind.ENDPOINT, "ksm://ExampleApi", "orders");
    }

    @AfterEach
    void stopTheNode() {
        if (node != null) {
            node.close();
        }
    }

    private void useInRouteOrders() {
        node.credentials().use(API, "authorize", new Caller(null, Set.of(), "orders", "node-a", "ex-1"), "orders",
                credential -> credential.type());
    }

    private List<AuditEvent> audit(int count) {
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            return db.auditTrail().tail(count);
        }
    }

    @Test
    void refsPrintsEachPlaceWithItsNodeAndLastUse() {
        String before = ok("", "credential", "refs", "exampleapi").out();
        assertThat(before.lines().toList()).hasSize(3);
        assertThat(before.lines().toList().get(0)).contains("KIND", "WHERE", "ROUTE", "NODE", "STATE", "REGISTERED",
                "LAST USED");
        assertThat(before.lines().toList().get(1)).contains("ENDPOINT", "ksm://ExampleApi", "orders", "node-a",
                "running").endsWith("never");
        assertThat(before).contains("a running row of a node that is no longer running is left from a crash");

        useInRouteOrders();

        Instant used = audit(1).get(0).time();
        assertThat(ok("", "credential", "refs", "ExampleApi").out().lines().toList().get(1)).endsWith(used.toString());
    }

    @Test
    void refsJsonHasOneObjectPerPlace() throws Exception {
        useInRouteOrders();

        String json = ok("", "credential", "refs", "ExampleApi", "--json").out();

        List<Map<String, Object>> rows = new ObjectMapper().readValue(json, new TypeReference<>() { });
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("credential", "ExampleApi").containsEntry("kind", "ENDPOINT")
                    .containsEntry("where", "ksm://ExampleApi").containsEntry("routeId", "orders")
                    .containsEntry("node", "node-a").containsEntry("state", "running").containsEntry("stoppedAt", null)
                    .containsEntry("lastUsed", audit(1).get(0).time().toString());
            assertThat(Instant.parse((String) row.get("registeredAt"))).isBeforeOrEqualTo(Instant.now());
        });
        assertThat(ok("", "credential", "refs", "Unused", "--json").out().strip()).isEqualTo("[ ]");
    }

    @Test
    void noReferenceIsOneClearLineAndExitCodeZero() {
        assertThat(ok("", "credential", "refs", "Unused").out().strip())
                .isEqualTo("No route, connector or Kamelet uses credential 'Unused' (as the nodes registered it at"
                           + " their last run).");
    }

    @Test
    void aStoppedNodesPlacesAreListedStoppedAndStillRefuseADelete() {
        node.close();
        node = null;

        assertThat(ok("", "credential", "refs", "ExampleApi").out().lines().toList().get(1))
                .contains("ENDPOINT", "ksm://ExampleApi", "orders", "node-a", "stopped at 20");
        assertThat(userError("", "credential", "delete", "ExampleApi").err())
                .contains("Credential 'ExampleApi' is referenced in 1 place (stopped), listed above");
    }

    @Test
    void deleteOfACredentialInUseIsRefusedAndLosesNothing() {
        AdminRun refused = userError("", "credential", "delete", "ExampleApi");

        assertThat(refused.err()).contains("ENDPOINT", "ksm://ExampleApi", "orders", "node-a")
                .contains("Credential 'ExampleApi' is referenced in 1 place (running), listed above: nothing was"
                          + " deleted. Use --force to delete it anyway.");
        assertThat(refused.out()).isEmpty();
        String shown = ok("", "credential", "show", "ExampleApi").out();
        assertThat(shown).contains("Aladdin", "orders");
        useInRouteOrders(); // the route goes on working: password and rights are still there
        AuditEvent refusal = audit(2).get(0);
        assertThat(refusal.operation()).isEqualTo("delete");
        assertThat(refusal.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(refusal.reason()).contains("referenced in 1 place", "route orders on node node-a, running");
    }

    @Test
    void deleteForceDeletesAndSaysHowManyReferencesItOverrode() {
        String out = ok("", "credential", "delete", "ExampleApi", "--force").out();

        assertThat(out).isEqualTo("Deleted credential 'ExampleApi', overriding 1 reference (credential refs lists them"
                                  + " until their nodes start again without them).\n");
        assertThat(userError("", "credential", "show", "ExampleApi").err()).contains("Unknown credential");
        AuditEvent forced = audit(1).get(0);
        assertThat(forced.operation()).isEqualTo("delete");
        assertThat(forced.outcome()).isEqualTo(AuditOutcome.GRANTED);
        assertThat(forced.reason()).isEqualTo("deleted by force, overriding 1 reference: ENDPOINT ksm://ExampleApi"
                                              + " (route orders on node node-a, running)");
        assertThat(ok("", "credential", "refs", "ExampleApi").out()).contains("ENDPOINT", "orders");
    }
}
