package io.camelksm.store.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.KsmException;
import io.camelksm.auth.oauth2.AccessToken;
import io.camelksm.auth.oauth2.CachingOAuth2TokenProvider;
import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.auth.oauth2.RetryPolicy;
import io.camelksm.auth.oauth2.SharedTokens;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.runtime.TokenSharing;
import io.camelksm.testsupport.LogCapture;
import io.camelksm.testsupport.OAuth2Wire;
import io.camelksm.testsupport.TestClock;

/**
 * tokenSharing=cluster on a real PostgreSQL ({@code KSM_TEST_POSTGRES_URL}): three token providers, each on its own
 * {@link KsmDatabase} (own connection pool, as three nodes would have) on one schema, against a WireMock token endpoint
 * that counts the token requests of the whole cluster.
 */
class PostgresSharedTokensTest {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    private static final String CLIENT_SECRET = "cl1ent-s3cret-shared";
    private static final int NODES = 3;

    @TempDir
    Path tempDir;

    private final PostgresSchemas schemas = new PostgresSchemas();
    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T03:00:00Z"));
    private final List<AutoCloseable> opened = new ArrayList<>();
    private String url;

    @BeforeAll
    static void requirePostgresInCi() {
        PostgresSchemas.requireServerInCi();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        schemas.dropAll();
    }

    /** A node: its own database (pool), shared tokens and token provider, the clock shared by all. */
    private record Node(KsmDatabase database, SharedTokens shared, OAuth2TokenProvider provider) {
    }

    private Node node(String name, Duration fetchDeadline) throws SQLException {
        if (url == null) {
            url = schemas.newSchemaUrl();
        }
        KsmDatabase database = KsmDatabase.open(new DatabaseSettings(url, null, null,
                tempDir.resolve("keys/ksm.key")));
        opened.add(database);
        SharedTokens shared = database.sharedTokens(name);
        opened.add(shared);
        OAuth2TokenProvider provider = new CachingOAuth2TokenProvider(OAuth2Settings.builder().clock(clock)
                .retryPolicy(RetryPolicy.none()).tokenFetchDeadline(fetchDeadline).build(), shared);
        opened.add(provider);
        return new Node(database, shared, provider);
    }

    private List<Node> nodes() throws SQLException {
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= NODES; i++) {
            nodes.add(node("node-" + i, Duration.ofSeconds(10)));
        }
        return nodes;
    }

    private static Credential credential() {
        return Credential.builder("SharedApi", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client")
                .secret(CredentialField.CLIENT_SECRET, Secret.of(CLIENT_SECRET))
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build();
    }

    /** tok-1, tok-2, ... in turn, each valid for {@code expiresIn} seconds, answered after {@code delayMillis}. */
    private static void issueTokens(int count, int expiresIn, int delayMillis) {
        for (int i = 1; i <= count; i++) {
            server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).inScenario("tokens")
                    .whenScenarioStateIs(i == 1 ? STARTED : "issued-" + (i - 1))
                    .willReturn(okJson(OAuth2Wire.tokenJson("tok-" + i, expiresIn)).withFixedDelay(delayMillis))
                    .willSetStateTo("issued-" + i));
        }
    }

    private static int tokenRequests() {
        return OAuth2Wire.tokenRequests(server).size();
    }

    /** 20 concurrent requests on every node, released together; the distinct token values they got. */
    private static Set<String> concurrentRequests(List<Node> nodes, Credential credential) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size() * 20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (Node node : nodes) {
                for (int i = 0; i < 20; i++) {
                    Callable<String> request = () -> {
                        start.await();
                        return node.provider().token(credential).value().reveal();
                    };
                    results.add(pool.submit(request));
                }
            }
            start.countDown();
            Set<String> tokens = new HashSet<>();
            for (Future<String> result : results) {
                tokens.add(result.get(30, TimeUnit.SECONDS));
            }
            return tokens;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long sum(List<Node> nodes, java.util.function.ToLongFunction<Node> counter) {
        return nodes.stream().mapToLong(counter).sum();
    }

    @Test
    void threeNodesUnderConcurrentLoadSendOneTokenRequestPerLifetime() throws Exception {
        issueTokens(2, 600, 300); // slow enough that every node asks while the first request is in flight
        List<Node> nodes = nodes();
        Credential credential = credential();

        assertThat(concurrentRequests(nodes, credential)).containsExactly("tok-1");
        assertThat(tokenRequests()).as("token requests of the whole cluster").isEqualTo(1);
        assertThat(sum(nodes, n -> n.provider().statistics().tokensFetched())).isEqualTo(1);
        assertThat(sum(nodes, n -> n.provider().statistics().clusterTokensUsed()))
                .as("the two other nodes took the token from the database").isEqualTo(2);

        // a 600 s token with the default settings: usable until 540 s (60 s skew), refreshed from 510 s (30 s ahead)
        clock.advance(Duration.ofSeconds(520));
        assertThat(concurrentRequests(nodes, credential)).as("the old token is still valid, then its successor")
                .isSubsetOf("tok-1", "tok-2");
        assertThat(tokenRequests()).as("one more token request for the whole cluster").isEqualTo(2);
        assertThat(nodes).allSatisfy(n -> assertThat(n.provider().token(credential).value().reveal())
                .isEqualTo("tok-2"));
        assertThat(tokenRequests()).isEqualTo(2);
        assertThat(sum(nodes, n -> n.provider().statistics().clusterWaitTimeouts())).isZero();
    }

    @Test
    void aNodeWhoseLockWaitTimesOutFetchesItselfWithinTheDeadline() throws Exception {
        issueTokens(2, 600, 0);
        Node first = node("node-1", Duration.ofSeconds(10));
        Node second = node("node-2", Duration.ofMillis(500));
        Credential credential = credential();
        assertThat(first.provider().token(credential).value().reveal()).isEqualTo("tok-1");
        String tokenKey = onlyRow("token_key");

        try (Connection other = DriverManager.getConnection(url); Statement s = other.createStatement()) {
            s.execute("DELETE FROM oauth_token"); // as if the token had been rejected
            s.execute("SELECT pg_advisory_lock(" + Long.parseUnsignedLong(tokenKey.substring(0, 16), 16) + ")");
            // another node "fetching" for ever: node 2 waits its deadline, then fetches on its own
            assertThat(second.provider().token(credential).value().reveal()).isEqualTo("tok-2");
        }
        assertThat(second.provider().statistics().clusterWaitTimeouts()).isEqualTo(1);
        assertThat(tokenRequests()).isEqualTo(2);
        assertThat(onlyRow("fetched_by")).as("node 2 shared what it fetched").isEqualTo("node-2");
    }

    @Test
    void theStoredTokenIsEncryptedAndNeverLogged() throws Exception {
        issueTokens(1, 600, 0);
        try (LogCapture logs = new LogCapture()) {
            List<Node> nodes = nodes();
            assertThat(concurrentRequests(nodes, credential())).containsExactly("tok-1");
            assertThat(onlyRow("ciphertext")).doesNotContain("tok-1");
            assertThat(onlyRow("scheme_id")).isEqualTo(nodes.get(0).database().schemes().registry().current().id());
            assertThat(onlyRow("credential_key")).isEqualTo(credential().name().key());
            assertThat(logs.text()).doesNotContain("tok-1").doesNotContain(CLIENT_SECRET);
        }
    }

    @Test
    void aRejectedTokenIsDroppedForTheClusterAndReplacedOnce() throws Exception {
        issueTokens(2, 600, 0);
        List<Node> nodes = nodes();
        Credential credential = credential();
        AccessToken first = nodes.get(0).provider().token(credential);
        assertThat(nodes.get(1).provider().token(credential).value().reveal()).isEqualTo("tok-1");

        assertThat(nodes.get(0).provider().evict(first)).isTrue();
        assertThat(rows()).as("the rejected token is gone for every node").isZero();

        assertThat(nodes.get(0).provider().token(credential).value().reveal()).isEqualTo("tok-2");
        assertThat(nodes.get(2).provider().token(credential).value().reveal()).isEqualTo("tok-2");
        assertThat(tokenRequests()).isEqualTo(2);

        // node 2 still held tok-1 (no change notices in this test): its 401 must not drop tok-2
        AccessToken stale = nodes.get(1).provider().token(credential);
        assertThat(stale.value().reveal()).isEqualTo("tok-1");
        assertThat(nodes.get(1).provider().evict(stale)).isTrue();
        assertThat(rows()).as("a successor stays").isEqualTo(1);
        assertThat(nodes.get(1).provider().token(credential).value().reveal()).isEqualTo("tok-2");
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void storingAndDroppingATokenNotifiesTheOtherNodes() throws Exception {
        issueTokens(1, 600, 0);
        Node node = node("node-1", Duration.ofSeconds(10));
        try (Connection listener = DriverManager.getConnection(url); Statement s = listener.createStatement()) {
            s.execute("LISTEN " + ChangeNotice.CHANNEL);
            String schema;
            try (ResultSet rs = s.executeQuery("SELECT current_schema()")) {
                rs.next();
                schema = rs.getString(1);
            }
            AccessToken token = node.provider().token(credential());
            assertThat(notices(listener)).containsExactly(
                    new ChangeNotice(ChangeNotice.Kind.TOKENS, credential().name()));
            node.provider().evict(token);
            List<ChangeNotice> dropped = notices(listener);
            assertThat(dropped).containsExactly(new ChangeNotice(ChangeNotice.Kind.TOKENS, credential().name()));
            assertThat(ChangeNotice.parse(ChangeNotice.payload(ChangeNotice.Kind.TOKENS, schema, "sharedapi"), schema))
                    .isPresent();
        }
    }

    /** The notices delivered to the listening connection within 2 s of the first (commit has returned already). */
    private List<ChangeNotice> notices(Connection listener) throws SQLException {
        String schema;
        try (Statement s = listener.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            schema = rs.getString(1);
        }
        org.postgresql.PGNotification[] received = listener.unwrap(org.postgresql.PGConnection.class)
                .getNotifications(2000);
        List<ChangeNotice> notices = new ArrayList<>();
        for (org.postgresql.PGNotification n : received == null ? new org.postgresql.PGNotification[0] : received) {
            ChangeNotice.parse(n.getParameter(), schema).ifPresent(notices::add);
        }
        return notices;
    }

    @Test
    void everyDatabaseOpenedWithTheSameKeyFileHasTheSameFingerprintKey() throws Exception {
        Node a = node("node-1", Duration.ofSeconds(10));
        Node b = node("node-2", Duration.ofSeconds(10));
        byte[] key = a.shared().fingerprintKey();
        assertThat(key).hasSize(32).isEqualTo(b.shared().fingerprintKey()).isNotEqualTo(new byte[32]);
        try (KsmDatabase other = KsmDatabase.open(new DatabaseSettings(schemas.newSchemaUrl(), null, null,
                tempDir.resolve("other/ksm.key"))); SharedTokens otherTokens = other.sharedTokens("node-3")) {
            assertThat(otherTokens.fingerprintKey()).as("another key file").isNotEqualTo(key);
        }
        key[0] ^= 1;
        assertThat(a.shared().fingerprintKey()).as("a copy each time").isNotEqualTo(key);
    }

    @Test
    void singleUseTokensAreNeverStored() throws Exception {
        issueTokens(3, 0, 0);
        List<Node> nodes = nodes();
        Credential credential = credential();
        assertThat(nodes.get(0).provider().token(credential).value().reveal()).isEqualTo("tok-1");
        assertThat(nodes.get(1).provider().token(credential).value().reveal()).isEqualTo("tok-2");
        assertThat(rows()).isZero();
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void aNodeThatCannotReachTheDatabaseFetchesAloneWithAWarning() throws Exception {
        issueTokens(1, 600, 0);
        Node node = node("node-1", Duration.ofSeconds(10));
        node.database().close(); // its pool is gone: every connection attempt fails
        try (LogCapture logs = new LogCapture()) {
            assertThat(node.provider().token(credential()).value().reveal()).isEqualTo("tok-1");
            assertThat(logs.messages(JdbcSharedTokens.class.getName()))
                    .anySatisfy(m -> assertThat(m).contains("Cannot reach the shared OAuth 2.0 tokens")
                            .contains("credential 'SharedApi' fetches its token on this node alone"));
            assertThat(logs.text()).doesNotContain("tok-1");
        }
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void runtimesOpenedWithTokenSharingClusterShareTheirTokens() throws Exception {
        issueTokens(2, 600, 0);
        DatabaseSettings database = new DatabaseSettings(schemas.newSchemaUrl(), null, null,
                tempDir.resolve("keys/ksm.key"));
        try (KsmRuntime a = KsmRuntime.open(KsmSettings.builder().database(database).nodeName("node-a")
                .auditMode(AuditMode.SYNC).tokenSharing(TokenSharing.CLUSTER).build());
             KsmRuntime b = KsmRuntime.open(KsmSettings.builder().database(database).nodeName("node-b")
                     .auditMode(AuditMode.SYNC).tokenSharing(TokenSharing.CLUSTER).build())) {
            assertThat(a.sharesTokens()).isTrue();
            assertThat(a.tokenProvider().token(credential()).value().reveal()).isEqualTo("tok-1");
            assertThat(b.tokenProvider().token(credential()).value().reveal()).isEqualTo("tok-1");
            assertThat(tokenRequests()).isEqualTo(1);
            assertThat(b.tokenProvider().statistics().clusterTokensUsed()).isEqualTo(1);
        }
    }

    @Test
    void duringADatabaseOutageANodeFetchesAloneAndSharesAgainOnceItIsBack() throws Exception {
        issueTokens(10, 600, 0);
        String schemaUrl = schemas.newSchemaUrl();
        java.net.URI server = java.net.URI.create(PostgresSchemas.serverUrl().substring("jdbc:".length()));
        try (io.camelksm.testsupport.TcpCut cut = new io.camelksm.testsupport.TcpCut(server.getHost(),
                server.getPort())) {
            String schema = schemaUrl.substring(schemaUrl.indexOf("currentSchema=") + "currentSchema=".length());
            String cutUrl = "jdbc:postgresql://127.0.0.1:" + cut.port() + server.getRawPath() + "?"
                            + server.getRawQuery() + "&currentSchema=" + schema + "&password=hunter2";
            KsmDatabase database = KsmDatabase.open(new DatabaseSettings(cutUrl, null, null,
                    tempDir.resolve("keys/ksm.key")).withConnectionTimeout(Duration.ofSeconds(1)));
            opened.add(database);
            SharedTokens shared = database.sharedTokens("node-1");
            opened.add(shared);
            OAuth2TokenProvider provider = new CachingOAuth2TokenProvider(OAuth2Settings.builder().clock(clock)
                    .retryPolicy(RetryPolicy.none()).build(), shared);
            opened.add(provider);
            url = schemaUrl;

            cut.cut();
            try (LogCapture logs = new LogCapture()) {
                // pooled connections fail at once with an I/O error, one request each; then a request waits for a
                // connection for the connection timeout: each of them gets its token all the same
                for (int request = 1; request <= 5 && !logs.text().contains("no connection to the camel-ksm"); request++) {
                    assertThat(provider.token(credential()).value().reveal()).as("the outage fails no token request")
                            .isEqualTo("tok-" + request);
                    provider.evict(credential().name());
                }
                assertThat(logs.messages(JdbcSharedTokens.class.getName()))
                        .anySatisfy(m -> assertThat(m).contains("fetches its token on this node alone"))
                        .anySatisfy(m -> assertThat(m).contains("no connection to the camel-ksm database"));
                assertThat(logs.text()).doesNotContain("tok-1").doesNotContain("hunter2");
            }
            assertThat(rows()).isZero();

            cut.restore();
            provider.evict(credential().name());
            String token = null;
            for (int attempt = 0; attempt < 5 && rows() == 0; attempt++) {
                // a pooled connection the outage broke may fail once more: that request fetches alone too
                token = provider.token(credential()).value().reveal();
                provider.evict(credential().name());
            }
            assertThat(rows()).as("shared again once the database is back").isEqualTo(1);
            assertThat(token).startsWith("tok-");
        }
    }

    @Test
    void theEmbeddedDatabaseRefusesTokenSharing() {
        KsmSettings settings = KsmSettings.builder()
                .database(new DatabaseSettings("jdbc:h2:file:" + tempDir.resolve("h2/ksm"), null, null,
                        tempDir.resolve("keys/ksm.key")))
                .tokenSharing(TokenSharing.CLUSTER).build();
        assertThatThrownBy(() -> KsmRuntime.open(settings)).isInstanceOf(KsmException.class)
                .hasMessageContaining("tokenSharing=cluster needs the nodes to share a PostgreSQL database");
        try (KsmDatabase h2 = KsmDatabase.open(settings.database())) {
            assertThatThrownBy(() -> h2.sharedTokens("node-1")).isInstanceOf(KsmException.class)
                    .hasMessageContaining("the embedded H2 database serves one process: use tokenSharing=node");
        }
    }

    private int rows() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM oauth_token")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String onlyRow(String column) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement select = c.prepareStatement("SELECT " + column + " FROM oauth_token");
             ResultSet rs = select.executeQuery()) {
            assertThat(rs.next()).as("a stored token").isTrue();
            String value = rs.getString(1);
            assertThat(rs.next()).as("only one stored token").isFalse();
            return value;
        }
    }
}
