package io.camelksm.governance;

import io.camelksm.access.AccessMode;
import io.camelksm.access.AccessRights;
import io.camelksm.access.AccessRightsStore;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.audit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.CredentialUnavailableException;
import io.camelksm.credential.Secret;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;
import io.camelksm.testsupport.TestClock;

/** The read cache of {@link GovernedCredentials}, on the real embedded database, counting what reaches the stores. */
class CredentialCacheTest {

    private static final CredentialName GRAPH = CredentialName.of("Graph");
    private static final Caller ADMIN = new Caller("admin", Set.of(), "cli", "node", null);
    private static final Caller ROUTE = new Caller(null, Set.of("ops"), "route-1", "node", "ex-1");
    private static final Duration TTL = Duration.ofSeconds(5);

    @TempDir
    Path tempDir;

    private final TestClock clock = new TestClock(Instant.now());
    private KsmDatabase database;
    private CountingStore store;
    private CountingRights rights;
    private GovernedCredentials governed;

    @BeforeEach
    void open() {
        database = KsmDatabase.open(DatabaseSettings.embedded(tempDir));
        store = new CountingStore(database.credentials());
        rights = new CountingRights(database.accessRights());
        governed = new GovernedCredentials(store, rights, database.auditTrail(), clock, TTL);
        governed.create(Credential.builder(GRAPH, CredentialType.GENERAL).field(CredentialField.USERNAME, "bot")
                .secret(CredentialField.PASSWORD, Secret.of("pw-1"))
                .property(CredentialProperty.secret("pin", Secret.of("1234"))).build(), ADMIN);
        grantAll();
    }

    private void grantAll() {
        governed.grant(GRAPH, Dimension.ROLE, "ops", ADMIN);
        governed.grant(GRAPH, Dimension.PROCESS, "route-1", ADMIN);
        governed.grant(GRAPH, Dimension.RESOURCE, "node", ADMIN);
    }

    @AfterEach
    void close() {
        governed.close();
        database.close();
    }

    private Credential read() {
        return governed.read(GRAPH, "get", ROUTE, "route-1");
    }

    private static String password(Credential credential) {
        return credential.secret(CredentialField.PASSWORD).orElseThrow().reveal();
    }

    @Test
    void aCacheHitReadsNeitherTheCredentialNorItsRights() {
        read().destroySecrets();
        int finds = store.finds.get();
        int rightsReads = rights.reads.get();

        for (int i = 0; i < 10; i++) {
            Credential credential = read();
            assertThat(password(credential)).isEqualTo("pw-1");
            credential.destroySecrets();
        }

        assertThat(store.finds.get()).isEqualTo(finds);
        assertThat(rights.reads.get()).isEqualTo(rightsReads);
        // every request is still audited
        assertThat(database.auditTrail().tail(100).stream().filter(e -> e.operation().equals("get"))).hasSize(11);
    }

    @Test
    void theTtlExpiresAndTheStoreIsReadAgain() {
        read().destroySecrets();
        int finds = store.finds.get();

        clock.advance(TTL.minusMillis(1));
        read().destroySecrets();
        assertThat(store.finds.get()).isEqualTo(finds);

        clock.advance(Duration.ofMillis(1));
        read().destroySecrets();
        assertThat(store.finds.get()).isEqualTo(finds + 1);
    }

    @Test
    void aChangeByAnotherProcessAppliesWithinTheTtl() {
        read().destroySecrets();
        // another process (the CLI) writes the store directly, past this instance's cache
        Credential current = database.credentials().find(GRAPH).orElseThrow();
        database.credentials().update(current.toBuilder().secret(CredentialField.PASSWORD, Secret.of("pw-2")).build());
        database.accessRights().revoke(GRAPH, Dimension.ROLE, "ops");

        Credential stale = read();
        assertThat(password(stale)).isEqualTo("pw-1");
        stale.destroySecrets();

        clock.advance(TTL);
        assertThatThrownBy(this::read).isInstanceOf(KsmAccessDeniedException.class);
    }

    @Test
    void anUpdateThroughThisInstanceAppliesAtOnce() {
        read().destroySecrets();
        Credential current = governed.inspect(GRAPH).orElseThrow();
        governed.update(current.toBuilder().secret(CredentialField.PASSWORD, Secret.of("pw-2")).build(), ADMIN);

        Credential fresh = read();
        assertThat(password(fresh)).isEqualTo("pw-2");
    }

    @Test
    void aChangeThroughThisInstanceAppliesAtOnce() {
        read().destroySecrets();
        for (Dimension d : Dimension.values()) {
            governed.grant(GRAPH, AccessMode.WRITE, d, "*", ADMIN);
        }
        governed.change(GRAPH, "set", ROUTE, "route-1",
                b -> b.secret(CredentialField.PASSWORD, Secret.of("pw-3"))).destroySecrets();

        assertThat(password(read())).isEqualTo("pw-3");
    }

    @Test
    void aRevokeAppliesAtOnce() {
        read().destroySecrets();
        governed.revoke(GRAPH, Dimension.PROCESS, "route-1", ADMIN);

        assertThatThrownBy(this::read).isInstanceOf(KsmAccessDeniedException.class);
    }

    @Test
    void aGrantAppliesAtOnce() {
        Caller other = new Caller(null, Set.of("ops"), "route-2", "node", "ex-2");
        assertThatThrownBy(() -> governed.read(GRAPH, "get", other, "route-2"))
                .isInstanceOf(KsmAccessDeniedException.class);

        governed.grant(GRAPH, Dimension.PROCESS, "route-2", ADMIN);

        assertThat(password(governed.read(GRAPH, "get", other, "route-2"))).isEqualTo("pw-1");
    }

    @Test
    void aDeleteAppliesAtOnce() {
        read().destroySecrets();
        governed.delete(GRAPH, ADMIN);

        assertThatThrownBy(this::read).isInstanceOf(CredentialNotFoundException.class);
    }

    @Test
    void everyReadGetsItsOwnCopyThatItMayWipe() {
        Credential first = read();
        Secret firstPassword = first.secret(CredentialField.PASSWORD).orElseThrow();
        first.destroySecrets();
        assertThat(firstPassword.isDestroyed()).isTrue();

        Credential second = read();
        assertThat(second).isNotSameAs(first);
        Secret secondPassword = second.secret(CredentialField.PASSWORD).orElseThrow();
        assertThat(secondPassword).isNotSameAs(firstPassword);
        assertThat(secondPassword.reveal()).isEqualTo("pw-1");
        assertThat(second.property("pin").orElseThrow().value().reveal()).isEqualTo("1234");
        assertThat(second.property("pin").orElseThrow().value())
                .isNotSameAs(first.property("pin").orElseThrow().value());
    }

    @Test
    void anExpiredCredentialIsRefusedEvenWhenCached() {
        Credential current = governed.inspect(GRAPH).orElseThrow();
        governed.update(current.toBuilder().expiresAt(clock.instant().plusSeconds(2)).build(), ADMIN);
        read().destroySecrets();
        int finds = store.finds.get();

        clock.advance(Duration.ofSeconds(3)); // still within the TTL: served from the cache, and refused
        assertThatThrownBy(this::read).isInstanceOf(CredentialUnavailableException.class)
                .hasMessageContaining("expired");
        assertThat(store.finds.get()).isEqualTo(finds);
    }

    @Test
    void aZeroTtlDisablesTheCache() {
        GovernedCredentials uncached = new GovernedCredentials(store, rights, database.auditTrail(), clock,
                Duration.ZERO);
        int finds = store.finds.get();
        uncached.read(GRAPH, "get", ROUTE, "route-1").destroySecrets();
        uncached.read(GRAPH, "get", ROUTE, "route-1").destroySecrets();
        assertThat(store.finds.get()).isEqualTo(finds + 2);
    }

    @Test
    void closingWipesTheCachedCopies() {
        CredentialCache cache = new CredentialCache(TTL, clock);
        Credential stored = database.credentials().find(GRAPH).orElseThrow();
        Credential handedOut = cache.credential(GRAPH, name -> Optional.of(stored)).orElseThrow();
        Credential copy = cache.credential(GRAPH, name -> Optional.empty()).orElseThrow();
        assertThat(cache.size()).isEqualTo(1);

        cache.close();

        assertThat(cache.size()).isZero();
        // what was handed out belongs to the callers and is untouched
        assertThat(password(handedOut)).isEqualTo("pw-1");
        assertThat(password(copy)).isEqualTo("pw-1");
        // the next read goes to the loader again
        assertThat(cache.credential(GRAPH, name -> Optional.empty())).isEmpty();
    }

    private String use() {
        return governed.use(GRAPH, "authorize", ROUTE, "route-1", CredentialCacheTest::password);
    }

    @Test
    void useLendsTheCachedCredentialWithoutCopyingAndAuditsEveryRequest() {
        use(); // the miss: the loaded credential is the request's own, and the cache keeps a copy
        List<Credential> lent = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String seen = governed.use(GRAPH, "authorize", ROUTE, "route-1", c -> {
                lent.add(c);
                return password(c);
            });
            assertThat(seen).isEqualTo("pw-1");
        }
        assertThat(lent.get(1)).isSameAs(lent.get(0)); // a hit lends the cache's own copy, no copy per request
        assertThat(lent.get(2)).isSameAs(lent.get(0));
        assertThat(password(lent.get(0))).isEqualTo("pw-1"); // and the lease's end does not wipe it
        assertThat(database.auditTrail().tail(100).stream()
                .filter(e -> e.operation().equals("authorize") && e.outcome() == AuditOutcome.GRANTED)).hasSize(4);
    }

    @Test
    void aCredentialDroppedWhileLentIsWipedWhenTheLastLeaseEnds() {
        use(); // cached
        Credential[] held = new Credential[1];
        String seen = governed.use(GRAPH, "authorize", ROUTE, "route-1", c -> {
            held[0] = c;
            Credential current = governed.inspect(GRAPH).orElseThrow();
            governed.update(current.toBuilder().secret(CredentialField.PASSWORD, Secret.of("pw-2")).build(), ADMIN);
            // dropped from the cache by the update, but still lent: this request keeps reading intact values
            return password(c);
        });
        assertThat(seen).isEqualTo("pw-1");
        assertThat(held[0].secret(CredentialField.PASSWORD).orElseThrow().isDestroyed()).isTrue(); // wiped after use
        assertThat(use()).isEqualTo("pw-2"); // the next request gets the new value
    }

    @Test
    void aGrantTheAuditTrailRefusesEndsItsLeaseAndNeverRunsTheAction() {
        RefusingGrants audit = new RefusingGrants(database.auditTrail());
        GovernedCredentials refusing = new GovernedCredentials(store, rights, audit, clock, TTL);
        try {
            Credential[] held = new Credential[1];
            refusing.use(GRAPH, "authorize", ROUTE, "route-1", c -> c); // loaded and cached
            refusing.use(GRAPH, "authorize", ROUTE, "route-1", c -> held[0] = c); // the cached instance, lent
            assertThat(held[0].secret(CredentialField.PASSWORD).orElseThrow().isDestroyed()).isFalse();
            audit.refuse = true;
            AtomicInteger actions = new AtomicInteger();
            assertThatThrownBy(() -> refusing.use(GRAPH, "authorize", ROUTE, "route-1", c -> actions.incrementAndGet()))
                    .isInstanceOf(IllegalStateException.class).hasMessage("audit trail unavailable");
            assertThat(actions).hasValue(0); // no record, no use
            refusing.clearCache();
            // dropped with no lease left open: wiped at once (a leaked lease would keep it readable for ever)
            assertThat(held[0].secret(CredentialField.PASSWORD).orElseThrow().isDestroyed()).isTrue();
        } finally {
            refusing.close();
        }
    }

    /** A durable trail that fails while recording grants: the request must not go ahead unrecorded. */
    private static final class RefusingGrants implements AuditTrail {
        private final AuditTrail delegate;
        volatile boolean refuse;

        RefusingGrants(AuditTrail delegate) {
            this.delegate = delegate;
        }

        @Override
        public void record(AuditEvent event) {
            if (refuse && event.outcome() == AuditOutcome.GRANTED) {
                throw new IllegalStateException("audit trail unavailable");
            }
            delegate.record(event);
        }

        @Override
        public List<AuditEvent> tail(int count) {
            return delegate.tail(count);
        }
    }

    @Test
    void leasesFromTheLoaderAreWipedWhenTheyEnd() {
        CredentialCache off = new CredentialCache(Duration.ZERO, clock);
        Credential loaded = database.credentials().find(GRAPH).orElseThrow();
        try (CredentialLease lease = off.lease(GRAPH, name -> Optional.of(loaded), clock.millis()).orElseThrow()) {
            assertThat(lease.credential()).isSameAs(loaded);
        }
        assertThat(loaded.secret(CredentialField.PASSWORD).orElseThrow().isDestroyed()).isTrue();
        assertThat(off.lease(GRAPH, name -> Optional.empty(), clock.millis())).isEmpty();
    }

    @Test
    void concurrentLeasesAndInvalidationsNeverSeeAWipedValue() throws Exception {
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads + 1);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger badReads = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        CredentialCache cache = new CredentialCache(TTL, clock);
        List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (!stop.get()) {
                    try (CredentialLease lease = cache.lease(GRAPH,
                            database.credentials()::find, clock.millis()).orElseThrow()) {
                        if (!password(lease.credential()).equals("pw-1")) {
                            badReads.incrementAndGet();
                        }
                        reads.incrementAndGet();
                    }
                }
            }));
        }
        futures.add(pool.submit(() -> {
            for (int i = 0; i < 200; i++) {
                cache.invalidate(GRAPH);
                Thread.onSpinWait();
            }
            stop.set(true);
        }));
        for (java.util.concurrent.Future<?> f : futures) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        cache.close();
        assertThat(reads.get()).isPositive();
        assertThat(badReads.get()).isZero();
    }

    @Test
    void useIsDeniedBeforeTheActionRunsAndTheDenialIsAudited() {
        Caller stranger = new Caller(null, Set.of("ops"), "other-route", "node", "ex-2");
        AtomicInteger actions = new AtomicInteger();
        assertThatThrownBy(() -> governed.use(GRAPH, "authorize", stranger, "other-route", c -> {
            actions.incrementAndGet();
            return null;
        })).isInstanceOf(KsmAccessDeniedException.class).hasMessageContaining("other-route");
        assertThat(actions.get()).isZero();
        AuditEvent last = database.auditTrail().tail(1).get(0);
        assertThat(last.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(last.process()).isEqualTo("other-route");
    }

    @Test
    void useRecordsTheGrantBeforeTheActionRuns() {
        int before = database.auditTrail().tail(1000).size();
        int[] duringAction = new int[1];
        governed.use(GRAPH, "authorize", ROUTE, "route-1", c -> {
            duringAction[0] = database.auditTrail().tail(1000).size();
            return null;
        });
        assertThat(duringAction[0]).isEqualTo(before + 1);
    }

    @Test
    void aNegativeTtlIsRefused() {
        assertThatThrownBy(() -> new CredentialCache(Duration.ofSeconds(-1), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache TTL");
    }

    /** The real store, counting reads. */
    private static final class CountingStore implements CredentialStore {
        private final CredentialStore delegate;
        final AtomicInteger finds = new AtomicInteger();

        CountingStore(CredentialStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Credential> find(CredentialName name) {
            finds.incrementAndGet();
            return delegate.find(name);
        }

        @Override
        public List<CredentialName> names() {
            return delegate.names();
        }

        @Override
        public Credential create(Credential credential) {
            return delegate.create(credential);
        }

        @Override
        public Credential update(Credential credential) {
            return delegate.update(credential);
        }

        @Override
        public boolean delete(CredentialName name) {
            return delegate.delete(name);
        }
    }

    /** The real access rights, counting reads. */
    private static final class CountingRights implements AccessRightsStore {
        private final AccessRightsStore delegate;
        final AtomicInteger reads = new AtomicInteger();

        CountingRights(AccessRightsStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public AccessRights rightsOf(CredentialName credential) {
            reads.incrementAndGet();
            return delegate.rightsOf(credential);
        }

        @Override
        public void grant(CredentialName credential, AccessMode mode, Dimension dimension, String value) {
            delegate.grant(credential, mode, dimension, value);
        }

        @Override
        public boolean revoke(CredentialName credential, AccessMode mode, Dimension dimension, String value) {
            return delegate.revoke(credential, mode, dimension, value);
        }

        @Override
        public boolean allowRouteMetadataWrites(CredentialName credential, boolean allowed) {
            return delegate.allowRouteMetadataWrites(credential, allowed);
        }

        @Override
        public void revokeAll(CredentialName credential) {
            delegate.revokeAll(credential);
        }
    }
}
