package io.camelksm.springboot.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.component.KsmComponent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.testsupport.TestClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The gauge ksm.credential.expiry.days in a Spring application with Camel Spring Boot, on the real embedded database
 * and a test clock: one gauge per credential in use with an expiry, tagged with its name only.
 */
class KsmExpiryMetricsAutoConfigurationTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(), "test", "node-1", null);
    static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-01T00:00:00Z"));
    static Path directory;

    @TempDir
    Path tempDir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    KsmExpiryMetricsAutoConfiguration.class))
            .withUserConfiguration(Routes.class);

    @Configuration(proxyBeanMethods = false)
    static class Routes {

        @Bean("ksm")
        KsmComponent ksm() {
            KsmComponent component = new KsmComponent();
            component.getDatabaseConfiguration().setDatabaseDirectory(directory.toString());
            component.getCallerConfiguration().setNodeName("node-1");
            component.setClock(CLOCK);
            return component;
        }

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:portal").routeId("portal").to("ksm:Portal");
                    from("direct:forever").routeId("forever").to("ksm:Forever");
                }
            };
        }
    }

    private static void add(GovernedCredentials governed, String name, Instant expiresAt) {
        CredentialName n = CredentialName.of(name);
        governed.create(Credential.builder(n, CredentialType.BASIC).field(CredentialField.USERNAME, "bot")
                .secret(CredentialField.PASSWORD, Secret.of("pw-" + name)).expiresAt(expiresAt).build(), ADMIN);
        for (Dimension dimension : Dimension.values()) {
            governed.grant(n, dimension, "*", ADMIN);
        }
    }

    @Test
    void aGaugeOfDaysLeftPerCredentialInUseTaggedWithItsNameOnly() {
        directory = tempDir;
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(KsmExpiryMeterBinder.class);
            CamelContext camel = context.getBean(CamelContext.class);
            assertThat(camel.isStarted()).isTrue();
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(KsmExpiryMeterBinder.class).bindTo(registry);
            KsmComponent ksm = camel.getComponent("ksm", KsmComponent.class);
            add(ksm.getGovernedCredentials(), "Portal", Instant.parse("2026-12-08T00:00:00Z"));
            add(ksm.getGovernedCredentials(), "Forever", null);
            assertThat(registry.find(KsmExpiryMeterBinder.METER).gauges()).isEmpty();

            camel.createProducerTemplate().sendBody("direct:portal", "");
            camel.createProducerTemplate().sendBody("direct:forever", "");

            Gauge portal = registry.get(KsmExpiryMeterBinder.METER).tag("credential", "Portal").gauge();
            assertThat(portal.getId().getTags()).containsExactly(Tag.of("credential", "Portal"));
            assertThat(portal.getId().getBaseUnit()).isEqualTo("days");
            assertThat(portal.value()).isEqualTo(7.0);
            CLOCK.advance(Duration.ofHours(36));
            assertThat(portal.value()).isEqualTo(5.5);
            assertThat(registry.find(KsmExpiryMeterBinder.METER).gauges()).hasSize(1);
        });
    }

    @Test
    void boundBeforeCamelStartsItWatchesOnceCamelHasStarted() throws Exception {
        directory = tempDir;
        try (CamelContext camel = new org.apache.camel.impl.DefaultCamelContext()) {
            camel.addComponent("ksm", new Routes().ksm());
            camel.addRoutes(new Routes().routes());
            MeterRegistry registry = new SimpleMeterRegistry();
            new KsmExpiryMeterBinder(camel).bindTo(registry); // as Boot binds: when the registry is made
            camel.start();
            KsmComponent ksm = camel.getComponent("ksm", KsmComponent.class);
            add(ksm.getGovernedCredentials(), "Portal", CLOCK.instant().plus(Duration.ofDays(3)));
            camel.createProducerTemplate().sendBody("direct:portal", "");
            assertThat(registry.get(KsmExpiryMeterBinder.METER).tag("credential", "Portal").gauge().value())
                    .isEqualTo(3.0);
        }
    }

    @Test
    void noBinderWithoutMicrometer() {
        directory = tempDir;
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KsmExpiryMeterBinder.class));
    }
}
