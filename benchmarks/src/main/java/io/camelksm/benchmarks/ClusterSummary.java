package io.camelksm.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.camelksm.store.jdbc.ChangeNoticeHealth;

/** The tables of the cluster benchmarks, as printed and written to {@code target/cluster-summary.txt}. */
final class ClusterSummary {

    /** The goal of benchmark 1: p99 of commit-to-no-node-grants below this, with change notices. */
    static final double REVOKE_P99_GOAL_MS = 100;

    private final StringBuilder out = new StringBuilder();

    /** The load average of the last minute, from /proc/loadavg, or "?" where there is none. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    String text() {
        return out.toString();
    }

    ClusterSummary line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
        return this;
    }

    void revokes(RevokeLatency.Result withNotices, RevokeLatency.Result withoutNotices) {
        RevokeLatency.Settings s = (withNotices != null ? withNotices : withoutNotices).settings();
        line("1. Revoke commit -> no node grants (%d nodes + an admin runtime on one PostgreSQL schema; %d reader"
             + " threads per node, %d us pause between reads)", s.nodes(), s.readersPerNode(),
                s.readerPause().toNanos() / 1000);
        line("%-37s | %6s | %9s | %9s | %9s | %16s | %13s | %8s | %11s | %12s | %8s | %9s",
                "mode", "rounds", "p50 ms", "p99 ms", "max ms", "1st denial p99", "grant p50 ms", "timeouts",
                "stale grants",
                "stale denials", "failures", "reads/s");
        for (RevokeLatency.Result r : new RevokeLatency.Result[] {withNotices, withoutNotices}) {
            if (r == null) {
                continue;
            }
            RevokeLatency.Settings rs = r.settings();
            String mode = "changeNotices=" + rs.changeNotices() + ", cacheTtl=" + rs.cacheTtl().toMillis() + " ms";
            line("%-37s | %6d | %9.1f | %9.1f | %9.1f | %16.1f | %13.1f | %8d | %12d | %13d | %8d | %9.0f", mode,
                    r.revokeNanos().length, r.revokeMillis(50), r.revokeMillis(99), r.revokeMillis(100),
                    r.firstDenialMillis(99), r.grantMillis(50), r.timeouts(), r.staleGrants(), r.staleDenials(), r.failures(),
                    r.reads() / Math.max(1e-9, r.elapsed().toNanos() / 1e9));
        }
        if (withNotices != null && withoutNotices != null) {
            line("   ratio changeNotices=false / true: p50 %.0f x, p99 %.0f x",
                    withoutNotices.revokeMillis(50) / withNotices.revokeMillis(50),
                    withoutNotices.revokeMillis(99) / withNotices.revokeMillis(99));
        }
        if (withNotices != null) {
            double p99 = withNotices.revokeMillis(99);
            line("   goal: p99 < %.0f ms with change notices: %s (p99 %.1f ms)", REVOKE_P99_GOAL_MS,
                    p99 < REVOKE_P99_GOAL_MS ? "met" : "NOT met", p99);
            line("   change-notice health at the end: %s", health(withNotices.health()));
            line("   diagnostic: the revoke's commit returning -> its notice arriving at a plain listening connection"
                 + " beside the nodes: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d rounds)", withNotices.noticeMillis(50),
                    withNotices.noticeMillis(99), withNotices.noticeMillis(100), withNotices.noticeNanos().length);
            line("   diagnostic: the read that showed the revoke on the last node to turn took p50 %.1f ms, p99 %.1f ms,"
                 + " max %.1f ms", withNotices.readMillis(50), withNotices.readMillis(99), withNotices.readMillis(100));
        }
        line("   latency: from the return of the admin's revoke (its commit) until no node grants: the later of the end"
             + " of the first read, started after it, that the last node denied,");
        line("   and the end of the last read, started after it, that a node still granted (with notices the round goes"
             + " on %d ms after every node denied, so that such reads count);", s.settle().toMillis());
        line("   1st denial: the commit to the last node's first denial alone.");
        line("   stale grants: reads granted that started after their node had already denied after the revoke (must be 0);");
        line("   stale denials: the same after a grant (harmless, but shows a node going back to an older state).");
        if (withoutNotices != null) {
            line("   changeNotices=false measures fewer rounds: each waits up to cacheTtl for the grant, then a random"
                 + " time below cacheTtl (so that the revoke");
            line("   does not always follow the nodes' cache loads at once), then up to cacheTtl for the revoke.");
        }
    }

    private static String health(List<ChangeNoticeHealth> health) {
        return health.stream().map(h -> h.state() + " (received " + h.received() + ", reconnects " + h.reconnects()
                                        + ")").collect(Collectors.joining(", "));
    }

    void tokens(ClusterTokens.Settings s, List<ClusterTokens.Row> rows) {
        line("2. Token requests per token lifetime, %d nodes under load (%d exchanges by %d producers over %.2f"
             + " lifetimes of %d s; token endpoint latency %d ms)", s.nodes(), s.exchanges(), s.producers(),
                s.lifetimes(), s.lifetimeSeconds(), s.tokenLatency().toMillis());
        line("%-40s | %9s | %8s | %14s | %12s | %7s | %7s | %6s | %8s | %s",
                "contender", "exchanges", "failures", "token requests", "per lifetime", "expired", "unknown",
                "time", "max lag", "tokens fetched per node");
        for (ClusterTokens.Row row : rows) {
            LoadRun.Result r = row.result();
            line("%-40s | %9d | %8d | %14d | %12.2f | %7d | %7d | %4d s | %5d ms | %s", r.contender(), r.completed(),
                    r.failures(), r.seen().tokenRequests(), r.tokenRequestsPerLifetime(s.lifetime()),
                    r.seen().expiredToken(), r.seen().unknownToken(), r.elapsed().toSeconds(),
                    r.maxLag().toMillis(), row.fetchedPerNode().isEmpty() ? "-" : row.fetchedPerNode().toString());
            if (r.firstFailure() != null) {
                line("   %s: first failure: %s", r.contender(), r.firstFailure());
            }
        }
        line("   per lifetime: token requests x lifetime / run time. A token is replaced before it expires (camel-ksm"
             + " clockSkew %d ms, refreshAhead %d ms;", s.clockSkew().toMillis(), s.refreshAhead().toMillis());
        line("   camel-http margin %d s), so even one cache needs more than 1 per lifetime: the one-node line is the"
             + " floor a cluster can reach.", s.camelHttpMargin());
        line("   expired: API calls whose token had expired on arrival (goal 0); unknown: tokens the endpoint never"
             + " issued (must be 0).");
    }
}
