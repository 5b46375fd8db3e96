package io.camelksm.springboot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.component.KsmComponent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.testsupport.OAuth2Wire;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The ksm.* meters after real exchanges on a component with its own H2 database and a WireMock token endpoint. */
class KsmMeterBinderTest {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    private static final Caller ADMIN = new Caller("admin", Set.of(), "test", "node-1", null);
    private static final Set<String> ALLOWED_TAGS = Set.of("outcome", "operation", "result");

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
        KsmComponent component = new KsmComponent();
        component.getDatabaseConfiguration().setDatabaseDirectory(dir.toString());
        component.getCallerConfiguration().setNodeName("node-1");
        context = new DefaultCamelContext();
        context.addComponent("ksm", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:portal").routeId("portal").to("ksm:Portal");
                from("direct:graph").routeId("graph").to("ksm:Graph");
                from("direct:hidden").routeId("hidden").to("ksm:Hidden");
            }
        });
        context.start();
        GovernedCredentials governed = component.getGovernedCredentials();
        governed.create(Credential.builder("Portal", CredentialType.BASIC).field(CredentialField.USERNAME, "bot")
                .secret(CredentialField.PASSWORD, Secret.of("pw-1")).build(), ADMIN);
        governed.create(Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "c").secret(CredentialField.CLIENT_SECRET, Secret.of("s"))
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build(), ADMIN);
        governed.create(Credential.builder("Hidden", CredentialType.BEARER)
                .secret(CredentialField.TOKEN, Secret.of("t")).build(), ADMIN);
        for (String name : new String[] {"Portal", "Graph"}) {
            for (Dimension dimension : Dimension.values()) {
                governed.grant(CredentialName.of(name), dimension, "*", ADMIN);
            }
        }
        return component;
    }

    private static double count(SimpleMeterRegistry registry, String name, String... tags) {
        return registry.find(name).tags(tags).functionCounters().stream().mapToDouble(FunctionCounter::count).sum();
    }

    @Test
    void countsMoveWithExchangesAndNoMeterIsTaggedWithACallerOrCredential() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KsmComponent[] running = new KsmComponent[1];
        KsmMeterBinder binder = new KsmMeterBinder(() -> running[0] == null ? null : running[0].runtime());
        binder.bindTo(registry); // as Spring Boot does: before the Camel context starts
        assertThat(count(registry, "ksm.token.requests")).isZero();

        running[0] = start();
        binder.watchDecisions(); // as after the Camel context started
        OAuth2Wire.issue(server, "tok-1", 300);
        var template = context.createProducerTemplate();
        double grantedBefore = count(registry, "ksm.decisions", "outcome", "granted");
        for (int i = 0; i < 2; i++) {
            assertThat(template.request("direct:portal", e -> { }).getException()).isNull();
            assertThat(template.request("direct:graph", e -> { }).getException()).isNull();
        }
        assertThat(template.request("direct:hidden", e -> { }).getException()).isNotNull();

        assertThat(count(registry, "ksm.decisions", "outcome", "granted") - grantedBefore).isEqualTo(4);
        assertThat(count(registry, "ksm.decisions", "outcome", "denied")).isEqualTo(1);
        assertThat(count(registry, "ksm.token.requests", "outcome", "success")).isEqualTo(1);
        assertThat(count(registry, "ksm.token.requests", "outcome", "failure")).isZero();
        assertThat(count(registry, "ksm.token.cache", "result", "miss")).isEqualTo(1);
        assertThat(count(registry, "ksm.token.cache", "result", "hit")).isEqualTo(1);
        assertThat(count(registry, "ksm.keeper.requests")).isZero();
        assertThat(count(registry, "ksm.hsm.config.writes")).isZero();
        assertThat(registry.find("ksm.audit.pending").gauge()).isNotNull();
        assertThat(registry.find("ksm.audit.lag").gauge().value()).isGreaterThanOrEqualTo(0);
        // the embedded database serves one process: nothing to listen for
        assertThat(count(registry, "ksm.change.notices.received")).isZero();
        assertThat(count(registry, "ksm.change.notices.reconnects")).isZero();
        assertThat(registry.find("ksm.change.notices.listening").gauge().value()).isZero();

        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getName()).startsWith("ksm.");
            for (Tag tag : meter.getId().getTags()) {
                assertThat(ALLOWED_TAGS).as(meter.getId().toString()).contains(tag.getKey());
                assertThat(tag.getValue()).as(meter.getId().toString())
                        .isNotIn("Portal", "Graph", "Hidden", "portal", "graph", "hidden", "admin", "node-1");
            }
        }
    }

    @Test
    void autoConfigurationGivesTheBinderWhenThereIsACamelContextAndMicrometer() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KsmMetricsAutoConfiguration.class))
                .withBean(CamelContext.class, DefaultCamelContext::new)
                .run(spring -> {
                    assertThat(spring).hasNotFailed().hasSingleBean(KsmMeterBinder.class);
                    SimpleMeterRegistry registry = new SimpleMeterRegistry();
                    spring.getBean(KsmMeterBinder.class).bindTo(registry);
                    assertThat(count(registry, "ksm.token.requests")).as("no ksm component yet").isZero();
                });
    }
}
