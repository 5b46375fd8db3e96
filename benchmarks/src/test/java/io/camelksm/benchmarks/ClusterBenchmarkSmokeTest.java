package io.camelksm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.camelksm.runtime.TokenSharing;
import io.camelksm.store.jdbc.ChangeNoticeHealth;

/**
 * Keeps the cluster benchmarks ({@code benchmarks/run-cluster.sh}) working without running them: a few revoke rounds
 * with and without change notices, and a short token run of each contender, on the PostgreSQL server of
 * {@code KSM_TEST_POSTGRES_URL} (skipped without one, except in CI, where it must run). Seconds, not minutes.
 */
class ClusterBenchmarkSmokeTest {

    private static String url;

    @BeforeAll
    static void server() {
        url = System.getenv("KSM_TEST_POSTGRES_URL");
        boolean present = url != null && !url.isBlank();
        if (!present && System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
            fail("KSM_TEST_POSTGRES_URL is not set, but CI is: the cluster benchmark smoke test must run in CI");
        }
        assumeTrue(present, "no PostgreSQL server (KSM_TEST_POSTGRES_URL)");
    }

    @Test
    void revokesReachEveryListeningNodeLongBeforeTheCacheExpires() throws Exception {
        // cacheTtl 60 s and 10 s per phase at most: only the change notices can make a round finish
        RevokeLatency.Result result = RevokeLatency.run(url, new RevokeLatency.Settings(3, 1, Duration.ofMillis(1),
                true, Duration.ofSeconds(60), 1, 5, Duration.ofSeconds(10), Duration.ZERO,
                Duration.ofMillis(50)));

        System.out.printf("smoke: revoke with notices p50 %.1f ms, max %.1f ms%n", result.revokeMillis(50),
                result.revokeMillis(100));
        assertThat(result.timeouts()).isZero();
        assertThat(result.revokeNanos()).hasSize(5);
        assertThat(result.grantNanos()).hasSize(5);
        assertThat(result.staleGrants()).isZero();
        assertThat(result.failures()).isZero();
        assertThat(result.health()).extracting(ChangeNoticeHealth::state)
                .containsOnly(ChangeNoticeHealth.State.LISTENING);
        assertThat(result.health()).allSatisfy(h -> assertThat(h.received()).isGreaterThanOrEqualTo(12));
    }

    @Test
    void withoutNoticesRevokesWaitForTheCache() throws Exception {
        RevokeLatency.Result result = RevokeLatency.run(url, new RevokeLatency.Settings(3, 1, Duration.ofMillis(1),
                false, Duration.ofMillis(300), 0, 2, Duration.ofSeconds(10), Duration.ofMillis(300),
                Duration.ZERO));

        assertThat(result.timeouts()).isZero();
        assertThat(result.revokeNanos()).hasSize(2);
        assertThat(result.staleGrants()).isZero();
        assertThat(result.failures()).isZero();
        assertThat(result.health()).extracting(ChangeNoticeHealth::state).containsOnly(ChangeNoticeHealth.State.OFF);
    }

    @Test
    void threeNodesShareOneTokenOnlyWithClusterSharing() throws Exception {
        // tokens live 60 s and the runs last 1.5 s: no refresh, so each cache fetches exactly once
        ClusterTokens.Settings s = new ClusterTokens.Settings(url, 3, 60, 0.025, 60, 6, Duration.ofMillis(20),
                Duration.ofSeconds(1), Duration.ofMillis(500), 1);
        List<ClusterTokens.Row> rows = ClusterTokens.run(s, List.of(
                new KsmClusterContender(url, 3, TokenSharing.CLUSTER, s.oauth2()),
                new KsmClusterContender(url, 3, TokenSharing.NODE, s.oauth2()),
                new CamelHttpContender(1, 3)));

        ClusterSummary summary = new ClusterSummary();
        summary.tokens(s, rows);
        System.out.println(summary.text());
        for (ClusterTokens.Row row : rows) {
            LoadRun.Result r = row.result();
            assertThat(r.firstFailure()).as(r.contender()).isNull();
            assertThat(r.completed()).as(r.contender()).isEqualTo(60);
            assertThat(r.seen().validToken()).as(r.contender()).isEqualTo(60);
            assertThat(r.seen().expiredToken()).as(r.contender()).isZero();
        }
        assertThat(rows.get(0).result().seen().tokenRequests()).as("cluster").isEqualTo(1);
        assertThat(rows.get(0).fetchedPerNode().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
        assertThat(rows.get(1).result().seen().tokenRequests()).as("node").isEqualTo(3);
        assertThat(rows.get(1).fetchedPerNode()).containsExactly(1L, 1L, 1L);
        // camel-http has no single flight (callers that find no token all fetch), so at least one per node's cache
        assertThat(rows.get(2).result().seen().tokenRequests()).as("camel-http").isBetween(3L, 60L);
    }
}
