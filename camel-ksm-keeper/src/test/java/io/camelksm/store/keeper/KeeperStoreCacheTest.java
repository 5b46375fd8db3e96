package io.camelksm.store.keeper;

import static io.camelksm.store.keeper.KeeperTestSupport.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.testsupport.LogCapture;
import io.camelksm.testsupport.TestClock;

/** Caching within Keeper's limits: TTL, single-flight, last good value, throttling back-off. */
class KeeperStoreCacheTest {

    private final FakeKeeperBackend keeper = new FakeKeeperBackend();
    private final TestClock clock = new TestClock();
    private KeeperCredentialStore store;
    private String uid;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private KeeperCredentialStore store(KeeperStoreSettings.Builder settings) {
        store = KeeperTestSupport.store(keeper, settings.build(), clock);
        return store;
    }

    private KeeperStoreSettings.Builder oneLogin(String password) {
        uid = keeper.add(FakeRecord.login("Bot", "bot", password));
        return KeeperStoreSettings.builder().credential("bot", uid).ttl(Duration.ofMinutes(5))
                .throttleBackoff(Duration.ofMinutes(1)).failureBackoff(Duration.ofSeconds(10))
                .maxStale(Duration.ofHours(1));
    }

    private String password() {
        Credential c = find(store, "bot");
        return c.secret(CredentialField.PASSWORD).orElseThrow().reveal();
    }

    /**
     * Asks for the password from {@code threads} threads at once while Keeper's transport holds its calls; once
     * {@code allWaiting} holds (or after 20 s) runs {@code beforeRelease}, lets the calls through and returns what
     * each thread got.
     */
    private List<String> passwordsOfConcurrentCallers(int threads, BooleanSupplier allWaiting, Runnable beforeRelease)
            throws Exception {
        CountDownLatch gate = keeper.holdCalls();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(this::password));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!allWaiting.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            beforeRelease.run();
            gate.countDown();
            List<String> passwords = new ArrayList<>();
            for (Future<String> f : results) {
                passwords.add(f.get(20, TimeUnit.SECONDS));
            }
            return passwords;
        } finally {
            gate.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void recordsAreServedFromTheCacheForTheTtlThenFetchedAgain() {
        store(oneLogin("v1"));
        assertThat(password()).isEqualTo("v1");
        keeper.put(uid, FakeRecord.login("Bot", "bot", "v2"));

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(password()).as("within the TTL: cached").isEqualTo("v1");
        assertThat(keeper.getSecretCalls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(password()).as("TTL over: fetched again").isEqualTo("v2");
        assertThat(keeper.getSecretCalls()).isEqualTo(2);
        assertThat(store.statistics()).isEqualTo(new KeeperStoreStatistics(2, 1, 0, 0, 0, 0));
    }

    @Test
    void oneFetchAsksForAllConfiguredUidsAndNeverForAllRecords() {
        String a = keeper.add(FakeRecord.login("A", "a", "pa"));
        String b = keeper.add(FakeRecord.login("B", "b", "pb"));
        keeper.add(FakeRecord.login("Unmapped", "c", "pc"));
        store(KeeperStoreSettings.builder().credential("a", a).credential("b", b)
                .credential("b-token", "keeper://" + b + "/field/password"));

        find(store, "a");
        find(store, "b");
        find(store, "b-token");

        assertThat(keeper.getSecretCalls()).isEqualTo(1);
        assertThat(keeper.requestedRecords()).hasSize(1);
        assertThat(keeper.requestedRecords().get(0)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        store(oneLogin("shared"));
        int threads = 8;
        // one caller is inside Keeper's transport, the others wait for its fetch
        List<String> passwords = passwordsOfConcurrentCallers(threads,
                () -> keeper.waitingAtGate() >= 1 && store.statistics().sharedWaits() >= threads - 1,
                () -> {
                    assertThat(keeper.waitingAtGate()).isEqualTo(1);
                    assertThat(store.statistics().sharedWaits()).isEqualTo(threads - 1);
                });
        assertThat(passwords).hasSize(threads).containsOnly("shared");
        assertThat(keeper.calls()).as("N threads, 1 call to Keeper").isEqualTo(1);
        assertThat(store.statistics().fetches()).isEqualTo(1);
    }

    @Test
    void concurrentCallersOfAFailingRefreshAllGetTheLastGoodValueFromOneCall() throws Exception {
        store(oneLogin("last-good"));
        password();
        clock.advance(Duration.ofMinutes(6));
        keeper.throttleNext(1, 30);
        int before = keeper.calls();
        int threads = 6;
        List<String> passwords = passwordsOfConcurrentCallers(threads,
                () -> store.statistics().sharedWaits() >= threads - 1, () -> {
                });
        assertThat(passwords).hasSize(threads).containsOnly("last-good");
        assertThat(keeper.calls()).isEqualTo(before + 1);
        assertThat(store.statistics().staleServed()).isEqualTo(threads);
        assertThat(store.statistics().throttled()).isEqualTo(1);
    }

    @Test
    void aFailedRefreshServesTheLastGoodValueWithAWarningAndACounter() {
        store(oneLogin("good"));
        assertThat(password()).isEqualTo("good");
        keeper.failAlways(502, "{\"error\":\"bad_gateway\",\"message\":\"upstream down\"}");
        clock.advance(Duration.ofMinutes(6));

        try (LogCapture log = new LogCapture()) {
            assertThat(password()).isEqualTo("good");
            assertThat(log.text()).contains("WARN").contains("bad_gateway").contains("serving the last good records")
                    .doesNotContain("good\n");
        }
        KeeperStoreStatistics stats = store.statistics();
        assertThat(stats.staleServed()).isEqualTo(1);
        assertThat(stats.failures()).isEqualTo(1);
        assertThat(stats.throttled()).isZero();

        // within the failure back-off: no call, stale value again
        int calls = keeper.calls();
        clock.advance(Duration.ofSeconds(9));
        assertThat(password()).isEqualTo("good");
        assertThat(keeper.calls()).isEqualTo(calls);
        assertThat(store.statistics().staleServed()).isEqualTo(2);

        // back-off over, Keeper back: fresh values again
        keeper.recover();
        keeper.put(uid, FakeRecord.login("Bot", "bot", "rotated"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(password()).isEqualTo("rotated");
        assertThat(keeper.calls()).isEqualTo(calls + 1);
    }

    @Test
    void throttlingBacksOffForRetryAfterWithoutCallingKeeper() {
        store(oneLogin("cached"));
        password();
        keeper.throttleNext(1, 30);
        clock.advance(Duration.ofMinutes(5));

        assertThat(password()).isEqualTo("cached");
        assertThat(store.statistics().throttled()).isEqualTo(1);
        int calls = keeper.calls();

        for (int i = 0; i < 29; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(password()).isEqualTo("cached");
        }
        assertThat(keeper.calls()).as("no call during the back-off").isEqualTo(calls);
        assertThat(store.statistics().staleServed()).isEqualTo(30);

        clock.advance(Duration.ofSeconds(1));
        keeper.put(uid, FakeRecord.login("Bot", "bot", "after-backoff"));
        assertThat(password()).isEqualTo("after-backoff");
        assertThat(keeper.calls()).isEqualTo(calls + 1);
    }

    @Test
    void throttlingWithoutRetryAfterUsesTheConfiguredBackOff() {
        store(oneLogin("cached"));
        password();
        keeper.throttleNext(1, null);
        clock.advance(Duration.ofMinutes(5));
        assertThat(password()).isEqualTo("cached");
        int calls = keeper.calls();

        clock.advance(Duration.ofSeconds(59));
        assertThat(password()).isEqualTo("cached");
        assertThat(keeper.calls()).isEqualTo(calls);

        clock.advance(Duration.ofSeconds(1));
        password();
        assertThat(keeper.calls()).isEqualTo(calls + 1);
    }

    @Test
    void throttledWithNothingCachedFailsClearlyAndDoesNotCallAgainDuringBackOff() {
        store(oneLogin("never-seen"));
        keeper.throttleNext(1, 20);

        assertThatThrownBy(() -> store.find(CredentialName.of("bot")))
                .isInstanceOf(KeeperThrottledException.class)
                .hasMessageContaining("throttles").hasMessageContaining("no Keeper records are cached yet")
                .satisfies(e -> assertThat(((KeeperThrottledException) e).retryAfter())
                        .contains(Duration.ofSeconds(20)));
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> store.find(CredentialName.of("bot")))
                .isInstanceOf(KeeperThrottledException.class).hasMessageContaining("no call to Keeper before");
        assertThat(keeper.calls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));
        assertThat(password()).isEqualTo("never-seen");
        assertThat(keeper.calls()).isEqualTo(2);
    }

    @Test
    void recordsOlderThanMaxStaleAreNotServed() {
        store(oneLogin("old"));
        password();
        keeper.failAlways(503, "{\"error\":\"unavailable\"}");
        clock.advance(Duration.ofMinutes(59));
        assertThat(password()).isEqualTo("old");

        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(this::password)
                .isInstanceOf(KeeperStoreException.class)
                .hasMessageContaining("unavailable").hasMessageContaining("older than keeper.cache.max-stale");
    }

    @Test
    void unknownUidIsAClearErrorWhileOtherCredentialsWork() {
        String known = keeper.add(FakeRecord.login("Known", "k", "pk"));
        String unknown = FakeRecord.newUid();
        store(KeeperStoreSettings.builder().credential("known", known).credential("ghost", unknown));

        try (LogCapture log = new LogCapture()) {
            assertThatThrownBy(() -> store.find(CredentialName.of("ghost")))
                    .isInstanceOf(KeeperStoreException.class)
                    .hasMessageContaining("'" + unknown + "'").hasMessageContaining("'ghost'")
                    .hasMessageContaining("not shared with this application");
            assertThat(log.text()).contains("did not return record(s) [" + unknown + "]");
        }
        assertThat(find(store, "known").secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("pk");
        assertThat(keeper.getSecretCalls()).as("a missing UID does not cause extra fetches").isEqualTo(1);
    }

    @Test
    void unmappedNameIsEmpty() {
        store(oneLogin("x"));
        assertThat(store.find(CredentialName.of("not-configured"))).isEmpty();
        assertThat(keeper.calls()).isZero();
        assertThat(store.names()).containsExactly(CredentialName.of("bot"));
    }

    @Test
    void prefetchFetchesOnceAtStart() {
        store(oneLogin("pre"));
        store.prefetch();
        store.prefetch();
        password();
        assertThat(keeper.calls()).isEqualTo(1);
    }

    @Test
    void closeWipesTheCacheAndLaterLookUpsFail() {
        store(oneLogin("wiped"));
        Credential before = find(store, "bot");
        store.close();
        assertThat(before.secret(CredentialField.PASSWORD).orElseThrow().reveal())
                .as("handed-out credentials are the caller's").isEqualTo("wiped");
        assertThatThrownBy(() -> store.find(CredentialName.of("bot"))).isInstanceOf(KeeperStoreException.class)
                .hasMessageContaining("closed");
        store = null;
    }

    @Test
    void secretsNeverReachLogsOrMessages() {
        try (LogCapture log = new LogCapture()) {
            store(oneLogin("TOP-SECRET-PW"));
            password();
            keeper.failAlways(500, "{\"error\":\"boom\"}");
            clock.advance(Duration.ofMinutes(6));
            password();
            assertThat(store.toString()).doesNotContain("TOP-SECRET-PW");
            assertThat(log.text()).doesNotContain("TOP-SECRET-PW");
        }
    }
}
