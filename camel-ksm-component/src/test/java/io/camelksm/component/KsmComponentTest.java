package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.InetAddressUtil;
import org.junit.jupiter.api.Test;

import io.camelksm.access.Caller;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.testsupport.KsmTestSupport;

/** The component's own options and lifecycle, on a plain CamelContext. */
class KsmComponentTest {

    private final KsmTestSupport ksm = KsmTestSupport.create();

    @Test
    void isFoundByItsSchemeAndAutowiresGovernedCredentialsAndCallerResolverFromTheRegistry() throws Exception {
        ksm.add(Credential.builder("Robots", CredentialType.BEARER).value(CredentialField.TOKEN, "r0b0t").build());
        ksm.grant("Robots", "robot", "robot-process", "robot-node");
        CallerResolver robots = (exchange, endpoint) -> new Caller("r2d2", Set.of("robot"), "robot-process",
                "robot-node", exchange.getExchangeId());
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("governed", ksm.governed());
            camel.getRegistry().bind("robots", robots);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:robot").routeId("some-route").to("ksm:Robots");
                }
            });
            camel.start();

            KsmComponent component = camel.getComponent("ksm", KsmComponent.class);
            assertThat(component.getGovernedCredentials()).isSameAs(ksm.governed());
            assertThat(component.getCallerResolver()).isSameAs(robots);
            Exchange out = camel.createProducerTemplate().request("direct:robot", e -> { });
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Bearer r0b0t");
            assertThat(ksm.lastAudit().principal()).isEqualTo("r2d2");
            assertThat(ksm.lastAudit().routeId()).isEqualTo("some-route");

            camel.stop();
            assertThat(component.getGovernedCredentials()).as("a given service is not the component's to drop")
                    .isSameAs(ksm.governed());
        }
    }

    @Test
    void defaultsNodeNameToTheHostNameAndUsesTheDefaultCallerResolver() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("governed", ksm.governed());
            camel.start();

            KsmComponent component = camel.getComponent("ksm", KsmComponent.class);
            assertThat(component.getNodeName()).isEqualTo(InetAddressUtil.getLocalHostNameSafe()).isNotBlank();
            assertThat(component.getCallerResolver()).isInstanceOf(DefaultCallerResolver.class);
            assertThat(component.getClock()).isNotNull();
        }
    }

    @Test
    void endpointsGetTheirOwnCopyOfTheComponentsConfiguration() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            KsmComponent component = new KsmComponent();
            component.setGovernedCredentials(ksm.governed());
            component.getConfiguration().setHeaderName("X-Auth");
            camel.addComponent("ksm", component);
            camel.start();

            KsmEndpoint plain = camel.getEndpoint("ksm:A", KsmEndpoint.class);
            KsmEndpoint custom = camel.getEndpoint("ksm:B?headerName=X-Other&process=p", KsmEndpoint.class);

            assertThat(plain.getConfiguration().getHeaderName()).isEqualTo("X-Auth");
            assertThat(custom.getConfiguration().getHeaderName()).isEqualTo("X-Other");
            assertThat(component.getConfiguration().getHeaderName()).isEqualTo("X-Auth");
            assertThat(component.getConfiguration().getProcess()).isNull();
            assertThat(plain.getConfiguration()).isNotSameAs(component.getConfiguration());
            assertThat(plain.getCredentialName().value()).isEqualTo("A");
        }
    }

    @Test
    void databaseSettingsDefaultToTheEmbeddedDatabaseInTheUsersHome() {
        DatabaseSettings settings = new KsmComponent().getDatabaseConfiguration().toSettings();

        assertThat(settings).isEqualTo(DatabaseSettings.embeddedDefaults());
        assertThat(settings.jdbcUrl()).startsWith("jdbc:h2:file:");
    }

    @Test
    void databaseDirectoryAndKeyFileMoveTheEmbeddedDatabase() {
        KsmComponent component = new KsmComponent();
        component.getDatabaseConfiguration().setDatabaseDirectory("target/ksm-db");

        assertThat(component.getDatabaseConfiguration().toSettings()).isEqualTo(DatabaseSettings.embedded(Path.of("target/ksm-db")));

        component.getDatabaseConfiguration().setKeyFile("/etc/ksm/ksm.key");
        assertThat(component.getDatabaseConfiguration().toSettings().keyFile()).isEqualTo(Path.of("/etc/ksm/ksm.key"));
        assertThat(component.getDatabaseConfiguration().toSettings().jdbcUrl())
                .isEqualTo(DatabaseSettings.embedded(Path.of("target/ksm-db")).jdbcUrl());
    }

    @Test
    void jdbcOptionsPointAtAnotherDatabaseAndThePasswordStaysOutOfToString() {
        KsmComponent component = new KsmComponent();
        component.getDatabaseConfiguration().setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/ksm");
        component.getDatabaseConfiguration().setJdbcUsername("ksm");
        component.getDatabaseConfiguration().setJdbcPassword("db-Secr3t");
        component.getDatabaseConfiguration().setKeyFile("/etc/ksm/ksm.key");

        DatabaseSettings settings = component.getDatabaseConfiguration().toSettings();

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/ksm");
        assertThat(settings.username()).isEqualTo("ksm");
        assertThat(settings.password().reveal()).isEqualTo("db-Secr3t");
        assertThat(settings.keyFile()).isEqualTo(Path.of("/etc/ksm/ksm.key"));
        assertThat(settings.toString()).doesNotContain("db-Secr3t");
    }

    @Test
    void keyFileDefaultsToTheUsersHomeForAnExternalDatabase() {
        KsmComponent component = new KsmComponent();
        component.getDatabaseConfiguration().setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/ksm");

        assertThat(component.getDatabaseConfiguration().toSettings().keyFile())
                .isEqualTo(DatabaseSettings.defaultHome().resolve("ksm.key"));
        assertThat(component.getDatabaseConfiguration().toSettings().password()).isNull();
    }
}
