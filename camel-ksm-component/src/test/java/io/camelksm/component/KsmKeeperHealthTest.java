package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.credential.CredentialName;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.SecretStoreStatistics;
import io.camelksm.store.keeper.FakeRecord;

/**
 * The Keeper health checks with store=keeper against the fake Keeper backend (real SDK, software PKCS#12 key): the
 * store is UP while it serves records within max-stale and DOWN once Keeper fails past it; the HSM key is probed.
 */
class KsmKeeperHealthTest {

    private static final String SECRET = "Kp#api-secret-1";

    @TempDir
    Path dir;

    private static HealthCheck.Result check(CamelContext context, String id) {
        return HealthCheckRegistry.get(context).getCheck(id).orElseThrow().call();
    }

    @Test
    void keeperStoreGoesDownWhenKeeperFailsPastMaxStaleAndTheHsmKeyIsUsable() throws Exception {
        KeeperStoreFixture fixture = new KeeperStoreFixture(dir);
        String uid = fixture.keeper.add(FakeRecord.login("Keeper API", "api-bot", SECRET));
        fixture.boundConfigWithSoftwareKey("keeper.credentials.KeeperApi=" + uid + "\nkeeper.cache.ttl=1m\n"
                                           + "keeper.cache.max-stale=5m\n");
        try (CamelContext context = fixture.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:api").routeId("api-route").to("ksm:KeeperApi");
            }
        })) {
            GovernedCredentials governed = context.getComponent("ksm", KsmComponent.class).getGovernedCredentials();
            Caller admin = new Caller("admin", java.util.Set.of(), "test", KeeperStoreFixture.NODE, null);
            for (Dimension dimension : Dimension.values()) {
                governed.grant(CredentialName.of("KeeperApi"), dimension, "*", admin);
            }
            ProducerTemplate template = context.createProducerTemplate();
            assertThat(check(context, "ksm-keeper-store").getState()).isEqualTo(HealthCheck.State.UP);
            HealthCheck.Result hsm = check(context, "ksm-keeper-hsm");
            assertThat(hsm.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(hsm.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("ksm-config"));

            fixture.keeper.failAlways(502, "bad gateway");
            fixture.clock.advance(Duration.ofMinutes(2));
            assertThat(template.request("direct:api", e -> { }).getException()).as("stale served").isNull();
            HealthCheck.Result stale = check(context, "ksm-keeper-store");
            assertThat(stale.getState()).as("within max-stale").isEqualTo(HealthCheck.State.UP);
            assertThat(stale.getDetails()).containsKey("lastFailure").containsKey("ageSeconds");

            fixture.clock.advance(Duration.ofMinutes(6));
            Exchange failed = template.request("direct:api", e -> { });
            assertThat(failed.getException()).as("past max-stale").isNotNull();
            HealthCheck.Result down = check(context, "ksm-keeper-store");

            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("older than max-stale"));
            assertThat(down.getMessage() + down.getDetails().toString()).doesNotContain(SECRET);
            SecretStoreStatistics counted = context.getComponent("ksm", KsmComponent.class).runtime().statistics()
                    .secretStore();
            assertThat(counted.requests()).as("prefetch and the failed fetches").isGreaterThanOrEqualTo(3);
            assertThat(counted.staleServed()).isPositive();
            assertThat(counted.failures()).isPositive();
        }
    }
}
