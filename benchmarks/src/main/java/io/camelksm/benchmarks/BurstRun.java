package io.camelksm.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark 2: one exchange fetches a token; just before that token expires, a burst of exchanges is released at once
 * (all waiting on one latch), so the burst straddles the expiry. Goal: one token request for the whole burst and no
 * API call with an expired token.
 *
 * <p>So that the run need not wait a whole token lifetime per contender, the first token of each burst run is issued
 * with a short {@code expires_in}; at the release every contender holds a token that its own cache already treats as
 * unusable (as with a full-lifetime token at its expiry), and every later token has the usual lifetime.
 */
public final class BurstRun {

    private BurstRun() {
    }

    /**
     * The outcome of one burst.
     *
     * @param contender    the contender's name
     * @param burst        exchanges released at once
     * @param failures     exchanges of the burst that failed
     * @param seen         what the token endpoint and the API counted during the burst (not the first exchange)
     * @param releasedAt   how long before (negative: after) the first token's expiry the burst was released
     * @param elapsed      from release until the last exchange of the burst returned
     * @param firstFailure the message of the first failure, or null
     */
    public record Result(String contender, int burst, int failures, RunCounters.Snapshot seen,
                         Duration releasedAt, Duration elapsed, String firstFailure) {
    }

    /**
     * Starts the contender, fetches its first token, releases the burst just before that token expires, and stops it.
     *
     * @param firstTokenSeconds the real {@code expires_in} of the first token
     * @param lead              how long before that token's expiry the burst is released
     */
    public static Result run(Contender contender, LoopbackApis apis, String run, int burst, long firstTokenSeconds,
                             Duration lead) throws Exception {
        try (contender) {
            apis.shortFirstToken(run, firstTokenSeconds);
            contender.start(apis, run, burst);
            contender.call(); // fetches the token whose expiry the burst straddles
            return burst(contender, apis.counters(run), burst, lead);
        }
    }

    private static Result burst(Contender contender, RunCounters counters, int burst, Duration lead)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(burst);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(burst);
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < burst; t++) {
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    contender.call();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, LoadRun.rootMessage(e));
                } finally {
                    done.countDown();
                }
            }, "burst-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await(30, TimeUnit.SECONDS);
        Instant expiry = counters.lastExpiry();
        if (expiry == null) {
            throw new IllegalStateException(contender.name() + ": the token endpoint issued no token to expire");
        }
        long waitMillis = Duration.between(Instant.now(), expiry.minus(lead)).toMillis();
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        RunCounters.Snapshot before = counters.snapshot();
        Instant releasedAt = Instant.now();
        long start = System.nanoTime();
        go.countDown();
        boolean finished = done.await(60, TimeUnit.SECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            threads.forEach(Thread::interrupt);
        }
        return new Result(contender.name(), burst, failures.get(), counters.snapshot().minus(before),
                Duration.between(releasedAt, expiry), elapsed, firstFailure.get());
    }
}
