package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.Dimension;
import io.camelksm.auth.oauth2.AccessToken;
import io.camelksm.auth.oauth2.SharedTokenKey;
import io.camelksm.auth.oauth2.SharedTokens;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.SecretCipher;

/**
 * A token fetch in flight across a change of its credential ({@code tokenSharing=cluster}, PostgreSQL): the request
 * gets its token (it was granted before the change), but the token must not stay stored for the cluster, or the next
 * grant would reuse it. The fetch is held on a latch, so the order of fetch and change is the test's, not the clock's;
 * the two orders of the store against a change's transaction are forced with an open transaction on another connection.
 */
class PostgresSharedTokensRaceTest {

    private static final CredentialName GRAPH = CredentialName.of("Graph");
    private static final SharedTokenKey KEY = new SharedTokenKey(GRAPH, "ab".repeat(32));
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Predicate<AccessToken> FRESH = t -> t.expiresAt().isAfter(Instant.now());

    @TempDir
    Path tempDir;

    private final PostgresSchemas schemas = new PostgresSchemas();
    private final ExecutorService requests = Executors.newCachedThreadPool();
    private final CountDownLatch fetching = new CountDownLatch(1);
    private final CountDownLatch answer = new CountDownLatch(1);
    private final AtomicInteger fetches = new AtomicInteger();
    private String url;
    private KsmDatabase database;
    private SharedTokens shared;

    @BeforeAll
    static void requirePostgresInCi() {
        PostgresSchemas.requireServerInCi();
    }

    @BeforeEach
    void open() throws SQLException {
        url = schemas.newSchemaUrl();
        database = KsmDatabase.open(new DatabaseSettings(url, null, null, tempDir.resolve("ksm.key")));
        shared = database.sharedTokens("node-1");
        database.credentials().create(graph("s3cret-1")).destroySecrets();
        database.accessRights().grant(GRAPH, Dimension.ROLE, "ops");
    }

    @AfterEach
    void close() throws SQLException {
        answer.countDown();
        requests.shutdownNow();
        shared.close();
        database.close();
        schemas.dropAll();
    }

    private static Credential graph(String secret) {
        return Credential.builder(GRAPH, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client").secret(CredentialField.CLIENT_SECRET, Secret.of(secret))
                .field(CredentialField.TOKEN_URL, "https://login.example.test/token").build();
    }

    /** The authorization server: says it is answering, then answers when the test lets it. */
    private final Supplier<AccessToken> slowServer = () -> {
        fetches.incrementAndGet();
        fetching.countDown();
        try {
            assertThat(answer.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the test lets the server answer")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Instant now = Instant.now();
        return new AccessToken(Secret.of("tok-" + fetches.get()), now, now.plusSeconds(600), null);
    };

    private Future<AccessToken> request() {
        return requests.submit(() -> shared.token(KEY, FRESH, WAIT, slowServer));
    }

    private static String value(Future<AccessToken> request) throws Exception {
        return request.get(BOUND.toSeconds(), TimeUnit.SECONDS).value().reveal();
    }

    @Test
    void aFetchInFlightAcrossARevokeLeavesNoStoredToken() throws Exception {
        Future<AccessToken> inFlight = request();
        assertThat(fetching.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(database.accessRights().revoke(GRAPH, Dimension.ROLE, "ops")).isTrue();
        answer.countDown();

        assertThat(value(inFlight)).as("the request, granted before the revoke, gets its token").isEqualTo("tok-1");
        assertThat(rows()).as("stored tokens after a revoke committed during the fetch").isZero();
    }

    @Test
    void aFetchInFlightAcrossACredentialUpdateLeavesNoStoredToken() throws Exception {
        Future<AccessToken> inFlight = request();
        assertThat(fetching.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Credential stored = database.credentials().find(GRAPH).orElseThrow();
        database.credentials().update(stored.toBuilder().secret(CredentialField.CLIENT_SECRET, Secret.of("s3cret-2"))
                .build()).destroySecrets();
        stored.destroySecrets();
        answer.countDown();

        assertThat(value(inFlight)).isEqualTo("tok-1");
        assertThat(rows()).as("stored tokens after an update committed during the fetch").isZero();
    }

    @Test
    void aFetchWithNoChangeMeanwhileIsStoredAndServed() throws Exception {
        Future<AccessToken> first = request();
        answer.countDown();
        assertThat(value(first)).isEqualTo("tok-1");
        assertThat(rows()).isEqualTo(1);

        assertThat(value(request())).as("the stored token, no second fetch").isEqualTo("tok-1");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aFetchAfterAnEarlierRevokeIsStored() throws Exception {
        // a revoke and a grant before the request started: the generation moved before the request read it
        database.accessRights().revoke(GRAPH, Dimension.ROLE, "ops");
        database.accessRights().grant(GRAPH, Dimension.ROLE, "ops");
        answer.countDown();
        assertThat(value(request())).isEqualTo("tok-1");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aRevokeStillOpenWhenTheFetchStoresMakesTheStoreWaitAndSkip() throws Exception {
        answer.countDown(); // the server answers at once; the revoke's transaction is what is in flight
        try (Connection admin = DriverManager.getConnection(url)) {
            admin.setAutoCommit(false);
            try (PreparedStatement revoke = admin.prepareStatement(
                    "DELETE FROM access_right WHERE credential_key = ?")) {
                revoke.setString(1, GRAPH.key());
                assertThat(revoke.executeUpdate()).isPositive();
            }
            Future<AccessToken> request = request();
            await("the store waits for the revoke's transaction", () -> waitingOnLocks() == 1);
            assertThat(request).isNotDone();
            admin.commit();
            assertThat(value(request)).isEqualTo("tok-1");
        }
        assertThat(rows()).as("stored tokens after the revoke committed").isZero();
    }

    @Test
    void aRevokeArrivingWhileTheStoreIsOpenWaitsAndDeletesTheStoredToken() throws Exception {
        // the store's transaction, as JdbcSharedTokens runs it, held open before its commit
        try (Connection node = DriverManager.getConnection(url)) {
            node.setAutoCommit(false);
            OAuthTokenGenerations generations = new OAuthTokenGenerations();
            long seen = generations.read(node, GRAPH);
            assertThat(generations.unchangedSince(node, GRAPH, seen)).isTrue();
            Instant now = Instant.now();
            new OAuthTokenTable(new SecretCipher(database.schemes()::registry)).store(node, KEY,
                    new AccessToken(Secret.of("tok-1"), now, now.plusSeconds(600), null), "node-1");

            Future<Boolean> revoke = requests.submit(() -> database.accessRights().revoke(GRAPH, Dimension.ROLE,
                    "ops"));
            await("the revoke waits for the store's transaction", () -> waitingOnLocks() == 1);
            assertThat(revoke).isNotDone();
            node.commit();
            assertThat(revoke.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        assertThat(rows()).as("the revoke's delete saw the token committed before it").isZero();
    }

    private int rows() throws SQLException {
        return count("SELECT count(*) FROM oauth_token");
    }

    /** Sessions of this database waiting for a row or transaction lock. */
    private int waitingOnLocks() {
        try {
            return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                         + " AND wait_event_type = 'Lock'");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > BOUND.toNanos()) {
                throw new AssertionError(what + ": not within " + BOUND);
            }
            Thread.sleep(5);
        }
    }
}
