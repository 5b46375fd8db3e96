package io.camelksm.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs JMH benchmarks one fork at a time, in rounds, so that a ratio compares forks measured minutes apart at most.
 * Odd rounds run the benchmarks in the order given, even rounds in reverse (A B C, C B A, ...): a machine that drifts
 * slower or faster during the run then weighs on both sides of a ratio alike. Running every fork of one benchmark and
 * then every fork of the next, as one JMH run does, lets that drift decide a ratio: on this machine the same route has
 * measured 0.53 µs in one quarter of an hour and 0.79 µs in the next.
 */
final class PairedRounds {

    /** The mean of each round's fork, per benchmark method name, in round order. */
    private final Map<String, List<Double>> scores = new LinkedHashMap<>();
    private final int rounds;
    private final int warmups;
    private final int measurements;

    PairedRounds(List<String> methods, int rounds, int warmups, int measurements) {
        if (methods.isEmpty() || rounds < 1) {
            throw new IllegalArgumentException("need at least one benchmark and one round");
        }
        methods.forEach(m -> scores.put(m, new ArrayList<>()));
        this.rounds = rounds;
        this.warmups = warmups;
        this.measurements = measurements;
    }

    PairedRounds run() throws RunnerException {
        List<String> order = new ArrayList<>(scores.keySet());
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("benchmark 3: round %d of %d: %s%n", round, rounds, String.join(", ", order));
            for (String method : order) {
                add(method, oneFork(method));
            }
            Collections.reverse(order);
        }
        return this;
    }

    private double oneFork(String method) throws RunnerException {
        RunResult result = new Runner(options(List.of(method), 1, warmups, measurements)).runSingle();
        return result.getPrimaryResult().getScore();
    }

    /**
     * The JMH options of benchmark 3: the named methods of {@link HeaderOverheadBenchmark}, 1 s iterations, -Xmx1g.
     * Shared with the diagnostics run, so rounds and diagnostics measure alike.
     */
    static Options options(List<String> methods, int forks, int warmups, int measurements) {
        ChainedOptionsBuilder options = new OptionsBuilder();
        // the $ keeps constantHeader from also selecting a method whose name starts with it
        methods.forEach(m -> options.include(HeaderOverheadBenchmark.class.getName() + "." + m + "$"));
        return options.forks(forks).warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
                .measurementIterations(measurements).measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true).jvmArgsAppend("-Xmx1g").build();
    }

    /** Records one round's mean of the method. */
    void add(String method, double score) {
        measured(method).add(score);
    }

    int rounds() {
        return rounds;
    }

    /** Each round's mean of the method, in round order. */
    List<Double> scores(String method) {
        return Collections.unmodifiableList(measured(method));
    }

    private List<Double> measured(String method) {
        List<Double> list = scores.get(method);
        if (list == null) {
            throw new IllegalArgumentException("not a benchmark of these rounds: " + method);
        }
        return list;
    }

    List<String> methods() {
        return List.copyOf(scores.keySet());
    }

    /** Each round's ratio of the method to the reference measured in the same round. */
    List<Double> ratios(String method, String reference) {
        List<Double> values = scores(method);
        List<Double> references = scores(reference);
        List<Double> ratios = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / references.get(i));
        }
        return ratios;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
