package io.camelksm.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The benchmarks of issue 16 (several nodes on one PostgreSQL), run by {@code benchmarks/run-cluster.sh}:
 * <ol>
 *   <li>{@link RevokeLatency}: commit of a revoke until no node grants, p50/p99/max over 200 revokes with change
 *   notices, beside fewer rounds with {@code changeNotices=false} (bounded by cacheTtl);</li>
 *   <li>{@link ClusterTokens}: token requests per lifetime for 3 nodes over 3 lifetimes with
 *   {@code tokenSharing=cluster}, {@code tokenSharing=node}, camel-http's own OAuth2 and one node alone.</li>
 * </ol>
 * Options: {@code --jdbc-url URL} (default {@code $KSM_TEST_POSTGRES_URL}), {@code --nodes N} (3), {@code --rounds N}
 * (200), {@code --rounds-off N} (20), {@code --readers N} (2 per node), {@code --reader-pause-us N} (1000),
 * {@code --cache-ttl-ms N} (5000, the default), {@code --lifetime-s N} (6), {@code --lifetimes X} (3),
 * {@code --exchanges N} (3000), {@code --producers N} (24), {@code --skip-revoke} (both revoke runs),
 * {@code --skip-revoke-on}, {@code --skip-revoke-off}, {@code --skip-tokens}. Prints the tables and writes them to {@code target/cluster-summary.txt}.
 */
public final class ClusterBenchmark {

    private static final Set<String> FLAGS = Set.of("--skip-revoke", "--skip-revoke-on", "--skip-revoke-off",
            "--skip-tokens");

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        String url = o.text("--jdbc-url", System.getenv("KSM_TEST_POSTGRES_URL"));
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("The cluster benchmarks run on PostgreSQL: give --jdbc-url"
                                               + " jdbc:postgresql://... or set KSM_TEST_POSTGRES_URL"
                                               + " (benchmarks/run-cluster.sh starts a server of its own)");
        }
        int nodes = o.number("--nodes", 3);
        Duration cacheTtl = Duration.ofMillis(o.number("--cache-ttl-ms", 5000));
        Duration pause = Duration.ofNanos(o.number("--reader-pause-us", 1000) * 1000L);
        int readers = o.number("--readers", 2);
        long started = System.nanoTime();
        ClusterSummary summary = new ClusterSummary();
        summary.line("camel-ksm cluster benchmarks (issue 16; PostgreSQL %s; %d cores, max heap %d MiB; load average %s"
                     + " at the start)", redact(url), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ClusterSummary.loadAverage());
        if (!o.flag("--skip-revoke")) {
            RevokeLatency.Result on = o.flag("--skip-revoke-on") ? null : RevokeLatency.run(url, new RevokeLatency.Settings(nodes, readers, pause, true,
                    cacheTtl, 10, o.number("--rounds", 200), Duration.ofSeconds(10), Duration.ZERO,
                    Duration.ofMillis(100)));
            RevokeLatency.Result off = o.flag("--skip-revoke-off") ? null
                    : RevokeLatency.run(url, new RevokeLatency.Settings(nodes, readers, pause, false, cacheTtl, 1,
                            o.number("--rounds-off", 20), cacheTtl.multipliedBy(3).plusSeconds(5), cacheTtl,
                            Duration.ZERO));
            summary.revokes(on, off);
            summary.line("");
        }
        if (!o.flag("--skip-tokens")) {
            ClusterTokens.Settings s = new ClusterTokens.Settings(url, nodes, o.number("--lifetime-s", 6),
                    o.decimal("--lifetimes", 3.0), o.number("--exchanges", 3000), o.number("--producers", 24),
                    Duration.ofMillis(20), Duration.ofMillis(1000), Duration.ofMillis(500), 1);
            // the first run in a JVM falls seconds behind its schedule (class loading, JIT): warm up unreported
            ClusterTokens.Settings warmUp = new ClusterTokens.Settings(url, nodes, s.lifetimeSeconds(), 1.0,
                    s.exchanges() / 3, s.producers(), s.tokenLatency(), s.clockSkew(), s.refreshAhead(),
                    s.camelHttpMargin());
            ClusterTokens.run(warmUp, ClusterTokens.contenders(warmUp).subList(0, 3));
            summary.tokens(s, ClusterTokens.run(s, ClusterTokens.contenders(s)));
        }
        summary.line("(total %d s; load average %s at the end)", Duration.ofNanos(System.nanoTime() - started)
                .toSeconds(), ClusterSummary.loadAverage());
        System.out.println(summary.text());
        write(Path.of("target", "cluster-summary.txt"), summary.text());
    }

    /** The server URL without its query (user, password). */
    static String redact(String url) {
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)).replaceFirst("^jdbc:postgresql://", "");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e.getMessage());
        }
    }

    /** {@code --name value} options and {@code --flag}s; an unknown one is refused, naming it. */
    private record Options(String[] args) {

        Options {
            for (int i = 0; i < args.length; i++) {
                if (!FLAGS.contains(args[i])) {
                    if (!args[i].startsWith("--") || i + 1 >= args.length) {
                        throw new IllegalArgumentException("unknown or incomplete option " + args[i]);
                    }
                    i++;
                }
            }
        }

        boolean flag(String name) {
            return List.of(args).contains(name);
        }

        String text(String name, String fallback) {
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals(name)) {
                    return args[i + 1];
                }
            }
            return fallback;
        }

        int number(String name, int fallback) {
            return Integer.parseInt(text(name, String.valueOf(fallback)));
        }

        double decimal(String name, double fallback) {
            return Double.parseDouble(text(name, String.valueOf(fallback)));
        }
    }
}
