package io.camelksm.benchmarks;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.URISupport;

/**
 * Benchmark 1: a fixed number of exchanges spread evenly over a span of several token lifetimes, sent by concurrent
 * producers. Exchange {@code i} is due at {@code start + span * i / exchanges}, so every contender meets the same
 * timeline (as long as the machine keeps up: the result says how far behind schedule it fell). What counts is how many
 * token requests reached the token endpoint and whether any API call carried an expired token.
 */
public final class LoadRun {

    private LoadRun() {
    }

    /**
     * The outcome of one load run.
     *
     * @param contender    the contender's name
     * @param settings     its token settings
     * @param planned      exchanges planned
     * @param completed    exchanges sent (fewer only when the deadline cut the run short)
     * @param failures     exchanges that failed (the API refused them, or the token request failed)
     * @param seen         what the token endpoint and the API counted for this run
     * @param elapsed      wall time of the run
     * @param maxLag       the most an exchange started behind its schedule
     * @param firstFailure the message of the first failure, or null
     */
    public record Result(String contender, String settings, int planned, int completed, int failures,
                         RunCounters.Snapshot seen, Duration elapsed, Duration maxLag, String firstFailure) {

        /** Token requests per 10,000 exchanges. */
        public double tokenRequestsPer10k() {
            return completed == 0 ? 0 : seen.tokenRequests() * 10_000.0 / completed;
        }

        /**
         * Token requests per token lifetime of wall time: independent of how far the run fell behind its schedule (a
         * run that takes longer than planned spans more lifetimes, and so needs more tokens per 10,000 exchanges).
         */
        public double tokenRequestsPerLifetime(Duration realLifetime) {
            return elapsed.isZero() ? 0 : seen.tokenRequests() * (double) realLifetime.toNanos() / elapsed.toNanos();
        }
    }

    /**
     * Starts the contender, runs the exchanges, stops it.
     *
     * @param run      the run's name (its own paths and counters on the loopback APIs)
     * @param deadline when to stop starting exchanges even if some are left (a run must end by itself)
     */
    public static Result run(Contender contender, LoopbackApis apis, String run, int exchanges, int producers,
                             Duration span, Duration deadline) throws Exception {
        try (contender) {
            contender.start(apis, run, producers);
            RunCounters counters = apis.counters(run);
            RunCounters.Snapshot before = counters.snapshot();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger completed = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            AtomicLong maxLagNanos = new AtomicLong();
            AtomicReference<String> firstFailure = new AtomicReference<>();
            long spanNanos = span.toNanos();
            long start = System.nanoTime();
            long stopAt = start + deadline.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(producers);
            try {
                for (int p = 0; p < producers; p++) {
                    pool.execute(() -> {
                        for (int i = next.getAndIncrement(); i < exchanges; i = next.getAndIncrement()) {
                            long due = start + spanNanos * i / exchanges;
                            sleepUntil(due);
                            long now = System.nanoTime();
                            if (now > stopAt) {
                                return;
                            }
                            maxLagNanos.accumulateAndGet(now - due, Math::max);
                            try {
                                contender.call();
                            } catch (RuntimeException e) {
                                failures.incrementAndGet();
                                firstFailure.compareAndSet(null, rootMessage(e));
                            }
                            completed.incrementAndGet();
                        }
                    });
                }
            } finally {
                pool.shutdown();
            }
            if (!pool.awaitTermination(deadline.toNanos() + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS)) {
                pool.shutdownNow();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Result(contender.name(), contender.settings(), exchanges, completed.get(), failures.get(),
                    counters.snapshot().minus(before), elapsed, Duration.ofNanos(maxLagNanos.get()),
                    firstFailure.get());
        }
    }

    static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What went wrong, without client secrets that an endpoint URI in the message may carry. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode() + " from the API";
        }
        return root.getClass().getSimpleName() + ": " + URISupport.sanitizeUri(String.valueOf(root.getMessage()));
    }
}
