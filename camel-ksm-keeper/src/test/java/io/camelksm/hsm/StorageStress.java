package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Many threads on one storage: writers each own a key and also fight over a shared one, readers check that every
 * value they see is whole and that no key ever goes back in time. Afterwards the file must hold exactly what memory
 * holds, and every change must have been written once.
 */
final class StorageStress {

    private StorageStress() {
    }

    static void run(HsmKeyValueStorage storage, Supplier<HsmKeyValueStorage> reopen, int writers, int readers,
                    int writesEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> futures = new ArrayList<>();
        List<Throwable> problems = Collections.synchronizedList(new ArrayList<>());
        long writesBefore = storage.writeCount();
        try {
            for (int w = 0; w < writers; w++) {
                String key = "writer-" + w;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 1; i <= writesEach; i++) {
                        storage.saveString(key, key + ":" + i);
                        storage.saveBytes("shared", (key + ":" + i).getBytes());
                    }
                    return null;
                }));
            }
            for (int r = 0; r < readers; r++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    Map<String, Integer> seen = new HashMap<>();
                    while (writing.get()) {
                        for (int w = 0; w < writers; w++) {
                            String key = "writer-" + w;
                            String value = storage.getString(key);
                            if (value == null) {
                                continue;
                            }
                            if (!value.startsWith(key + ":")) {
                                problems.add(new AssertionError(key + " holds " + value));
                            }
                            int n = Integer.parseInt(value.substring(key.length() + 1));
                            if (n < seen.getOrDefault(key, 0)) {
                                problems.add(new AssertionError(key + " went back from " + seen.get(key) + " to "
                                                                + n));
                            }
                            seen.put(key, n);
                        }
                        byte[] shared = storage.getBytes("shared");
                        if (shared != null && !new String(shared).matches("writer-\\d+:\\d+")) {
                            problems.add(new AssertionError("shared holds " + new String(shared)));
                        }
                        storage.exportJson().destroy();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (int i = 0; i < writers; i++) {
                futures.get(i).get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> f : futures) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        assertThat(problems).isEmpty();
        for (int w = 0; w < writers; w++) {
            assertThat(storage.getString("writer-" + w)).isEqualTo("writer-" + w + ":" + writesEach);
        }
        // every save changed the content (writer and counter make each value new), so each was written exactly once
        assertThat(storage.writeCount() - writesBefore).isEqualTo(2L * writers * writesEach);
        HsmKeyValueStorage fromDisk = reopen.get();
        assertThat(fromDisk.exportJson().reveal()).isEqualTo(storage.exportJson().reveal());
    }
}
