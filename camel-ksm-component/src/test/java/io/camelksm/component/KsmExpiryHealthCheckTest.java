package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.testsupport.TestClock;

/**
 * expiryWarning and the health check camel-ksm/ksm-expiry, on the real embedded database and a test clock: UP with the
 * credentials in use that lapse soon as a detail, DOWN once one in use has expired.
 */
class KsmExpiryHealthCheckTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(), "test", "node-1", null);
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path tempDir;

    private final TestClock clock = new TestClock(START);
    private CamelContext context;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
    }

    private KsmComponent start(Map<String, Object> options) throws Exception {
        context = new DefaultCamelContext();
        KsmComponent component = new KsmComponent();
        context.addComponent("ksm", component);
        PropertyBindingSupport.build().bind(context, component, new java.util.HashMap<>(options));
        component.getDatabaseConfiguration().setDatabaseDirectory(tempDir.toString());
        component.getCallerConfiguration().setNodeName("node-1");
        component.setClock(clock);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:portal").routeId("portal").to("ksm:Portal");
                from("direct:archive").routeId("archive").to("ksm:Archive");
            }
        });
        context.start();
        add(component.getGovernedCredentials(), "Portal", Instant.parse("2026-12-08T00:00:00Z"));
        add(component.getGovernedCredentials(), "Archive", Instant.parse("2027-06-01T00:00:00Z"));
        return component;
    }

    private static void add(GovernedCredentials governed, String name, Instant expiresAt) {
        CredentialName n = CredentialName.of(name);
        governed.create(Credential.builder(n, CredentialType.BASIC).field(CredentialField.USERNAME, "bot")
                .secret(CredentialField.PASSWORD, Secret.of("pw-" + name)).expiresAt(expiresAt).build(), ADMIN);
        for (Dimension dimension : Dimension.values()) {
            governed.grant(n, dimension, "*", ADMIN);
        }
    }

    private void call(String route) {
        Exchange done = context.createProducerTemplate().send("direct:" + route, e -> { });
        assertThat(done.getException()).isNull();
    }

    private HealthCheck.Result check() {
        HealthCheck check = HealthCheckRegistry.get(context).getCheck(KsmExpiryHealthCheck.ID).orElseThrow();
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
        return check.call();
    }

    @Test
    void theDefaultIsFourteenDaysAndTheOptionTakesADuration() throws Exception {
        KsmComponent defaults = new KsmComponent();
        assertThat(defaults.getCallerConfiguration().getExpiryWarning())
                .isEqualTo(KsmSettings.DEFAULT_EXPIRY_WARNING.toMillis());

        KsmComponent component = start(Map.of("expiryWarning", "30d"));
        assertThat(component.runtime().settings().expiryWarning()).isEqualTo(Duration.ofDays(30));
        assertThat(component.runtime().expiries().warning()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void upWithTheCredentialsInUseThatLapseSoonDownOnceOneExpired() throws Exception {
        start(Map.of());
        HealthCheck.Result nothingUsed = check();
        assertThat(nothingUsed.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(nothingUsed.getDetails()).doesNotContainKey("expiry.lapsing").containsEntry("expiry.inUse", 0);

        call("portal");
        call("archive");
        HealthCheck.Result soon = check();
        assertThat(soon.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(soon.getDetails()).containsEntry("expiry.lapsing", "Portal (expires 2026-12-08T00:00:00Z)")
                .containsEntry("expiry.warning.days", 14L).containsEntry("expiry.inUse", 2)
                .doesNotContainKey("expiry.expired");
        assertThat(soon.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("Portal").doesNotContain("pw-"));

        clock.set(Instant.parse("2026-12-08T00:00:00Z"));
        HealthCheck.Result expired = check();
        assertThat(expired.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(expired.getDetails()).containsEntry("expiry.expired", "Portal (expires 2026-12-08T00:00:00Z)")
                .doesNotContainKey("expiry.lapsing");
        assertThat(context.createProducerTemplate().send("direct:portal", e -> { }).getException())
                .hasMessageContaining("expired");
    }

    @Test
    void aZeroWindowListsOnlyExpiredCredentials() throws Exception {
        start(Map.of("expiryWarning", "0"));
        call("portal");
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(check().getDetails()).doesNotContainKey("expiry.lapsing");
    }
}
