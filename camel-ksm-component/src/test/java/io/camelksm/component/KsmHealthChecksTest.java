package io.camelksm.component;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.KeyFile;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.AuditMode;
import io.camelksm.testsupport.OAuth2Wire;

/** The camel-ksm health checks on a component that opens its own H2 database: UP, and DOWN for the right reason. */
class KsmHealthChecksTest {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    private static final Caller ADMIN = new Caller("admin", Set.of(), "test", "node-1", null);
    private static final String CLIENT_SECRET = "client-s3cret-value";

    @TempDir
    Path dir;

    private CamelContext context;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
    }

    private KsmComponent start() throws Exception {
        return start(new KsmComponent());
    }

    private KsmComponent start(KsmComponent component) throws Exception {
        component.getDatabaseConfiguration().setDatabaseDirectory(dir.toString());
        component.getCallerConfiguration().setNodeName("node-1");
        component.getOauth2Configuration().setMaxRetries(0);
        context = new DefaultCamelContext();
        context.addComponent("ksm", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:graph").routeId("graph").to("ksm:Graph");
            }
        });
        context.start();
        GovernedCredentials governed = component.getGovernedCredentials();
        CredentialName graph = CredentialName.of("Graph");
        governed.create(Credential.builder(graph, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "c").secret(CredentialField.CLIENT_SECRET, Secret.of(CLIENT_SECRET))
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build(), ADMIN);
        for (Dimension dimension : Dimension.values()) {
            governed.grant(graph, dimension, "*", ADMIN);
        }
        return component;
    }

    private HealthCheck.Result check(String id) {
        HealthCheck check = HealthCheckRegistry.get(context).getCheck(id).orElseThrow();
        assertThat(check.getGroup()).isEqualTo("camel-ksm");
        assertThat(check.isLiveness()).isFalse();
        return check.call();
    }

    @Test
    void allChecksAreRegisteredWhileTheComponentRunsAndGoneAfterItStops() throws Exception {
        start();

        for (String id : new String[] {"ksm-audit", "ksm-database", "ksm-token-endpoint", "ksm-change-notices"}) {
            assertThat(check(id).getState()).as(id).isEqualTo(HealthCheck.State.UP);
        }
        assertThat(HealthCheckRegistry.get(context).getCheck("ksm-keeper-store")).as("store is the database").isEmpty();

        context.getComponent("ksm", KsmComponent.class).stop();
        assertThat(HealthCheckRegistry.get(context).getCheck("ksm-database")).isEmpty();
    }

    @Test
    void changeNoticesAreOffAndUpOnTheEmbeddedDatabase() throws Exception {
        start();

        HealthCheck.Result result = check("ksm-change-notices");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("changeNotices.state", "OFF")
                .containsEntry("changeNotices.received", 0L).doesNotContainKey("changeNotices.since");
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("embedded H2"));
    }

    @Test
    void databaseIsDownNamingItWhenItIsClosed() throws Exception {
        KsmComponent component = new KsmComponent();
        component.getAuditConfiguration().setAuditMode(AuditMode.SYNC); // no journal writer waiting for the database
        start(component);
        assertThat(check("ksm-database").getMessage()).hasValueSatisfying(m -> assertThat(m).contains("answers"));

        component.runtime().database().close();
        HealthCheck.Result result = check("ksm-database");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("camel-ksm database jdbc:h2:file:" + dir.toAbsolutePath()).contains("does not answer"));
        assertThat(result.getDetails()).containsEntry("database", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("ksm"));
    }

    @Test
    void databaseIsDownWhenItsKeyFileWasSwapped() throws Exception {
        start();
        Path keyFile = dir.resolve("ksm.key");
        Files.delete(keyFile);
        byte[] otherKey = new KeyFile(keyFile).loadOrCreate();
        java.util.Arrays.fill(otherKey, (byte) 0);

        HealthCheck.Result result = check("ksm-database");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("Key file " + keyFile.toAbsolutePath()).contains("no longer holds the key")
                .contains("jdbc:h2:file:" + dir.toAbsolutePath()));
    }

    @Test
    void failingTokenEndpointMakesTheTokenCheckDownWithTheFailuresAndNoSecret() throws Exception {
        start();
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).willReturn(aResponse().withStatus(500)));

        Exchange out = context.createProducerTemplate().request("direct:graph", e -> { });
        assertThat(out.getException()).isNotNull();
        HealthCheck.Result down = check("ksm-token-endpoint");

        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Token requests fail"));
        assertThat(down.getDetails()).containsEntry("failures", 1L).containsEntry("tokensFetched", 0L);
        assertThat(down.getDetails().toString() + down.getMessage()).doesNotContain(CLIENT_SECRET);

        OAuth2Wire.issue(server, "tok-1", 300);
        assertThat(context.createProducerTemplate().request("direct:graph", e -> { }).getException()).isNull();
        HealthCheck.Result recovered = check("ksm-token-endpoint");
        assertThat(recovered.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(recovered.getDetails()).containsEntry("failures", 1L).containsKey("lastFailureAt");
    }
}
