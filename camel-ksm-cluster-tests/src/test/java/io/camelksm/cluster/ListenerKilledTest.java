package io.camelksm.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.cluster.Portal.Outcome;
import io.camelksm.store.jdbc.ChangeNoticeHealth;
import io.camelksm.store.jdbc.ChangeNoticeHealth.State;

/**
 * Node 2's listening connection killed with {@code pg_terminate_backend} (found in {@code pg_stat_activity} by its
 * application name {@value ClusterDatabase#LISTENER_APPLICATION} and its pid): while node 2 cannot hear, a revoke
 * committed by another connection is honoured by node 2 at its very next request (its cache is bypassed, never served stale), its
 * {@code ksm-change-notices} health says RECONNECTING, then LISTENING once it is back, and it caches again. Nodes 1 and 3
 * keep listening throughout. To hold node 2 deaf for as long as the test needs (its listener reconnects after 100 ms),
 * the database refuses new connections ({@code ALTER DATABASE ... ALLOW_CONNECTIONS false}, superusers included) from
 * just before the kill until the checks are done; the revoke then comes from a connection opened before, as another
 * tool would make it, since ksm-admin cannot connect either. The pools keep the connections they have.
 */
class ListenerKilledTest {

    /** How long node 2 may take to notice that its listening connection is gone (it probes at least every second). */
    static final Duration NOTICE_LOSS = Duration.ofSeconds(3);
    /** How long node 2 may take to listen again once nothing stops it (back-off at most 5 s). */
    static final Duration RELISTEN = Duration.ofSeconds(10);
    /** How long a change may take to apply on a listening node. */
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
    void aRevokeWhileNode2CannotHearIsHonouredAtOnceAndNode2ListensAndCachesAgain() throws Exception {
        cluster = Cluster.create(dir);
        Portal.createAndGrant(cluster.admin());
        cluster.start(3, Map.of(), Portal::routes);
        ClusterNode node2 = cluster.node(2);
        for (ClusterNode node : cluster.nodes()) {
            assertThat(Portal.outcome(node)).as(node.name()).isEqualTo(Outcome.GRANTED); // cached now
        }
        assertThat(node2.health("ksm-change-notices")).as("ksm-change-notices health check of node-2")
                .hasValueSatisfying(r -> assertThat(describe(r)).contains("LISTENING"));
        long reconnectsBefore = node2.changeNotices().reconnects();

        Duration deaf;
        HealthCheck.Result reconnecting;
        try (Connection connection = DriverManager.getConnection(cluster.database().url());
             Statement sql = connection.createStatement();
             Connection other = DriverManager.getConnection(cluster.database().otherDatabaseUrl("template1"));
             Statement control = other.createStatement()) {
            String database = currentDatabase(sql);
            // no new connection to the database while node 2 must stay deaf: its listener cannot come back
            control.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            try {
                assertThat(cluster.database().terminate(sql, cluster.listenerPid(node2))).as("node-2's listener")
                        .isTrue();
                deaf = Poll.until("node-2 says RECONNECTING after its listener was killed", NOTICE_LOSS,
                        () -> node2.changeNotices().state() == State.RECONNECTING);
                reconnecting = node2.health("ksm-change-notices").orElseThrow(
                        () -> new AssertionError("node-2 has no ksm-change-notices health check"));
                assertThat(describe(reconnecting)).contains("RECONNECTING");

                // a revoke as another tool would make it (ksm-admin cannot connect now): nodes 1 and 3 hear it
                sql.execute("DELETE FROM access_right WHERE dimension = 'PROCESS' AND granted_value = 'portal'");
                assertThat(Portal.outcome(node2)).as("node-2 right after the revoke, not listening")
                        .isEqualTo(Outcome.DENIED);
                for (ClusterNode node : Set.of(cluster.node(1), cluster.node(3))) {
                    Poll.until(node + " denies after the revoke", BOUND, () -> Portal.outcome(node) == Outcome.DENIED);
                }
                assertThat(node2.changeNotices().state()).as("node-2 was deaf throughout")
                        .isEqualTo(State.RECONNECTING);
            } finally {
                control.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
        }
        for (ClusterNode node : Set.of(cluster.node(1), cluster.node(3))) {
            assertThat(node.changeNotices().state()).as(node.name()).isEqualTo(State.LISTENING);
            assertThat(node.changeNotices().reconnects()).as(node.name()).isZero();
        }

        Duration relisten = Poll.until("node-2 listens again", RELISTEN,
                () -> node2.changeNotices().state() == State.LISTENING);
        ChangeNoticeHealth back = node2.changeNotices();
        assertThat(back.reconnects()).as("reconnects of node-2").isEqualTo(reconnectsBefore + 1);
        assertThat(node2.health("ksm-change-notices")).hasValueSatisfying(
                r -> assertThat(describe(r)).contains("LISTENING"));
        // the right node 2 had cached before it went deaf must not come back with the listener
        assertThat(Portal.outcome(node2)).as("node-2 listening again, the revoke it never heard of in place")
                .isEqualTo(Outcome.DENIED);
        System.out.println("cluster-tests: node-2 listener killed: RECONNECTING seen after "
                           + deaf.toMillis() + " ms (bound " + NOTICE_LOSS.toMillis() + " ms), health check "
                           + describe(reconnecting) + "; LISTENING again " + relisten.toMillis()
                           + " ms after connections were allowed again (bound " + RELISTEN.toMillis() + " ms), reconnects "
                           + back.reconnects());

        // listening again: changes apply through the notices, and the cache serves again
        Portal.grant(cluster.admin());
        Duration granted = Poll.until("node-2 grants after a grant once listening again", BOUND,
                () -> Portal.outcome(node2) == Outcome.GRANTED);
        Portal.revoke(cluster.admin());
        Duration revoked = Poll.until("node-2 denies after a revoke once listening again", BOUND,
                () -> Portal.outcome(node2) == Outcome.DENIED);
        Portal.grant(cluster.admin());
        Poll.until("node-2 grants after the second grant", BOUND, () -> Portal.outcome(node2) == Outcome.GRANTED);
        Portal.revokeUnnoticed(cluster.database());
        assertThat(Portal.outcome(node2)).as("node-2 serves the right from its cache again").isEqualTo(Outcome.GRANTED);
        System.out.println("cluster-tests: node-2 listening again: revoke honoured after " + revoked.toMillis()
                           + " ms, grant after " + granted.toMillis() + " ms (bound " + BOUND.toMillis()
                           + " ms); an unnoticed revoke is still granted from its cache");
    }

    private static String currentDatabase(Statement sql) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT current_database()")) {
            rs.next();
            return '"' + rs.getString(1) + '"';
        }
    }

    /** The state, message and details of a health check result, for assertions on the words in it. */
    static String describe(HealthCheck.Result result) {
        return result.getState() + " " + result.getMessage().orElse("") + " " + result.getDetails();
    }
}
