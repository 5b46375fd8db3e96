package io.camelksm.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.RunResult;

/** Collects the results of the three benchmarks and renders them as plain-text tables with ratios. */
final class Summary {

    private final BenchmarkSettings settings;
    private final List<LoadRun.Result> loads = new ArrayList<>();
    private final List<BurstRun.Result> bursts = new ArrayList<>();
    private final List<RunResult> jmh = new ArrayList<>();
    private PairedRounds paired;
    private Duration elapsed = Duration.ZERO;

    Summary(BenchmarkSettings settings) {
        this.settings = settings;
    }

    void load(LoadRun.Result result) {
        loads.add(result);
    }

    void burst(BurstRun.Result result) {
        bursts.add(result);
    }

    void jmh(RunResult result) {
        jmh.add(result);
    }

    void paired(PairedRounds rounds) {
        paired = rounds;
    }

    void elapsed(Duration value) {
        elapsed = value;
    }

    static String loadLine(LoadRun.Result r) {
        return f("%-28s %6d exchanges, %4d failures, %5d token requests (%.1f per 10k), %d expired, %d unknown, "
                 + "%.1f s, max lag %d ms%s", r.contender(), r.completed(), r.failures(), r.seen().tokenRequests(),
                r.tokenRequestsPer10k(), r.seen().expiredToken(), r.seen().unknownToken(),
                r.elapsed().toMillis() / 1000.0, r.maxLag().toMillis(),
                r.firstFailure() == null ? "" : " (first failure: " + r.firstFailure() + ")");
    }

    static String burstLine(BurstRun.Result r) {
        return f("%-28s %4d released %3d ms before expiry: %4d token requests, %d expired, %d unknown, %d failures,"
                 + " %d ms%s", r.contender(), r.burst(), r.releasedAt().toMillis(), r.seen().tokenRequests(),
                r.seen().expiredToken(), r.seen().unknownToken(), r.failures(), r.elapsed().toMillis(),
                r.firstFailure() == null ? "" : " (first failure: " + r.firstFailure() + ")");
    }

    String render() {
        StringBuilder out = new StringBuilder();
        long lifetime = settings.tokenLifetime().toSeconds();
        out.append(f("camel-ksm OAuth2 benchmarks (all on 127.0.0.1; total %.0f s)%n", elapsed.toMillis() / 1000.0));
        out.append(f("Time scale %s: tokens live %d s nominal = %d s real; every contender's time setting is divided"
                     + " by %d too.%nToken endpoint latency %d ms (real).%n", settings.scale(), lifetime,
                settings.realExpiresInSeconds(), settings.scale().factor(), settings.tokenLatency().toMillis()));
        if (!loads.isEmpty()) {
            LoadRun.Result ksm = find(loads, "camel-ksm");
            out.append(f("%n1. Token requests per 10,000 exchanges (%d producers, %.1f token lifetimes = %d s real)%n",
                    settings.producers(), settings.loadLifetimes(), settings.realLoadSpan().toSeconds()));
            out.append(f("%-24s | %9s | %8s | %14s | %8s | %12s | %12s | %7s | %6s | %8s%n", "contender",
                    "exchanges", "failures", "token requests", "per 10k", "vs camel-ksm", "per lifetime", "expired",
                    "time", "max lag"));
            Duration realLifetime = Duration.ofSeconds(settings.realExpiresInSeconds());
            for (LoadRun.Result r : loads) {
                out.append(f("%-24s | %9d | %8d | %14d | %8.1f | %12s | %12.2f | %7d | %4.0f s | %5d ms%n",
                        r.contender(), r.completed(), r.failures(), r.seen().tokenRequests(), r.tokenRequestsPer10k(),
                        ratio(r.tokenRequestsPer10k(), ksm == null ? 0 : ksm.tokenRequestsPer10k()),
                        r.tokenRequestsPerLifetime(realLifetime), r.seen().expiredToken(),
                        r.elapsed().toMillis() / 1000.0, r.maxLag().toMillis()));
            }
            out.append(f("   per lifetime: token requests per %d s of run time (does not grow when a run falls behind"
                         + " its %d s schedule)%n", settings.realExpiresInSeconds(),
                    settings.realLoadSpan().toSeconds()));
            for (LoadRun.Result r : loads) {
                out.append(f("   %s: %s%n", r.contender(), r.settings()));
            }
        }
        if (!bursts.isEmpty()) {
            out.append(f("%n2. %d exchanges released at once, %d ms before the cached token expires (goal: 1 token"
                         + " request, 0 expired)%n", settings.burstSize(), RunAll.BURST_LEAD.toMillis()));
            out.append(f("%-28s | %14s | %13s | %8s | %10s%n", "contender", "token requests", "expired-token",
                    "failures", "burst time"));
            for (BurstRun.Result r : bursts) {
                out.append(f("%-28s | %14d | %13d | %8d | %7d ms%n", r.contender(), r.seen().tokenRequests(),
                        r.seen().expiredToken(), r.failures(), r.elapsed().toMillis()));
            }
            out.append(f("   The first token of a burst run lives %d s real, so at the release no contender's cache"
                         + " would still hand it out;%n   later tokens live %d s real. Token requests are all those"
                         + " that arrived while the burst ran.%n", RunAll.BURST_FIRST_TOKEN_SECONDS,
                    settings.realExpiresInSeconds()));
        }
        if (paired != null) {
            renderOverhead(out);
        }
        out.append(f("%nThe machine is shared (2 cores, other builds running): take absolute figures as rough;"
                     + " ratios come from the same run.%n"));
        return out.toString();
    }

    private void renderOverhead(StringBuilder out) {
        String reference = RunAll.REFERENCE;
        List<Double> goal = paired.ratios(RunAll.GOAL_BENCHMARK, reference);
        out.append(f("%n3. Overhead per exchange with a cached token (JMH average time; goal: %s <= 1.5 x %s)%n",
                RunAll.GOAL_BENCHMARK, reference));
        out.append(f("   %d paired rounds; a round runs one fork of each benchmark (%d x 1 s warm-up, %d x 1 s),"
                     + " the order reversed every round.%n   Each ratio divides by %s measured in the same round.%n",
                paired.rounds(), RunAll.JMH_WARMUPS, RunAll.JMH_MEASUREMENTS, reference));
        out.append(f("   %s: median %.2f x (rounds %.2f to %.2f x): %s%n", RunAll.GOAL_BENCHMARK,
                PairedRounds.median(goal), min(goal), max(goal),
                PairedRounds.median(goal) <= 1.5 ? "goal met" : "goal NOT met"));
        List<Double> durable = paired.ratios(RunAll.DEFAULT_BENCHMARK, reference);
        List<Double> durableToFloor = paired.ratios(RunAll.DEFAULT_BENCHMARK, RunAll.FLOOR);
        out.append(f("   %s (defaults, auditMode=journal: every decision durably recorded): median %.2f x %s (rounds"
                     + " %.2f to %.2f x), %.2f x %s: %s (goal <= %.1f x %s)%n", RunAll.DEFAULT_BENCHMARK,
                PairedRounds.median(durable), reference, min(durable), max(durable),
                PairedRounds.median(durableToFloor), RunAll.FLOOR,
                PairedRounds.median(durable) <= RunAll.DEFAULT_GOAL ? "goal met" : "goal NOT met",
                RunAll.DEFAULT_GOAL, reference));
        out.append(f("%-28s | %8s | %12s | %-19s | %s%n", "benchmark", "us/op", "median ratio", "ratio range",
                "us/op per round (ratio)"));
        for (String method : paired.methods()) {
            List<Double> scores = paired.scores(method);
            List<Double> ratios = paired.ratios(method, reference);
            StringBuilder rounds = new StringBuilder();
            for (int i = 0; i < scores.size(); i++) {
                rounds.append(i == 0 ? "" : " / ").append(f("%.3f (%.2f)", scores.get(i), ratios.get(i)));
            }
            out.append(f("%-28s | %8.3f | %10.2f x | %6.2f x to %5.2f x | %s%n", method, PairedRounds.mean(scores),
                    PairedRounds.median(ratios), min(ratios), max(ratios), rounds));
        }
        if (!jmh.isEmpty()) {
            double constant = PairedRounds.mean(paired.scores(reference));
            out.append(f("   Diagnostics (%d forks each, after the rounds; ratio to the mean of %s's rounds):%n",
                    RunAll.DIAGNOSTIC_FORKS, reference));
            out.append(f("%-28s | %21s | %11s | %s%n", "benchmark", "us/op (99.9% error)", "vs constant",
                    "us/op per fork"));
            for (RunResult r : jmh) {
                out.append(f("%-28s | %9.3f +- %8.3f | %11s | %s%n", r.getParams().getBenchmark()
                                .substring(r.getParams().getBenchmark().lastIndexOf('.') + 1),
                        r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                        ratio(r.getPrimaryResult().getScore(), constant), perFork(r)));
            }
        }
        out.append(f("   constantHeader: setHeader(\"Authorization\", constant(...)), the reference;%n"
                     + "   auditFloorComponent: to() a component that does the Camel work ksm: does besides its own"
                     + " checks: reads the exchange id and route id,%n     sets the same header and the credential"
                     + " type header, puts a token handle in an exchange property (the floor under any audited%n"
                     + "     component that hands its token to the route);%n"
                     + "   ksmAuthorize: to(\"ksm:Graph\") with the component defaults (auditMode=journal: each decision"
                     + " appended to the memory-mapped journal%n     before the header is set, then copied to an audit"
                     + " row and log line by the journal's writer thread; checked: every exchange journaled),%n"
                     + "     with auditJournalMaxSize=8 GiB so that a fork never waits for the database writer;%n"
                     + "   ksmAuthorizeJournalOnly: journaled the same way, but the journal's writer hands the events to"
                     + " nothing (no database work on the other core);%n"
                     + "   ksmAuthorizeDefaultJournal: the same with the default 1 GiB journal: a thread sending back to"
                     + " back fills it in about 10 s,%n     then goes at the database writer's pace;%n"
                     + "   ksmAuthorizeSummaryAudit: to(\"ksm:Graph\") with a cached token and auditMode=summary"
                     + " (identical granted reads queued together share one entry%n     with their count; checked:"
                     + " the counts add up to the exchanges);%n"
                     + "   ksmAuthorizeUnaudited: audit events discarded (diagnostic only, never a configuration);%n"
                     + "   constantComponent: to() a component whose producer only sets the same constant header: what"
                     + " Camel costs for any to(...);%n"
                     + "   ksmAuthorizeAsyncAudit: ksm: with auditMode=async, the default before the journal (one audit"
                     + " row and log line per decision, queued in memory, written by one thread; it sets the pace);%n"
                     + "   governedUseOnly: access check + cached credential lease + audit event (summary), no"
                     + " Camel, no token; tokenCacheOnly: the token cache lookup alone.%n"));
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Each fork's mean: the JIT settles forks differently, so the spread says how far to trust a ratio. */
    private static String perFork(RunResult r) {
        return r.getBenchmarkResults().stream().map(b -> f("%.3f", b.getPrimaryResult().getScore()))
                .collect(Collectors.joining(" / "));
    }

    private static LoadRun.Result find(List<LoadRun.Result> results, String name) {
        return results.stream().filter(r -> r.contender().equals(name)).findFirst().orElse(null);
    }

    private static String ratio(double value, double reference) {
        return reference <= 0 ? "n/a" : f("%.2f x", value / reference);
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
