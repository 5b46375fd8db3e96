package io.camelksm.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.auth.oauth2.TokenProviderStatistics;
import io.camelksm.runtime.TokenSharing;

/**
 * Benchmark 2 of issue 16: token requests per token lifetime when several nodes serve one client's load, over several
 * lifetimes: camel-ksm with {@code tokenSharing=cluster}, with {@code tokenSharing=node} (each node its own cache),
 * camel-http's own OAuth2 on as many nodes, and one camel-ksm node alone (what one cache needs: the floor a cluster can
 * reach). Each is a {@link LoadRun} against the same loopback token endpoint and API, which counts the token requests
 * and the API calls that carried an expired token.
 */
public final class ClusterTokens {

    /**
     * @param serverUrl       the PostgreSQL server of the camel-ksm nodes
     * @param nodes           nodes of the cluster runs
     * @param lifetimeSeconds {@code expires_in} of every token (real seconds)
     * @param lifetimes       how many token lifetimes each run spans
     * @param exchanges       exchanges per run, spread evenly over the span
     * @param producers       concurrent producers
     * @param tokenLatency    how long the token endpoint takes to answer
     * @param clockSkew       camel-ksm's clockSkew (at most a quarter of the lifetime counts)
     * @param refreshAhead    camel-ksm's refreshAhead (at most a tenth of the usable lifetime counts)
     * @param camelHttpMargin camel-http's {@code oauth2CachedTokensExpirationMarginSeconds}
     */
    public record Settings(String serverUrl, int nodes, long lifetimeSeconds, double lifetimes, int exchanges,
                           int producers, Duration tokenLatency, Duration clockSkew, Duration refreshAhead,
                           long camelHttpMargin) {

        public Duration lifetime() {
            return Duration.ofSeconds(lifetimeSeconds);
        }

        public Duration span() {
            return Duration.ofMillis(Math.round(lifetimeSeconds * 1000 * lifetimes));
        }

        OAuth2Settings oauth2() {
            return OAuth2Settings.builder().clockSkew(clockSkew).refreshAhead(refreshAhead).build();
        }
    }

    /**
     * One contender's run.
     *
     * @param result         what the driver and the checker counted
     * @param fetchedPerNode camel-ksm only: tokens each node's provider obtained from the token endpoint (empty for
     *                       camel-http)
     */
    public record Row(LoadRun.Result result, List<Long> fetchedPerNode) {
    }

    private ClusterTokens() {
    }

    /** The contenders of a full run, in the order of the summary. */
    static List<Contender> contenders(Settings s) {
        return List.of(new KsmClusterContender(s.serverUrl(), s.nodes(), TokenSharing.CLUSTER, s.oauth2()),
                new KsmClusterContender(s.serverUrl(), s.nodes(), TokenSharing.NODE, s.oauth2()),
                new CamelHttpContender(s.camelHttpMargin(), s.nodes()),
                new KsmClusterContender(s.serverUrl(), 1, TokenSharing.NODE, s.oauth2()));
    }

    /** Runs each contender in turn (each with runs of its own on one loopback server). */
    public static List<Row> run(Settings s, List<Contender> contenders) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (LoopbackApis apis = new LoopbackApis(s.lifetimeSeconds(), s.tokenLatency(), s.producers() * 2 + 8)) {
            int index = 0;
            for (Contender contender : contenders) {
                String run = contender.runName("cluster" + index++);
                LoadRun.Result result = LoadRun.run(contender, apis, run, s.exchanges(), s.producers(), s.span(),
                        s.span().multipliedBy(3).plusSeconds(30));
                List<Long> fetched = contender instanceof KsmClusterContender ksm
                        ? ksm.nodeStatistics().stream().map(TokenProviderStatistics::tokensFetched).toList()
                        : List.of();
                rows.add(new Row(result, fetched));
            }
        }
        return rows;
    }
}
