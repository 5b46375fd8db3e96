package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Appends queued behind a running write share the next transaction; a failing one does not fail the others. */
class GroupAppendTest {

    private final List<List<String>> written = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);

    /** Fails a transaction holding "bad"; holds the first write until the latch opens. */
    private void write(List<Object[]> rows) throws SQLException {
        List<String> names = rows.stream().map(r -> (String) r[0]).toList();
        if (names.equals(List.of("first"))) {
            firstWriteStarted.countDown();
            try {
                firstWriteMayEnd.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (names.contains("bad")) {
            throw new SQLException("bad row", "23514");
        }
        written.add(names);
    }

    private static List<Object[]> rows(String... names) {
        return java.util.Arrays.stream(names).map(n -> new Object[] { n }).toList();
    }

    @Test
    void queuedAppendsShareOneWriteAndABadOneFailsAlone() throws Exception {
        GroupAppend group = new GroupAppend(this::write);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = pool.submit(() -> {
                group.append(rows("first"));
                return null;
            });
            assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> a = pool.submit(() -> {
                group.append(rows("a1", "a2"));
                return null;
            });
            // b only once a is queued: the order of one shared write is the order of queueing
            while (group.queued() < 1) {
                Thread.sleep(5);
            }
            Future<?> b = pool.submit(() -> {
                group.append(rows("b1"));
                return null;
            });
            while (group.queued() < 2) {
                Thread.sleep(5);
            }
            firstWriteMayEnd.countDown();
            first.get(10, TimeUnit.SECONDS);
            a.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);

            assertThat(written).containsExactly(List.of("first"), List.of("a1", "a2", "b1"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingAppendInASharedWriteFailsOnlyItsCaller() throws Exception {
        GroupAppend group = new GroupAppend(this::write);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = pool.submit(() -> {
                group.append(rows("first"));
                return null;
            });
            assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> good = pool.submit(() -> {
                group.append(rows("good"));
                return null;
            });
            Future<?> bad = pool.submit(() -> {
                group.append(rows("x", "bad"));
                return null;
            });
            while (group.queued() < 2) {
                Thread.sleep(5);
            }
            firstWriteMayEnd.countDown();
            first.get(10, TimeUnit.SECONDS);
            good.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class)
                    .hasMessageContaining("bad row");

            assertThat(written).containsExactly(List.of("first"), List.of("good"));
        } finally {
            pool.shutdownNow();
        }
    }
}
