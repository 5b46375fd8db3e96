package io.camelksm.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Samples the heap every 2 ms while a measurement runs: the highest heap in use (garbage included, so it mostly says
 * how large the collector let the young generation grow) and the highest heap left after a collection (what the work
 * kept alive: the figure that must stay flat in the number of rows).
 */
final class HeapPeak implements AutoCloseable {

    /** Bytes. */
    record Peaks(long used, long afterCollection) {
    }

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakAfterCollection;

    private HeapPeak() {
        sampler = new Thread(this::sample, "heap-peak");
        sampler.setDaemon(true);
    }

    /** Collects the garbage left by whatever ran before, then starts sampling. */
    static HeapPeak start() {
        System.gc();
        HeapPeak peak = new HeapPeak();
        peak.sampleOnce();
        peak.sampler.start();
        return peak;
    }

    private void sample() {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sampleOnce() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long afterCollection = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = pool.getCollectionUsage();
            afterCollection += usage == null ? 0 : usage.getUsed();
        }
        peakUsed = Math.max(peakUsed, used);
        peakAfterCollection = Math.max(peakAfterCollection, afterCollection);
    }

    /** Stops sampling and returns the peaks. */
    Peaks stop() throws InterruptedException {
        running = false;
        sampler.join();
        sampleOnce();
        return new Peaks(peakUsed, peakAfterCollection);
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }
}
