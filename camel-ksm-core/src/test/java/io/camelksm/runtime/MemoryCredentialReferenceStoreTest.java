package io.camelksm.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference;
import io.camelksm.credential.CredentialReference.Kind;

/** The references of a runtime without a database follow the same life as the table's: running, stopped, replaced. */
class MemoryCredentialReferenceStoreTest {

    private static final CredentialName GRAPH = CredentialName.of("Graph");
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    private final MemoryCredentialReferenceStore store = new MemoryCredentialReferenceStore(
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static CredentialReference place(String route, String node) {
        return CredentialReference.of(GRAPH, Kind.ENDPOINT, "ksm://Graph", route, node);
    }

    @Test
    void aPlaceIsMarkedStoppedOnceRunningAgainWhenAddedAndRemovedOnlyWhenStoppedByItsNodesStart() {
        store.add(place("orders", "node-a"));
        store.add(place("billing", "node-a"));
        store.add(place("orders", "node-b"));

        assertThat(store.markStopped(place("orders", "node-a"))).isTrue();
        assertThat(store.markStopped(place("orders", "node-a"))).as("already stopped").isFalse();
        assertThat(store.markStopped(place("billing", "node-a"))).isTrue();
        assertThat(store.of(GRAPH)).extracting(CredentialReference::routeId, CredentialReference::node,
                CredentialReference::stoppedAt).containsExactlyInAnyOrder(tuple("orders", "node-a", NOW),
                tuple("billing", "node-a", NOW), tuple("orders", "node-b", null));

        store.add(place("orders", "node-a")); // the route starts again
        assertThat(store.removeStopped("node-a")).isEqualTo(1);

        assertThat(store.of(GRAPH)).extracting(CredentialReference::routeId, CredentialReference::node,
                CredentialReference::state).containsExactlyInAnyOrder(tuple("orders", "node-a", "running"),
                tuple("orders", "node-b", "running"));
    }
}
