package io.camelksm.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
 * Two loads of one entry that overlap a change committed elsewhere, before its notice arrives: the load that started
 * first read the old value and finishes last. It must not replace what the later load cached, or the node would grant
 * again from the revoked rights until the notice comes (found by the cluster revoke benchmark with 4 readers per node).
 */
class CredentialCacheOverlappingLoadsTest {

    private static final CredentialName GRAPH = CredentialName.of("Graph");
    private static final AccessRights GRANTED = new AccessRights(Restriction.ANY, Restriction.ANY, Restriction.ANY);
    private static final AccessRights REVOKED = new AccessRights(Restriction.NOBODY, Restriction.ANY, Restriction.ANY);

    private final CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), new TestClock(Instant.now()));

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void anEarlierLoadFinishingLastDoesNotReplaceTheRightsOfALaterLoad() throws Exception {
        CountDownLatch firstLoadRead = new CountDownLatch(1);
        CountDownLatch laterLoadCached = new CountDownLatch(1);
        CompletableFuture<AccessRights> first = CompletableFuture.supplyAsync(() -> cache.rights(GRAPH, name -> {
            firstLoadRead.countDown(); // read before the revoke committed
            await(laterLoadCached);
            return GRANTED;
        }));
        await(firstLoadRead);
        assertThat(cache.rights(GRAPH, name -> REVOKED)).isSameAs(REVOKED); // read after the commit
        laterLoadCached.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).as("the first request itself read before the commit")
                .isSameAs(GRANTED);
        assertThat(cache.rights(GRAPH, name -> GRANTED)).as("cached: the later load's rights").isSameAs(REVOKED);
    }

    @Test
    void anEarlierLoadFinishingLastDoesNotReplaceTheCredentialOfALaterLoadAndIsWiped() throws Exception {
        CountDownLatch firstLoadRead = new CountDownLatch(1);
        CountDownLatch laterLoadCached = new CountDownLatch(1);
        Credential old = credential("old-password");
        CompletableFuture<Optional<Credential>> first = CompletableFuture.supplyAsync(() -> cache.credential(GRAPH,
                name -> {
                    firstLoadRead.countDown();
                    await(laterLoadCached);
                    return Optional.of(old);
                }));
        await(firstLoadRead);
        cache.credential(GRAPH, name -> Optional.of(credential("new-password"))).orElseThrow().destroySecrets();
        laterLoadCached.countDown();
        first.get(10, TimeUnit.SECONDS).orElseThrow().destroySecrets();

        Credential cached = cache.credential(GRAPH, name -> Optional.of(credential("loaded-again"))).orElseThrow();
        try {
            assertThat(cached.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("new-password");
        } finally {
            cached.destroySecrets();
        }
        assertThat(cache.size()).isEqualTo(1);
    }

    private static Credential credential(String password) {
        return Credential.builder(GRAPH, CredentialType.GENERAL).field(CredentialField.USERNAME, "bot")
                .secret(CredentialField.PASSWORD, Secret.of(password)).build();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
