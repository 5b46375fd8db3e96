package io.camelksm.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;

/**
 * Runs the three benchmarks of the OAuth2 issue in one go and prints a summary with ratios measured in the same run
 * (also written to {@code target/benchmark-summary.txt}). Everything runs on 127.0.0.1 and ends by itself.
 *
 * <p>Options: {@code --exchanges N}, {@code --producers N}, {@code --lifetimes X} (benchmark 1), {@code --burst N}
 * (benchmark 2), {@code --rounds N} (benchmark 3's paired rounds), {@code --skip-load}, {@code --skip-burst},
 * {@code --skip-jmh}.
 */
public final class RunAll {

    /** The real lifetime of the first token of a burst run (see {@link BurstRun}). */
    static final long BURST_FIRST_TOKEN_SECONDS = 2;
    /** How long before that token's expiry the burst is released. */
    static final Duration BURST_LEAD = Duration.ofMillis(50);

    private RunAll() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.defaults();
        boolean load = true;
        boolean burst = true;
        boolean jmh = true;
        int rounds = JMH_ROUNDS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--exchanges" -> settings = settings.withExchanges(Integer.parseInt(args[++i]));
                case "--producers" -> settings = settings.withProducers(Integer.parseInt(args[++i]));
                case "--lifetimes" -> settings = settings.withLoadLifetimes(Double.parseDouble(args[++i]));
                case "--burst" -> settings = settings.withBurstSize(Integer.parseInt(args[++i]));
                case "--skip-load" -> load = false;
                case "--skip-burst" -> burst = false;
                case "--skip-jmh" -> jmh = false;
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (known: --exchanges N,"
                        + " --producers N, --lifetimes X, --burst N, --rounds N, --skip-load, --skip-burst,"
                        + " --skip-jmh)");
            }
        }
        long started = System.nanoTime();
        Summary summary = new Summary(settings);
        if (load || burst) {
            try (LoopbackApis apis = new LoopbackApis(settings.realExpiresInSeconds(), settings.tokenLatency(),
                    settings.burstSize() + settings.producers() + 64)) {
                if (load) {
                    for (Contender contender : contenders(settings)) {
                        String run = contender.runName("load");
                        System.out.printf("benchmark 1: %s, %d exchanges over %d s ...%n", contender.name(),
                                settings.exchanges(), settings.realLoadSpan().toSeconds());
                        LoadRun.Result result = LoadRun.run(contender, apis, run, settings.exchanges(),
                                settings.producers(), settings.realLoadSpan(),
                                settings.realLoadSpan().plusSeconds(15));
                        summary.load(result);
                        System.out.println("  " + Summary.loadLine(result));
                    }
                }
                if (burst) {
                    for (Contender contender : contenders(settings)) {
                        System.out.printf("benchmark 2: %s, %d exchanges released at once across an expiry ...%n",
                                contender.name(), settings.burstSize());
                        BurstRun.Result result = BurstRun.run(contender, apis, contender.runName("burst"),
                                settings.burstSize(), BURST_FIRST_TOKEN_SECONDS, BURST_LEAD);
                        summary.burst(result);
                        System.out.println("  " + Summary.burstLine(result));
                    }
                }
            }
        }
        if (jmh) {
            System.out.println("benchmark 3: JMH, " + rounds + " paired rounds of one fork per benchmark ("
                               + JMH_WARMUPS + " x 1 s warm-up, " + JMH_MEASUREMENTS + " x 1 s measurement), then the"
                               + " diagnostics ...");
            summary.paired(new PairedRounds(PAIRED, rounds, JMH_WARMUPS, JMH_MEASUREMENTS).run());
            Collection<RunResult> results = new Runner(PairedRounds.options(DIAGNOSTICS, DIAGNOSTIC_FORKS,
                    JMH_WARMUPS, JMH_MEASUREMENTS)).run();
            results.forEach(summary::jmh);
        }
        summary.elapsed(Duration.ofNanos(System.nanoTime() - started));
        String text = summary.render();
        System.out.println();
        System.out.println(text);
        writeQuietly(Path.of("target", "benchmark-summary.txt"), text);
    }

    /** Benchmark 3's reference first, then what is compared with it round by round (see {@link PairedRounds}). */
    static final List<String> PAIRED = List.of("constantHeader", "auditFloorComponent", "ksmAuthorize",
            "ksmAuthorizeJournalOnly", "ksmAuthorizeSummaryAudit", "ksmAuthorizeUnaudited");
    static final String REFERENCE = PAIRED.get(0);
    static final String FLOOR = PAIRED.get(1);
    static final String GOAL_BENCHMARK = "ksmAuthorizeSummaryAudit";
    /** The component defaults (auditMode=journal: every decision durably recorded before the exchange goes on). */
    static final String DEFAULT_BENCHMARK = "ksmAuthorize";
    static final double DEFAULT_GOAL = 3.0;
    /** Five rounds: the median ratio then stands even if one round's fork lands in the JIT's slower state. */
    static final int JMH_ROUNDS = 5;
    /** Diagnostics explain the ratio rather than make it: two forks each, in one JMH run. */
    static final List<String> DIAGNOSTICS = List.of("constantComponent", "ksmAuthorizeDefaultJournal",
            "ksmAuthorizeAsyncAudit", "governedUseOnly",
            "tokenCacheOnly");
    static final int DIAGNOSTIC_FORKS = 2;
    /**
     * 15 s of warm-up: the credential cache reloads every 5 s (cacheTtl), and each of the first reloads takes branches
     * the JIT had never seen, which recompiles the hot path; measuring only after three of them measures the steady
     * state instead of where the JIT happened to be.
     */
    static final int JMH_WARMUPS = 15;
    static final int JMH_MEASUREMENTS = 5;

    /** One fresh contender of each kind, with every time setting scaled. */
    static List<Contender> contenders(BenchmarkSettings s) {
        TimeScale scale = s.scale();
        List<Contender> list = new ArrayList<>();
        list.add(new CamelKsmContender(scale.real(Duration.ofSeconds(60)), scale.real(Duration.ofSeconds(30))));
        list.add(new CamelKsmContender(scale.real(Duration.ofSeconds(60)), scale.real(Duration.ofSeconds(30)),
                CamelKsmContender.Grant.JWT_BEARER));
        list.add(new CamelHttpContender(scale.realWholeSeconds(s.camelHttpMargin(), "camelHttpMargin")));
        list.add(new SpringSecurityContender(scale.real(s.springClockSkew()), "spring-security"));
        list.add(new SpringSecurityContender(scale.real(s.springTunedClockSkew()),
                "spring-security skew " + s.springTunedClockSkew().toSeconds() + "s"));
        return list;
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text + System.lineSeparator());
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e.getMessage());
        }
    }
}
