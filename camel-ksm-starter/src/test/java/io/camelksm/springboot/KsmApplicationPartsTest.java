package io.camelksm.springboot;

import static io.camelksm.springboot.KsmComponentAutoConfigurationTest.ADMIN;
import static io.camelksm.springboot.KsmComponentAutoConfigurationTest.PORTAL;
import static io.camelksm.springboot.KsmComponentAutoConfigurationTest.RUNNER;
import static io.camelksm.springboot.KsmComponentAutoConfigurationTest.ksm;
import static io.camelksm.springboot.KsmComponentAutoConfigurationTest.storeAndGrant;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.component.CallerResolver;
import io.camelksm.component.KsmComponent;
import io.camelksm.credential.CredentialStore;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.store.jdbc.JdbcCredentialStore;

/** The application's own beans become the component's parts; without them the component makes its own. */
class KsmApplicationPartsTest {

    private static final Instant FIXED = Instant.parse("2031-02-03T04:05:06Z");

    @TempDir
    Path tempDir;

    private ApplicationContextRunner runner() {
        return RUNNER.withPropertyValues("camel.component.ksm.database-directory=" + tempDir,
                "camel.component.ksm.node-name=node-1", "camel.component.ksm.audit-mode=sync");
    }

    @Test
    void anApplicationCallerResolverDecidesWhoCalls() {
        AtomicInteger calls = new AtomicInteger();
        CallerResolver own = (exchange, endpoint) -> {
            calls.incrementAndGet();
            return new Caller("app-user", Set.of("app"), "portal-app", "node-1", null);
        };
        runner().withBean(CallerResolver.class, () -> own).run(context -> {
            KsmComponent component = ksm(camel(context));
            assertThat(component.getCallerResolver()).isSameAs(own);
            GovernedCredentials governed = component.getGovernedCredentials();
            storeAndGrant(governed);
            // the default resolver would name the route (portal): only the application's process is granted
            governed.revoke(PORTAL, Dimension.PROCESS, "portal", ADMIN);
            governed.grant(PORTAL, Dimension.PROCESS, "portal-app", ADMIN);

            assertThat(send(context).getException()).isNull();
            assertThat(calls).hasValue(1);
        });
    }

    @Test
    void theApplicationClockStampsTheAuditTrail() {
        Clock fixed = Clock.fixed(FIXED, ZoneOffset.UTC);
        runner().withBean(Clock.class, () -> fixed).run(context -> {
            KsmComponent component = ksm(camel(context));
            assertThat(component.getClock()).isSameAs(fixed);
            storeAndGrant(component.getGovernedCredentials());
            assertThat(send(context).getException()).isNull();

            assertThat(component.getGovernedCredentials().audit().tail(10))
                    .filteredOn(e -> e.operation().equals("get")).singleElement()
                    .satisfies(e -> assertThat(e.time()).isEqualTo(FIXED));
        });
    }

    @Test
    void anApplicationTokenProviderIsTheComponentsAndStaysOpen() {
        OAuth2TokenProvider own = OAuth2TokenProvider.create(OAuth2Settings.defaults());
        try (own) {
            runner().withBean(OAuth2TokenProvider.class, () -> own)
                    .run(context -> assertThat(ksm(camel(context)).getOauth2TokenProvider()).isSameAs(own));
        }
    }

    @Test
    void aStoreBeanNamedKsmCredentialStoreHoldsTheSecretValues() {
        MapCredentialStore own = new MapCredentialStore();
        runner().withBean(KsmComponentAutoConfiguration.CREDENTIAL_STORE_BEAN, CredentialStore.class, () -> own)
                .run(context -> {
                    GovernedCredentials governed = ksm(camel(context)).getGovernedCredentials();
                    assertThat(governed.store()).isSameAs(own);
                    storeAndGrant(governed);
                    assertThat(own.find(PORTAL)).isPresent();
                    assertThat(send(context).getException()).isNull();
                });
    }

    @Test
    void aStoreBeanOfAnotherNameIsNotTakenUnlessAPropertyNamesIt() {
        MapCredentialStore other = new MapCredentialStore();
        runner().withBean("vault", CredentialStore.class, () -> other).run(context -> assertThat(
                ksm(camel(context)).getGovernedCredentials().store()).isInstanceOf(JdbcCredentialStore.class));

        runner().withBean("vault", CredentialStore.class, () -> other)
                .withPropertyValues("camel.component.ksm.credential-store=#bean:vault")
                .run(context -> assertThat(ksm(camel(context)).getGovernedCredentials().store()).isSameAs(other));
    }

    @Test
    void theApplicationsDataSourceNamedByAPropertyHoldsTheTablesInSchemaKsm() throws Exception {
        org.h2.jdbcx.JdbcConnectionPool app = org.h2.jdbcx.JdbcConnectionPool.create(
                "jdbc:h2:mem:starter-app-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try {
            withAppDataSource(app);
        } finally {
            app.dispose();
        }
    }

    private void withAppDataSource(javax.sql.DataSource app) throws Exception {
        runner().withBean("appDataSource", javax.sql.DataSource.class, () -> app)
                .withPropertyValues("camel.component.ksm.data-source=#bean:appDataSource")
                .run(context -> {
                    KsmComponent component = ksm(camel(context));
                    assertThat(component.getDatabaseConfiguration().getDataSource()).isSameAs(app);
                    storeAndGrant(component.getGovernedCredentials());
                    assertThat(send(context).getException()).isNull();
                    try (java.sql.Connection c = app.getConnection(); java.sql.ResultSet rs = c.createStatement()
                            .executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'ksm'"
                                          + " OR TABLE_SCHEMA = 'KSM'")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getInt(1)).isPositive();
                    }
                });
    }

    @Test
    void anApplicationCustomizerOfTheSameNameReplacesTheStartersOwn() {
        runner().withBean("configureKsmComponent", org.apache.camel.spi.ComponentCustomizer.class,
                () -> org.apache.camel.spi.ComponentCustomizer.forType(KsmComponent.class, c -> c.getDatabaseConfiguration()
                        .setDatabaseDirectory(tempDir.resolve("own").toString())))
                .run(context -> assertThat(ksm(camel(context)).getDatabaseConfiguration().getDatabaseDirectory())
                        .isEqualTo(tempDir.resolve("own").toString()));
    }

    private static CamelContext camel(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        return context.getBean(CamelContext.class);
    }

    private static Exchange send(AssertableApplicationContext context) {
        return camel(context).createProducerTemplate().send("direct:portal", e -> { });
    }
}
