package io.camelksm.benchmarks;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.TokenSharing;
import io.camelksm.store.jdbc.ChangeNoticeHealth;

/**
 * Benchmark 1 of issue 16: how long after a revoke's commit the last node stops granting. Nodes on one schema (each its
 * own runtime, pool and listener) keep asking for a credential from several reader threads each; an admin runtime on
 * the same schema grants the caller's role, waits until every node grants, revokes it, and measures from the instant
 * the revoke's commit returned until every node denies. A node counts as denying at the end of its first read that
 * started after that instant and was denied; a read started later that is still granted is counted as a stale grant.
 */
public final class RevokeLatency {

    static final CredentialName CREDENTIAL = CredentialName.of("ClusterService");
    private static final String ROLE = "bench-role";
    private static final String ROUTE = "bench-route";

    /**
     * @param nodes          nodes reading the credential
     * @param readersPerNode reader threads per node
     * @param readerPause    pause of a reader between two reads (keeps the readers from taking every core)
     * @param changeNotices  whether the nodes listen (false: today's bound, cacheTtl)
     * @param cacheTtl       the nodes' read cache
     * @param warmupRounds   rounds run first and not counted
     * @param rounds         measured grant/revoke rounds
     * @param phaseTimeout   how long a round waits for every node before it counts as timed out
     * @param revokeJitter   the revoke waits a random time below this after every node grants (zero: none). Without
     *                       notices a node turns when its cache entry expires; as the nodes have just reloaded it to
     *                       see the grant, a revoke made at once would always wait a whole cacheTtl
     * @param settle         after every node denied, how long the round goes on before the next grant, so that a node
     *                       granting again (a stale grant) still counts for this revoke
     */
    public record Settings(int nodes, int readersPerNode, Duration readerPause, boolean changeNotices,
                           Duration cacheTtl, int warmupRounds, int rounds, Duration phaseTimeout,
                           Duration revokeJitter, Duration settle) {
    }

    /**
     * @param settings     what ran
     * @param revokeNanos  per measured round: commit of the revoke until no node grants any more: the later of the last
     *                     node's first denial and the end of the last granted read started after the commit (sorted)
     * @param firstDenialNanos per measured round: commit of the revoke to the last node's first denial (sorted)
     * @param grantNanos   per measured round: commit of the grant to the last node granting (sorted)
     * @param timeouts     phases in which some node did not turn within the phase timeout (not in the figures)
     * @param staleGrants  reads granted although they started after their node had already denied after the revoke
     * @param staleDenials reads denied although they started after their node had already granted after the grant
     * @param reads        reads made by all readers in the measured rounds
     * @param failures     reads that failed other than by a denial (none expected)
     * @param noticeNanos  with notices, per measured round: the revoke's commit returning to the first notice arriving
     *                     at a plain listening connection beside the nodes ({@link NoticeProbe}; sorted, may be
     *                     negative: PostgreSQL sends the notices before the commit's answer)
     * @param readNanos    per measured round: how long the read took that showed the revoke on the last node to turn
     *                     (sorted)
     * @param health       each node's change-notice health at the end
     * @param elapsed      wall time of the measured rounds
     */
    public record Result(Settings settings, long[] revokeNanos, long[] firstDenialNanos, long[] grantNanos, int timeouts, long staleGrants,
                         long staleDenials,
                         long reads, long failures, long[] noticeNanos, long[] readNanos, List<ChangeNoticeHealth> health,
                         Duration elapsed) {

        /** The nearest-rank percentile (0 < q <= 100) of the revoke latencies in milliseconds. */
        public double revokeMillis(double q) {
            return percentileMillis(revokeNanos, q);
        }

        public double noticeMillis(double q) {
            return percentileMillis(noticeNanos, q);
        }

        public double firstDenialMillis(double q) {
            return percentileMillis(firstDenialNanos, q);
        }

        public double readMillis(double q) {
            return percentileMillis(readNanos, q);
        }

        public double grantMillis(double q) {
            return percentileMillis(grantNanos, q);
        }

        static double percentileMillis(long[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }
    }

    private volatile RevokePhase phase;
    private NoticeProbe probe;
    private volatile boolean stopping;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    private RevokeLatency() {
    }

    /** Runs the rounds on a cluster of its own (a new schema on the server), then drops it. */
    public static Result run(String serverUrl, Settings settings) throws InterruptedException, SQLException {
        try (ClusterDatabase cluster = new ClusterDatabase(serverUrl)) {
            RevokeLatency latency = new RevokeLatency();
            if (!settings.changeNotices()) {
                return latency.run(cluster, settings);
            }
            try (NoticeProbe probe = new NoticeProbe(serverUrl)) {
                latency.probe = probe;
                return latency.run(cluster, settings);
            }
        }
    }

    private Result run(ClusterDatabase cluster, Settings s) throws InterruptedException {
        GovernedCredentials admin = cluster.admin();
        admin.create(Credential.builder(CREDENTIAL, CredentialType.BASIC)
                .field(CredentialField.USERNAME, "svc")
                .secret(CredentialField.PASSWORD, Secret.of("bench-password")).build(), ClusterDatabase.ADMIN);
        admin.grant(CREDENTIAL, Dimension.PROCESS, "*", ClusterDatabase.ADMIN);
        admin.grant(CREDENTIAL, Dimension.RESOURCE, "*", ClusterDatabase.ADMIN);
        List<KsmRuntime> nodes = new ArrayList<>();
        for (int i = 0; i < s.nodes(); i++) {
            nodes.add(cluster.openNode("bench-node-" + (i + 1), s.changeNotices(), s.cacheTtl(), TokenSharing.NODE,
                    OAuth2Settings.defaults()));
        }
        awaitListening(nodes, s);
        List<Thread> readers = startReaders(nodes, s);
        try {
            runRounds(admin, s, s.warmupRounds(), null, null, null, null, null, new int[1]);
            reads.set(0);
            failures.set(0);
            long[] revokes = new long[s.rounds()];
            long[] grants = new long[s.rounds()];
            long[] notices = new long[s.rounds()];
            long[] firstDenials = new long[s.rounds()];
            long[] deciding = new long[s.rounds()];
            Arrays.fill(notices, Long.MIN_VALUE);
            long start = System.nanoTime();
            int[] timeouts = new int[1];
            long[] stale = runRounds(admin, s, s.rounds(), revokes, firstDenials, grants, notices, deciding,
                    timeouts);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            long[] revokesDone = Arrays.stream(revokes).filter(v -> v >= 0).sorted().toArray();
            long[] firstDenialsDone = Arrays.stream(firstDenials).filter(v -> v >= 0).sorted().toArray();
            long[] grantsDone = Arrays.stream(grants).filter(v -> v >= 0).sorted().toArray();
            List<ChangeNoticeHealth> health = nodes.stream().map(KsmRuntime::changeNoticeHealth).toList();
            return new Result(s, revokesDone, firstDenialsDone, grantsDone, timeouts[0], stale[1], stale[0], reads.get(), failures.get(),
                    Arrays.stream(notices).filter(v -> v != Long.MIN_VALUE).sorted().toArray(),
                    Arrays.stream(deciding).sorted().toArray(), health, elapsed);
        } finally {
            stopping = true;
            for (Thread reader : readers) {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
    }

    /**
     * Grant, wait until every node grants, revoke, wait until every node denies; returns the stale reads seen: denials
     * after a node granted, grants after a node denied.
     */
    private long[] runRounds(GovernedCredentials admin, Settings s, int rounds, long[] revokes, long[] firstDenials,
                             long[] grants, long[] notices, long[] deciding, int[] timeouts) {
        long[] stale = new long[2];
        for (int round = 0; round < rounds; round++) {
            RevokePhase granted = new RevokePhase(true, s.nodes());
            phase = granted;
            admin.grant(CREDENTIAL, Dimension.ROLE, ROLE, ClusterDatabase.ADMIN);
            granted.committedAt = System.nanoTime();
            long grantLatency = await(granted, s.phaseTimeout());
            if (!s.revokeJitter().isZero()) {
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(s.revokeJitter().toNanos()));
            }
            RevokePhase revoked = new RevokePhase(false, s.nodes());
            phase = revoked;
            if (probe != null) {
                probe.clear();
            }
            admin.revoke(CREDENTIAL, Dimension.ROLE, ROLE, ClusterDatabase.ADMIN);
            revoked.committedAt = System.nanoTime();
            long firstDenial = await(revoked, s.phaseTimeout());
            if (firstDenial >= 0 && !s.settle().isZero()) {
                LockSupport.parkNanos(s.settle().toNanos());
            }
            phase = null;
            long revokeLatency = firstDenial < 0 ? -1
                    : Math.max(revoked.lastReached(), revoked.lastOldEnd.get()) - revoked.committedAt;
            stale[0] += granted.staleReads.get();
            stale[1] += revoked.staleReads.get();
            timeouts[0] += (grantLatency < 0 ? 1 : 0) + (firstDenial < 0 ? 1 : 0);
            if (revokes != null) {
                revokes[round] = revokeLatency;
                firstDenials[round] = firstDenial;
                grants[round] = grantLatency;
                deciding[round] = revoked.lastReachingRead();
                long arrival = probe != null ? probe.firstArrival() : -1;
                if (arrival >= 0) {
                    notices[round] = arrival - revoked.committedAt;
                }
            }
        }
        return stale;
    }

    /** Nanoseconds from the phase's commit until its last node turned, or -1 after the timeout. */
    private static long await(RevokePhase phase, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!phase.allReached()) {
            if (System.nanoTime() > deadline) {
                return -1;
            }
            LockSupport.parkNanos(50_000);
        }
        return phase.lastReached() - phase.committedAt;
    }

    /**
     * With change notices, a node's cache serves only once its listener hears (until then every read goes to the
     * database): wait for that, so that the rounds measure listening nodes.
     */
    private static void awaitListening(List<KsmRuntime> nodes, Settings s) throws InterruptedException {
        if (!s.changeNotices()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (KsmRuntime node : nodes) {
            while (node.changeNoticeHealth().state() != ChangeNoticeHealth.State.LISTENING) {
                if (node.changeNoticeHealth().state() == ChangeNoticeHealth.State.OFF) {
                    throw new IllegalStateException("changeNotices=true, but a node does not listen: "
                                                    + node.changeNoticeHealth().detail());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("a node's change-notice listener did not start listening within"
                                                    + " 30 s: " + node.changeNoticeHealth());
                }
                Thread.sleep(20);
            }
        }
    }

    private List<Thread> startReaders(List<KsmRuntime> nodes, Settings s) {
        List<Thread> readers = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            GovernedCredentials credentials = nodes.get(n).credentials();
            Caller caller = new Caller("bench-user", Set.of(ROLE), ROUTE, "bench-node-" + (n + 1), null);
            int node = n;
            for (int r = 0; r < s.readersPerNode(); r++) {
                Thread reader = new Thread(() -> read(node, credentials, caller, s.readerPause()),
                        "bench-reader-" + (n + 1) + "-" + (r + 1));
                reader.setDaemon(true);
                reader.start();
                readers.add(reader);
            }
        }
        return readers;
    }

    private void read(int node, GovernedCredentials credentials, Caller caller, Duration pause) {
        long pauseNanos = pause.toNanos();
        while (!stopping) {
            RevokePhase current = phase;
            long start = System.nanoTime();
            boolean granted;
            try {
                granted = credentials.use(CREDENTIAL, "authorize", caller, ROUTE, c -> Boolean.TRUE);
            } catch (KsmAccessDeniedException e) {
                granted = false;
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                granted = false;
                current = null;
            }
            long end = System.nanoTime();
            reads.incrementAndGet();
            if (current != null) {
                current.observed(node, granted, start, end);
            }
            if (pauseNanos > 0) {
                LockSupport.parkNanos(pauseNanos);
            }
        }
    }
}
