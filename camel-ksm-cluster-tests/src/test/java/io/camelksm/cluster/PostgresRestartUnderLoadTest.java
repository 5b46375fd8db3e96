package io.camelksm.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.KsmException;
import io.camelksm.cluster.Load.Sample;
import io.camelksm.cluster.Portal.Outcome;
import io.camelksm.store.jdbc.ChangeNoticeHealth.State;

/**
 * PostgreSQL stopped for {@link #DOWN} and started again ({@code .ci/restart-postgres.sh}, on the private server of
 * {@code .ci/start-postgres.sh}) while three nodes serve requests from two threads each:
 * <ul>
 * <li>while it is down, every request that starts once a node could know (its listener probes at least every second:
 * {@link #NOTICE_LOSS} after the stop) fails with a KsmException that names the database and shows no secret, within
 * the connection timeout plus {@link #SLACK};</li>
 * <li>a revoke made with ksm-admin as soon as the server is back is honoured by every node within
 * {@link #BOUND_AFTER_RESTART} (the pools replace their dead connections first: those requests fail), and
 * no node grants again after it has denied (no listener that comes back resumes a stale cache) until the re-grant;</li>
 * <li>every node recovers: its listener LISTENING again within {@link #RECOVERY} (and its {@code ksm-change-notices}
 * health check says so), and it grants after the re-grant
 * within {@link #BOUND}.</li>
 * </ul>
 * Needs {@value ClusterDatabase#DIR_VARIABLE} besides the URL (the server must be one this test may restart).
 */
class PostgresRestartUnderLoadTest {

    static final Duration DOWN = Duration.ofSeconds(4);
    static final Duration NOTICE_LOSS = Duration.ofMillis(1500);
    static final Duration SLACK = Duration.ofSeconds(2);
    static final Duration BOUND = Duration.ofSeconds(2);
    /** Right after the restart a node's pool first replaces its dead connections (those requests fail). */
    static final Duration BOUND_AFTER_RESTART = Duration.ofSeconds(5);
    static final Duration RECOVERY = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private Cluster cluster;

    @BeforeAll
    static void requireServerInCi() {
        ClusterDatabase.requireServerInCi();
        if (ClusterDatabase.isBlank(System.getenv(ClusterDatabase.DIR_VARIABLE)) && !ClusterDatabase.isBlank(
                System.getenv("CI")) && !ClusterDatabase.isBlank(System.getenv(ClusterDatabase.URL_VARIABLE))) {
            fail(ClusterDatabase.DIR_VARIABLE + " is not set, but CI is: start the server with"
                 + " eval \"$(bash .ci/start-postgres.sh)\", which sets both variables");
        }
    }

    @AfterEach
    void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void nodesFailClearlyWhileTheDatabaseIsDownNeverGrantAfterARevokeAndRecover() throws Exception {
        cluster = Cluster.create(dir);
        String serverDir = System.getenv(ClusterDatabase.DIR_VARIABLE);
        Assumptions.assumeFalse(ClusterDatabase.isBlank(serverDir), ClusterDatabase.DIR_VARIABLE
                                + " is not set: the restart test only restarts a server of .ci/start-postgres.sh");
        Portal.createAndGrant(cluster.admin());
        List<ClusterNode> nodes = cluster.start(3, Map.of(), Portal::routes);
        nodes.forEach(n -> assertThat(Portal.outcome(n)).as(n.name()).isEqualTo(Outcome.GRANTED));

        long stopped;
        long started;
        long revoked;
        long regranting;
        long regranted;
        Map<String, Duration> denied = new TreeMap<>();
        Duration listening;
        Map<String, Duration> granted = new TreeMap<>();
        List<Sample> samples;
        try (Load load = new Load(nodes, 2, n -> n.send(Portal.ENDPOINT), Portal::outcome)) {
            Thread.sleep(200);
            Process restart = new ProcessBuilder("bash", restartScript().toString(), serverDir, "--down",
                    Long.toString(DOWN.toSeconds())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(restart.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("stopped");
            stopped = System.nanoTime();
            assertThat(out.readLine()).isEqualTo("started");
            started = System.nanoTime();
            assertThat(restart.waitFor()).as("restart-postgres.sh exit code").isZero();

            Portal.revoke(cluster.admin());
            revoked = System.nanoTime();
            for (ClusterNode node : nodes) {
                Poll.until(node + " denies after the revoke made once the database was back", BOUND_AFTER_RESTART,
                        () -> Portal.outcome(node) == Outcome.DENIED);
                denied.put(node.name(), Duration.ofNanos(System.nanoTime() - revoked));
            }
            for (ClusterNode node : nodes) {
                Poll.until(node + " listens again after the restart", RECOVERY,
                        () -> node.changeNotices().state() == State.LISTENING);
            }
            listening = Duration.ofNanos(System.nanoTime() - started);
            for (ClusterNode node : nodes) {
                assertThat(node.health("ksm-change-notices")).as("%s ksm-change-notices health check", node)
                        .hasValueSatisfying(r -> assertThat(ListenerKilledTest.describe(r)).contains("LISTENING"));
            }
            Thread.sleep(200); // requests of every node on a listening node with the revoke in place
            regranting = System.nanoTime();
            Portal.grant(cluster.admin());
            regranted = System.nanoTime();
            for (ClusterNode node : nodes) {
                Poll.until(node + " grants after the re-grant", BOUND, () -> Portal.outcome(node) == Outcome.GRANTED);
                granted.put(node.name(), Duration.ofNanos(System.nanoTime() - regranted));
            }
            samples = load.samples();
        }

        long knowable = stopped + NOTICE_LOSS.toNanos();
        List<Sample> whileDown = samples.stream().filter(s -> s.start() >= knowable && s.end() <= started).toList();
        assertThat(whileDown.stream().map(Sample::node).distinct()).as("nodes with requests while the database was down")
                .hasSize(3);
        long limit = Cluster.CONNECTION_TIMEOUT.plus(SLACK).toMillis();
        for (Sample s : whileDown) {
            assertThat(s.outcome()).as("%s while the database was down", s.node()).isEqualTo(Outcome.FAILED);
            assertThat(s.exception()).isInstanceOf(KsmException.class);
            assertThat(s.exception().getMessage()).as("names the database").containsIgnoringCase("database")
                    .doesNotContain(Portal.PASSWORD);
            assertThat(s.millis()).as("failed within the connection timeout plus slack").isLessThanOrEqualTo(limit);
        }
        long grantedFromCacheAfterStop = samples.stream()
                .filter(s -> s.start() >= stopped && s.end() <= started && s.outcome() == Outcome.GRANTED).count();

        // after the revoke: once a node has denied, it grants no more until the re-grant
        for (ClusterNode node : nodes) {
            List<Sample> afterRevoke = samples.stream().filter(s -> s.node().equals(node.name()))
                    .filter(s -> s.start() >= revoked && s.end() <= regranting)
                    .sorted((a, b) -> Long.compare(a.start(), b.start())).toList();
            int firstDenied = indexOfFirst(afterRevoke, Outcome.DENIED);
            assertThat(firstDenied).as("%s denied after the revoke", node).isGreaterThanOrEqualTo(0);
            assertThat(afterRevoke.subList(firstDenied, afterRevoke.size())).as("%s after its first denial", node)
                    .allSatisfy(s -> assertThat(s.outcome()).isNotEqualTo(Outcome.GRANTED));
        }
        long grantedAfterRevoke = samples.stream()
                .filter(s -> s.start() >= revoked && s.end() <= regranting && s.outcome() == Outcome.GRANTED).count();

        System.out.println("cluster-tests: PostgreSQL down " + (started - stopped) / 1_000_000 + " ms; "
                           + whileDown.size() + " requests started >= " + NOTICE_LOSS.toMillis()
                           + " ms after the stop all failed clearly, slowest " + whileDown.stream()
                                   .mapToLong(Sample::millis).max().orElse(0) + " ms (bound " + limit + " ms); "
                           + grantedFromCacheAfterStop + " granted from cache before the nodes knew; first failure: "
                           + whileDown.stream().findFirst().map(s -> s.exception().getMessage()).orElse("-"));
        System.out.println("cluster-tests: revoke once back honoured after " + millis(denied) + " (bound "
                           + BOUND_AFTER_RESTART.toMillis() + " ms), " + grantedAfterRevoke
                           + " grants after the revoke before the nodes' first denial; all listening "
                           + listening.toMillis() + " ms after the start (bound " + RECOVERY.toMillis()
                           + " ms); re-grant honoured after " + millis(granted) + "; " + samples.size()
                           + " requests in all, by outcome " + samples.stream().collect(Collectors.groupingBy(
                                   Sample::outcome, TreeMap::new, Collectors.counting())));
    }

    private static int indexOfFirst(List<Sample> samples, Outcome outcome) {
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).outcome() == outcome) {
                return i;
            }
        }
        return -1;
    }

    private static String millis(Map<String, Duration> took) {
        return took.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toMillis() + "ms")
                .collect(Collectors.joining(" "));
    }

    /** .ci/restart-postgres.sh, found from the module's directory upwards. */
    static Path restartScript() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path script = d.resolve(".ci/restart-postgres.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new AssertionError(".ci/restart-postgres.sh not found above " + Path.of("").toAbsolutePath());
    }
}
