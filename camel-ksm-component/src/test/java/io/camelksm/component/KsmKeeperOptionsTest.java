package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.credential.CredentialName;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.store.keeper.FakeRecord;
import io.camelksm.store.keeper.KeeperCredentialStore;
import io.camelksm.testsupport.Subjects;

/**
 * {@code store=keeper} configured by the keeperHsm* and keeper cache options instead of the HSM settings file: the
 * options alone open the client config (software PKCS#12 key, real Keeper SDK against the fake backend), an option
 * overrides the file's value, and a missing or bad option fails the start naming it.
 */
class KsmKeeperOptionsTest {

    private static final Caller ADMIN = new Caller("test-admin", Set.of(), "ksm-test", KeeperStoreFixture.NODE, null);

    @TempDir
    Path dir;

    private KeeperStoreFixture fixture;

    /** A fixture bound to the fake with a software key; the HSM settings file replaced by options. */
    private KeeperStoreFixture byOptions() {
        fixture = new KeeperStoreFixture(dir);
        String uid = fixture.keeper.add(FakeRecord.login("Keeper API", "api-bot", "Kp#api-secret-1"));
        fixture.boundConfigWithSoftwareKey("keeper.credentials.KeeperApi=" + uid + "\n");
        fixture.options.remove("keeperHsmSettings");
        fixture.options.put("keeperHsmProvider", "pkcs12");
        fixture.options.put("keeperHsmKeystoreFile", dir.resolve("config-key.p12").toString());
        fixture.options.put("keeperHsmKeyAlias", "ksm-config");
        return fixture;
    }

    private static RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:api").routeId("api-route")
                        .process(e -> e.getMessage().setHeader(Exchange.AUTHENTICATION, Subjects.of("alice", "bots")))
                        .to("ksm:KeeperApi");
            }
        };
    }

    private static String basicHeaderOnceGranted(CamelContext context) {
        GovernedCredentials governed = context.getComponent("ksm", KsmComponent.class).getGovernedCredentials();
        assertThat(governed.store()).isInstanceOf(KeeperCredentialStore.class);
        CredentialName name = CredentialName.of("KeeperApi");
        governed.grant(name, Dimension.ROLE, "bots", ADMIN);
        governed.grant(name, Dimension.PROCESS, "api-route", ADMIN);
        governed.grant(name, Dimension.RESOURCE, KeeperStoreFixture.NODE, ADMIN);
        Exchange out = context.createProducerTemplate().request("direct:api", e -> { });
        assertThat(out.getException()).isNull();
        return out.getMessage().getHeader("Authorization", String.class);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHsmOptionsAloneOpenTheClientConfigAndTheRouteGetsItsHeader() throws Exception {
        byOptions().options.put("keeperCacheTtl", "1m");
        fixture.options.put("keeperPasswordUpdates", "false");
        try (CamelContext context = fixture.start(routes())) {
            assertThat(basicHeaderOnceGranted(context)).isEqualTo(basic("api-bot", "Kp#api-secret-1"));
        }
    }

    @Test
    void anOptionOverridesTheValueOfTheHsmSettingsFile() throws Exception {
        byOptions().options.put("keeperHsmSettings", fixture.write("hsm.properties", "provider=pkcs12\nkeystore-file="
                + dir.resolve("config-key.p12").toString().replace("\\", "/") + "\nkey-alias=no-such-key\n").toString());
        fixture.options.remove("keeperHsmProvider");
        fixture.options.remove("keeperHsmKeystoreFile");
        // the file names a key that does not exist; the option names the right one
        try (CamelContext context = fixture.start(routes())) {
            assertThat(basicHeaderOnceGranted(context)).isEqualTo(basic("api-bot", "Kp#api-secret-1"));
        }
    }

    @Test
    void aProviderWithoutWhatItNeedsFailsTheStartNamingTheMissingOption() {
        byOptions().options.remove("keeperHsmKeystoreFile");
        assertThatThrownBy(() -> fixture.start(routes()))
                .hasStackTraceContaining("keeperHsmProvider pkcs12: HSM setting 'keystore-file' (option"
                                         + " keeperHsmKeystoreFile) is missing");
    }

    @Test
    void neitherTheHsmFileNorTheProviderOptionFailsTheStartNamingBoth() {
        byOptions().options.remove("keeperHsmProvider");
        assertThatThrownBy(() -> fixture.start(routes()))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keeperHsmSettings").hasMessageContaining("keeperHsmProvider");
    }

    @Test
    void aBadCacheOptionFailsTheStartNamingTheOption() {
        byOptions().options.put("keeperCacheTtl", "soon");
        assertThatThrownBy(() -> fixture.start(routes()))
                .hasStackTraceContaining("keeper.cache.ttl (option keeperCacheTtl)='soon' is not a duration");
    }
}
