package io.camelksm.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.camel.Exchange;

/**
 * Requests on every node from a few threads each until stopped, each one recorded with when it started and ended on
 * {@link System#nanoTime()}, its outcome and the message of its exception: the tests look at the samples of a window
 * afterwards.
 */
final class Load implements AutoCloseable {

    /** One request: node, start and end (nanoTime), outcome, the exception (null when none). */
    record Sample(String node, long start, long end, Portal.Outcome outcome, Exception exception) {
        long millis() {
            return (end - start) / 1_000_000;
        }
    }

    private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param send    one request on a node
     * @param outcome what became of it
     */
    Load(List<ClusterNode> nodes, int threadsPerNode, Function<ClusterNode, Exchange> send,
         Function<Exchange, Portal.Outcome> outcome) {
        for (ClusterNode node : nodes) {
            for (int t = 0; t < threadsPerNode; t++) {
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        long start = System.nanoTime();
                        Exchange done = send.apply(node);
                        samples.add(new Sample(node.name(), start, System.nanoTime(), outcome.apply(done),
                                done.getException()));
                        pause();
                    }
                }, "load-" + node.name() + "-" + t);
                threads.add(thread);
                thread.start();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(3); // a steady load that leaves the two cores to the nodes and the database
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }
}
