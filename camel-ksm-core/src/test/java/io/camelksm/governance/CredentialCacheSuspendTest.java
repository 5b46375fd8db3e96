package io.camelksm.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelksm.access.AccessRights;
import io.camelksm.access.Restriction;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.testsupport.TestClock;

/**
 * {@link CredentialCache#suspend()} and {@link CredentialCache#resume()}: what a node does while it cannot hear the
 * changes other nodes make (its change notice connection is lost).
 */
class CredentialCacheSuspendTest {

    private static final CredentialName GRAPH = CredentialName.of("Graph");

    private final CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), new TestClock(Instant.now()));
    private final AtomicInteger credentialLoads = new AtomicInteger();
    private final AtomicInteger rightsLoads = new AtomicInteger();

    @AfterEach
    void close() {
        cache.close();
    }

    private Optional<Credential> loadCredential(CredentialName name) {
        credentialLoads.incrementAndGet();
        return Optional.of(Credential.builder(name, CredentialType.GENERAL).field(CredentialField.USERNAME, "bot")
                .secret(CredentialField.PASSWORD, Secret.of("pw")).build());
    }

    private AccessRights loadRights(CredentialName name) {
        rightsLoads.incrementAndGet();
        return new AccessRights(Restriction.ANY, Restriction.ANY, Restriction.ANY);
    }

    private void readBoth() {
        cache.credential(GRAPH, this::loadCredential).orElseThrow().destroySecrets();
        cache.rights(GRAPH, this::loadRights);
        cache.lease(GRAPH, this::loadCredential, System.currentTimeMillis()).orElseThrow().close();
    }

    @Test
    void whileSuspendedEveryReadGoesToTheLoaderAndNothingIsCached() {
        readBoth();
        assertThat(credentialLoads).hasValue(1);
        assertThat(rightsLoads).hasValue(1);

        cache.suspend();
        assertThat(cache.isSuspended()).isTrue();
        assertThat(cache.size()).as("dropped at once").isZero();
        readBoth();
        readBoth();
        assertThat(credentialLoads).hasValue(5);
        assertThat(rightsLoads).hasValue(3);
        assertThat(cache.size()).isZero();

        cache.resume();
        assertThat(cache.isSuspended()).isFalse();
        readBoth();
        readBoth();
        assertThat(credentialLoads).as("cached again after one load").hasValue(6);
        assertThat(rightsLoads).hasValue(4);
    }

    @Test
    void aLoadThatStartedBeforeSuspendDoesNotStayInTheCache() throws Exception {
        assertLoadAcrossIsNotCached(() -> cache.suspend(), true);
    }

    @Test
    void aLoadThatStartedBeforeSuspendAndEndsAfterResumeDoesNotStayInTheCache() throws Exception {
        assertLoadAcrossIsNotCached(() -> {
            cache.suspend();
            cache.resume();
        }, false);
    }

    /** A credential and a rights load block while the action runs; then neither may be served from the cache. */
    private void assertLoadAcrossIsNotCached(Runnable action, boolean suspendedAfter) throws Exception {
        CountDownLatch loading = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Function<CredentialName, Optional<Credential>> slowCredential = name -> {
            loading.countDown();
            await(release);
            return loadCredential(name);
        };
        Function<CredentialName, AccessRights> slowRights = name -> {
            loading.countDown();
            await(release);
            return loadRights(name);
        };
        CompletableFuture<Void> credential = CompletableFuture.runAsync(
                () -> cache.credential(GRAPH, slowCredential).orElseThrow().destroySecrets());
        CompletableFuture<Void> rights = CompletableFuture.runAsync(() -> cache.rights(GRAPH, slowRights));
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();

        action.run();
        release.countDown();
        credential.get(10, TimeUnit.SECONDS);
        rights.get(10, TimeUnit.SECONDS);
        assertThat(cache.isSuspended()).isEqualTo(suspendedAfter);
        cache.resume();

        readBoth();
        assertThat(credentialLoads).as("the racing load was not kept: read again").hasValue(2);
        assertThat(rightsLoads).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
