package io.camelksm.store.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.auth.oauth2.AccessToken;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.runtime.TokenSharing;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * tokenSharing=cluster with change notices (migration V11): two runtimes on one PostgreSQL schema drop the shared and
 * the local tokens of a credential when it changes, when a right of it is revoked, and when another node's API rejected
 * the token. Each change must reach the other node within {@link #BOUND}.
 */
class PostgresSharedTokensEvictionTest {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final Duration LISTEN_BOUND = Duration.ofSeconds(10);
    private static final CredentialName GRAPH = CredentialName.of("Graph");
    private static final Caller ADMIN = new Caller("admin", Set.of(), "test", "node", null);

    @TempDir
    Path tempDir;

    private final PostgresSchemas schemas = new PostgresSchemas();
    private final List<KsmRuntime> opened = new CopyOnWriteArrayList<>();
    private String url;

    @BeforeAll
    static void requirePostgresInCi() {
        PostgresSchemas.requireServerInCi();
    }

    @AfterEach
    void closeAndDrop() throws SQLException {
        opened.forEach(KsmRuntime::close);
        schemas.dropAll();
    }

    private KsmRuntime node(String name) throws SQLException {
        if (url == null) {
            url = schemas.newSchemaUrl();
        }
        KsmRuntime runtime = KsmRuntime.open(KsmSettings.builder()
                .database(new DatabaseSettings(url, null, null, tempDir.resolve("ksm.key")))
                .auditMode(AuditMode.SYNC).cacheTtl(Duration.ofSeconds(60)).nodeName(name)
                .tokenSharing(TokenSharing.CLUSTER).build());
        opened.add(runtime);
        await(name + " listens", LISTEN_BOUND,
                () -> runtime.changeNoticeHealth().state() == ChangeNoticeHealth.State.LISTENING);
        return runtime;
    }

    private static void issueTokens(int count) {
        for (int i = 1; i <= count; i++) {
            server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).inScenario("tokens")
                    .whenScenarioStateIs(i == 1 ? STARTED : "issued-" + (i - 1))
                    .willReturn(okJson(OAuth2Wire.tokenJson("tok-" + i, 600))).willSetStateTo("issued-" + i));
        }
    }

    private static Credential graph(String secret) {
        return Credential.builder(GRAPH, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client").secret(CredentialField.CLIENT_SECRET, Secret.of(secret))
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build();
    }

    /** The token the node's provider hands out for the credential as the node reads it now. */
    private static String token(KsmRuntime node) {
        return tokenOf(node).value().reveal();
    }

    private static AccessToken tokenOf(KsmRuntime node) {
        Credential credential = node.credentials().inspect(GRAPH).orElseThrow();
        try {
            return node.tokenProvider().token(credential);
        } finally {
            credential.destroySecrets();
        }
    }

    private static int tokenRequests() {
        return OAuth2Wire.tokenRequests(server).size();
    }

    @Test
    void aRevokeDropsTheTokenOnEveryNode() throws Exception {
        issueTokens(2);
        KsmRuntime one = node("node-1");
        KsmRuntime two = node("node-2");
        one.credentials().create(graph("s3cret-1"), ADMIN);
        one.credentials().grant(GRAPH, Dimension.ROLE, "ops", ADMIN);
        assertThat(token(one)).isEqualTo("tok-1");
        // the create, the grant and node 1's stored token each notify: let them pass, so that what node 2 drops
        // afterwards is the revoke's doing
        await("node 2 heard the three notices", BOUND, () -> two.changeNoticeHealth().received() >= 3);
        assertThat(token(two)).isEqualTo("tok-1");
        long hits = two.tokenProvider().statistics().cacheHits();
        assertThat(token(two)).isEqualTo("tok-1");
        assertThat(two.tokenProvider().statistics().cacheHits()).as("node 2 holds tok-1 itself").isGreaterThan(hits);
        long evictionsBefore = two.tokenProvider().statistics().evictions();

        one.credentials().revoke(GRAPH, Dimension.ROLE, "ops", ADMIN);
        assertThat(rows()).as("the revoke's trigger dropped the shared token").isZero();
        await("node 2 drops its local token", BOUND,
                () -> two.tokenProvider().statistics().evictions() > evictionsBefore);

        assertThat(token(two)).as("no old token survives the revoke").isEqualTo("tok-2");
        assertThat(token(one)).isEqualTo("tok-2");
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void aCredentialUpdateDropsItsTokensOnEveryNode() throws Exception {
        issueTokens(2);
        KsmRuntime one = node("node-1");
        KsmRuntime two = node("node-2");
        one.credentials().create(graph("s3cret-1"), ADMIN);
        assertThat(token(one)).isEqualTo("tok-1");
        assertThat(token(two)).isEqualTo("tok-1");

        Credential stored = one.credentials().inspect(GRAPH).orElseThrow();
        one.credentials().update(stored.toBuilder().secret(CredentialField.CLIENT_SECRET, Secret.of("s3cret-2"))
                .build(), ADMIN);
        stored.destroySecrets();
        assertThat(rows()).isZero();
        await("node 2 reads the new secret and gets a new token", BOUND, () -> "tok-2".equals(token(two)));
        assertThat(token(one)).isEqualTo("tok-2");
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void aTokenRejectedOnOneNodeIsReplacedOnceForTheCluster() throws Exception {
        issueTokens(2);
        KsmRuntime one = node("node-1");
        KsmRuntime two = node("node-2");
        one.credentials().create(graph("s3cret-1"), ADMIN);
        AccessToken first = tokenOf(one);
        assertThat(token(two)).isEqualTo("tok-1");

        assertThat(one.tokenProvider().evict(first)).isTrue(); // node 1's API answered 401
        await("node 2 stops handing out the rejected token", BOUND, () -> !"tok-1".equals(token(two)));
        assertThat(token(two)).isEqualTo("tok-2");
        assertThat(token(one)).isEqualTo("tok-2");
        assertThat(tokenRequests()).as("one new token for the cluster").isEqualTo(2);
    }

    private int rows() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM oauth_token")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void await(String what, Duration bound, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > bound.toNanos()) {
                throw new AssertionError(what + ": not within " + bound);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        System.out.printf("%s: after %.1f ms%n", what, (System.nanoTime() - start) / 1e6);
    }
}
