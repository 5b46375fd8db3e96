package io.camelksm.springboot.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.component.KsmComponent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.TokenSharing;
import io.camelksm.testsupport.OAuth2Wire;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The meters of several nodes on one PostgreSQL schema: two components (each its own Camel context, pool, listener and
 * token cache, so two nodes) with tokenSharing=cluster, each with its own {@link KsmMeterBinder}.
 * {@code ksm.change.notices.listening} is 1 on both and {@code ksm.change.notices.received} counts what the other node
 * commits; {@code ksm.tokens.cluster.used} counts the token node 2 took from node 1's fetch (no token request of its
 * own); {@code ksm.tokens.cluster.wait.timeouts} counts node 2 giving up waiting for node 1's stuck fetch (the token
 * endpoint answers node 1 after 3 s, node 2's tokenFetchDeadline is 1 s) and fetching itself. Needs
 * {@code KSM_TEST_POSTGRES_URL}; skipped without it, failed in CI.
 */
class KsmClusterMetersPostgresTest {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    private static final Caller ADMIN = new Caller("admin", Set.of(), "test", "node-1", null);
    /** Bound for a listener to connect and for a notice to arrive (it is pushed as the change commits). */
    private static final Duration BOUND = Duration.ofSeconds(10);

    private static String serverUrl;

    @TempDir
    Path tempDir;

    private String schema;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeAll
    static void requirePostgresInCi() {
        serverUrl = System.getenv("KSM_TEST_POSTGRES_URL");
        if (isBlank(serverUrl) && !isBlank(System.getenv("CI"))) {
            fail("KSM_TEST_POSTGRES_URL is not set, but CI is: the PostgreSQL tests must run in CI."
                 + " Start a server with: eval \"$(bash .ci/start-postgres.sh)\"");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @BeforeEach
    void createSchema() throws SQLException {
        Assumptions.assumeFalse(isBlank(serverUrl), "KSM_TEST_POSTGRES_URL is not set: skipping the PostgreSQL tests"
                                                    + " (eval \"$(bash .ci/start-postgres.sh)\" starts a server)");
        schema = "ksm_meters_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        sql("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws Exception {
        for (CamelContext context : contexts) {
            context.close();
        }
        if (schema != null) {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** A node: a component on the shared schema with tokenSharing=cluster, and its meters. */
    private record Node(KsmComponent component, CamelContext context, SimpleMeterRegistry meters) {

        double count(String name) {
            return meters.find(name).functionCounters().stream().mapToDouble(FunctionCounter::count).sum();
        }

        double tokenRequests() {
            return meters.find("ksm.token.requests").tag("outcome", "success").functionCounters().stream()
                    .mapToDouble(FunctionCounter::count).sum();
        }

        double listening() {
            return meters.find("ksm.change.notices.listening").gauge().value();
        }

        Exchange authorize(String credential) {
            return context.createProducerTemplate().request("direct:authorize",
                    e -> e.getMessage().setHeader("credential", credential));
        }
    }

    private Node start(String nodeName, long tokenFetchDeadline) throws Exception {
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        KsmComponent component = context.getComponent("ksm", KsmComponent.class);
        int query = serverUrl.indexOf('?');
        String url = serverUrl + (query < 0 ? "?" : "&") + "currentSchema=" + schema;
        component.getDatabaseConfiguration().setJdbcUrl(url);
        component.getDatabaseConfiguration().setKeyFile(tempDir.resolve("ksm.key").toString());
        component.getAuditConfiguration().setAuditMode(AuditMode.SYNC);
        component.getCallerConfiguration().setNodeName(nodeName);
        component.getCallerConfiguration().setTokenSharing(TokenSharing.CLUSTER);
        component.getOauth2Configuration().setMaxRetries(0);
        component.getOauth2Configuration().setTokenFetchDeadline(tokenFetchDeadline);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:authorize").routeId("api").toD("ksm:${header.credential}");
            }
        });
        context.start();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new KsmMeterBinder(component::runtime).bindTo(meters);
        return new Node(component, context, meters);
    }

    private static void createAndGrant(GovernedCredentials governed, String name) {
        governed.create(Credential.builder(name, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client-" + name).secret(CredentialField.CLIENT_SECRET,
                        Secret.of("s3cret-" + name))
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build(), ADMIN);
        for (Dimension dimension : Dimension.values()) {
            governed.grant(CredentialName.of(name), dimension, "*", ADMIN);
        }
    }

    @Test
    void listeningReceivedClusterTokensUsedAndWaitTimeoutsAreCountedPerNode() throws Exception {
        Node node1 = start("node-1", 20_000);
        Node node2 = start("node-2", 1_000);
        await("both nodes listening", () -> Math.min(node1.listening(), node2.listening()), 1);

        // a credential node 1 writes reaches node 2 as notices (credential, rights)
        double receivedBefore = node2.count("ksm.change.notices.received");
        createAndGrant(node1.component().getGovernedCredentials(), "Graph");
        await("node 2 received node 1's changes", () -> node2.count("ksm.change.notices.received") - receivedBefore,
                1);

        // node 1 fetches; node 2 takes that token from the database: one token request in the cluster
        OAuth2Wire.issue(server, "tok-graph", 300);
        assertThat(node1.authorize("Graph").getException()).isNull();
        assertThat(node2.authorize("Graph").getException()).isNull();
        assertThat(OAuth2Wire.tokenRequests(server)).hasSize(1);
        assertThat(node1.tokenRequests()).isEqualTo(1);
        assertThat(node2.tokenRequests()).isZero();
        assertThat(node2.count("ksm.tokens.cluster.used")).isEqualTo(1);
        assertThat(node2.count("ksm.tokens.cluster.wait.timeouts")).isZero();

        // node 1's token request hangs 3 s while it holds the token's lock; node 2 waits its 1 s deadline, then fetches
        createAndGrant(node1.component().getGovernedCredentials(), "Slow");
        server.resetAll();
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).inScenario("slow first")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered")
                .willReturn(aResponse().withFixedDelay(3_000).withHeader("Content-Type", "application/json")
                        .withBody(OAuth2Wire.tokenJson("tok-slow-1", 300))));
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).inScenario("slow first")
                .whenScenarioStateIs("answered")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(OAuth2Wire.tokenJson("tok-slow-2", 300))));
        CompletableFuture<Exchange> slow = CompletableFuture.supplyAsync(() -> node1.authorize("Slow"));
        await("node 1 holds a token lock", this::advisoryLocksGranted, 1);

        Exchange waited = node2.authorize("Slow");

        assertThat(waited.getException()).isNull();
        assertThat(node2.count("ksm.tokens.cluster.wait.timeouts")).isEqualTo(1);
        assertThat(node2.tokenRequests()).as("node 2 fetched Slow's token itself").isEqualTo(1);
        assertThat(slow.get().getException()).isNull();
        assertThat(node1.count("ksm.tokens.cluster.wait.timeouts")).isZero();
        assertThat(node1.listening()).isEqualTo(1);
        System.out.printf("node 1: cluster.used=%.0f received=%.0f; node 2: cluster.used=%.0f received=%.0f%n",
                node1.count("ksm.tokens.cluster.used"), node1.count("ksm.change.notices.received"),
                node2.count("ksm.tokens.cluster.used"), node2.count("ksm.change.notices.received"));
    }

    private double advisoryLocksGranted() {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code value} reaches {@code atLeast}; fails naming {@code what} after {@link #BOUND}. */
    private static void await(String what, DoubleSupplier value, double atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (value.getAsDouble() < atLeast) {
            if (System.nanoTime() > deadline) {
                fail(what + ": not within " + BOUND + " (value " + value.getAsDouble() + ")");
            }
            Thread.sleep(20);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
