package io.camelksm.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.audit.AuditEvent;
import io.camelksm.component.KsmComponent;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.TokenSharing;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/** {@code camel.component.ksm.*} properties, written in kebab case, reach the started component and its behaviour. */
class KsmComponentAutoConfigurationTest {

    static final Caller ADMIN = new Caller("admin", Set.of(), "starter-test", "node-1", null);
    static final CredentialName PORTAL = CredentialName.of("Portal");

    static final ApplicationContextRunner RUNNER = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, KsmComponentConverter.class,
                    KsmComponentAutoConfiguration.class))
            .withUserConfiguration(PortalRoute.class)
            .withPropertyValues("camel.main.name=starter-test");

    @TempDir
    Path tempDir;

    @Test
    void kebabCasePropertiesReachTheComponentAndARouteReadsAGrantedCredentialAuditedAsSummary() {
        RUNNER.withPropertyValues("camel.component.ksm.audit-mode=summary",
                "camel.component.ksm.database-directory=" + tempDir,
                "camel.component.ksm.node-name=node-1",
                "camel.component.ksm.connect-timeout=1234",
                "camel.component.ksm.cache-ttl=0",
                "camel.component.ksm.fields-property=PortalFields",
                "camel.component.ksm.scheme-hsm-provider=pkcs11",
                "camel.component.ksm.scheme-hsm-key-alias=ksm-scheme-wrap")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(KsmComponentConfiguration.class);
                    KsmComponent component = ksm(context.getBean(CamelContext.class));
                    assertThat(component.getAuditConfiguration().getAuditMode()).isEqualTo(AuditMode.SUMMARY);
                    assertThat(component.getDatabaseConfiguration().getDatabaseDirectory())
                            .isEqualTo(tempDir.toString());
                    assertThat(component.getNodeName()).isEqualTo("node-1");
                    assertThat(component.getOauth2Configuration().getConnectTimeout()).isEqualTo(1234L);
                    assertThat(component.getCallerConfiguration().getCacheTtl()).isZero();
                    assertThat(component.getSchemeHsmConfiguration().getSchemeHsmProvider()).isEqualTo("pkcs11");
                    assertThat(component.getSchemeHsmConfiguration().getSchemeHsmKeyAlias())
                            .isEqualTo("ksm-scheme-wrap");

                    storeAndGrant(component.getGovernedCredentials());
                    Exchange done = context.getBean(CamelContext.class).createProducerTemplate()
                            .send("direct:portal", e -> { });
                    assertThat(done.getException()).isNull();
                    // the endpoint default came from camel.component.ksm.fields-property
                    assertThat(done.getProperty("PortalFields")).isNotNull();
                });

        // summary is not journaled: no journal directory in the database directory
        assertThat(tempDir.resolve("audit-journal")).doesNotExist();
        assertThat(auditedReads()).singleElement().satisfies(e -> {
            assertThat(e.credential()).isEqualTo("Portal");
            assertThat(e.routeId()).isEqualTo("portal");
            assertThat(e.occurrences()).isEqualTo(1);
        });
    }

    @Test
    void changeNoticesAndTokenSharingBindAndReachTheRuntime() {
        RUNNER.withPropertyValues("camel.component.ksm.database-directory=" + tempDir,
                "camel.component.ksm.node-name=node-1")
                .run(context -> {
                    KsmComponent component = ksm(context.getBean(CamelContext.class));
                    assertThat(component.runtime().settings().changeNotices()).as("default").isTrue();
                    assertThat(component.runtime().settings().tokenSharing()).as("default")
                            .isEqualTo(TokenSharing.NODE);
                });
        RUNNER.withPropertyValues("camel.component.ksm.database-directory=" + tempDir,
                "camel.component.ksm.node-name=node-1", "camel.component.ksm.change-notices=false")
                .run(context -> assertThat(ksm(context.getBean(CamelContext.class)).runtime().settings()
                        .changeNotices()).isFalse());
        // cluster reaches the runtime, which refuses it on the embedded database with its reason
        RUNNER.withPropertyValues("camel.component.ksm.database-directory=" + tempDir,
                "camel.component.ksm.node-name=node-1", "camel.component.ksm.token-sharing=cluster")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("tokenSharing=cluster needs the nodes to share a PostgreSQL database"));
        RUNNER.withPropertyValues("camel.component.ksm.token-sharing=everywhere")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("camel.component.ksm.token-sharing"));
    }

    @Test
    void withoutAuditModeTheComponentJournalsInTheDatabaseDirectory() {
        RUNNER.withPropertyValues("camel.component.ksm.database-directory=" + tempDir,
                "camel.component.ksm.node-name=node-1")
                .run(context -> {
                    KsmComponent component = ksm(context.getBean(CamelContext.class));
                    assertThat(component.getAuditConfiguration().getAuditMode()).isEqualTo(AuditMode.JOURNAL);
                    assertThat(Files.isDirectory(tempDir.resolve("audit-journal"))).isTrue();
                });
    }

    @Test
    void enabledFalseLeavesTheComponentUnconfigured() {
        // no route uses ksm: a component created without the customizer would open the default database
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, KsmComponentConverter.class,
                        KsmComponentAutoConfiguration.class))
                .withPropertyValues("camel.component.ksm.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("configureKsmComponent")
                        .doesNotHaveBean(KsmComponentConfiguration.class));
    }

    @Test
    void customizerEnabledFalseKeepsThePropertiesOffTheComponent() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, KsmComponentConverter.class,
                        KsmComponentAutoConfiguration.class))
                .withPropertyValues("camel.component.ksm.customizer.enabled=false")
                .run(context -> assertThat(context.getBean("configureKsmComponent", ComponentCustomizer.class)
                        .isEnabled("ksm", new KsmComponent())).isFalse());
    }

    private List<AuditEvent> auditedReads() {
        try (KsmDatabase database = KsmDatabase.open(DatabaseSettings.embedded(tempDir))) {
            return database.auditTrail().tail(100).stream().filter(e -> e.operation().equals("get")).toList();
        }
    }

    static KsmComponent ksm(CamelContext camel) {
        return camel.getComponent("ksm", KsmComponent.class);
    }

    /** The GENERAL credential Portal, granted to any role, the route portal and node-1. */
    static void storeAndGrant(GovernedCredentials governed) {
        governed.create(Credential.builder(PORTAL, CredentialType.GENERAL).field(CredentialField.USERNAME, "bot")
                .secret(CredentialField.PASSWORD, Secret.of("pw-1")).build(), ADMIN);
        governed.grant(PORTAL, Dimension.ROLE, "*", ADMIN);
        governed.grant(PORTAL, Dimension.PROCESS, "portal", ADMIN);
        governed.grant(PORTAL, Dimension.RESOURCE, "node-1", ADMIN);
    }

    @Configuration(proxyBeanMethods = false)
    static class PortalRoute {
        @Bean
        RouteBuilder portalRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:portal").routeId("portal").to("ksm:Portal?operation=get");
                }
            };
        }
    }
}
