package io.camelksm.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.cluster.Portal.Outcome;

/**
 * A revoke, a grant and a credential update made with {@code ksm-admin} (its real entry point, on the same database)
 * apply on every one of three nodes within {@link #BOUND}, although every node caches credentials and rights for
 * {@link Cluster#CACHE_TTL} (60 s): the change notices did it, not the TTL. Before the changes, a revoke made with the
 * triggers off (no notice) is shown to be still granted by every node: the caches really serve, so what follows is not
 * a node reading the database on every request.
 */
class KsmAdminChangesReachEveryNodeTest {

    /** What the test allows from the commit of a ksm-admin change until a node honours it. */
    static final Duration BOUND = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private Cluster cluster;

    @BeforeAll
    static void requireServerInCi() {
        ClusterDatabase.requireServerInCi();
    }

    @AfterEach
    void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void revokeGrantAndUpdateThroughKsmAdminApplyOnEveryNodeWithinTheBound() throws Exception {
        cluster = Cluster.create(dir);
        Portal.createAndGrant(cluster.admin());
        cluster.start(3, Map.of(), Portal::routes);
        for (ClusterNode node : cluster.nodes()) {
            assertThat(Portal.password(node)).as(node.name()).isEqualTo(Portal.PASSWORD);
        }
        Portal.revokeUnnoticed(cluster.database());
        for (ClusterNode node : cluster.nodes()) {
            assertThat(Portal.outcome(node)).as("%s serves the right from its cache", node).isEqualTo(Outcome.GRANTED);
        }
        Portal.grantUnnoticed(cluster.database());

        Portal.revoke(cluster.admin());
        report("revoke", awaitEveryNode("denies after the revoke", n -> Portal.outcome(n) == Outcome.DENIED));

        Portal.grant(cluster.admin());
        report("grant", awaitEveryNode("grants after the grant", n -> Portal.outcome(n) == Outcome.GRANTED));

        cluster.admin().run(Portal.NEW_PASSWORD + "\n", "credential", "update", "Portal", "--secret-from-stdin",
                "password");
        report("update", awaitEveryNode("sends the new password",
                n -> Portal.NEW_PASSWORD.equals(Portal.password(n))));
    }

    /** Polls the nodes one after the other, each from the moment the change committed; the time each took. */
    private Map<String, Duration> awaitEveryNode(String what, java.util.function.Predicate<ClusterNode> done) {
        long committed = System.nanoTime();
        Map<String, Duration> took = new java.util.TreeMap<>();
        for (ClusterNode node : cluster.nodes()) {
            Poll.until(node + " " + what, BOUND, () -> done.test(node));
            took.put(node.name(), Duration.ofNanos(System.nanoTime() - committed));
        }
        return took;
    }

    private static void report(String change, Map<String, Duration> took) {
        StringBuilder line = new StringBuilder("cluster-tests: ksm-admin " + change + " honoured (bound "
                                               + BOUND.toMillis() + " ms, cacheTtl " + Cluster.CACHE_TTL.toSeconds()
                                               + " s) after");
        took.forEach((node, d) -> line.append(' ').append(node).append('=').append(d.toMillis()).append("ms"));
        System.out.println(line);
    }
}
