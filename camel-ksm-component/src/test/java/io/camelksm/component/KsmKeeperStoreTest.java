package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import com.keepersecurity.secretsManager.core.InMemoryStorage;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.AccessMode;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.credential.CredentialName;
import io.camelksm.store.keeper.FakeRecord;
import io.camelksm.store.keeper.KeeperClient;
import io.camelksm.store.keeper.KeeperCredentialStore;
import io.camelksm.store.keeper.KeeperStoreSettings;
import io.camelksm.store.keeper.KeeperStoreException;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.Subjects;

/**
 * Routes resolve Keeper records through the {@code ksm} component ({@code store=keeper}): the real SDK against the fake
 * Keeper backend, the client config HSM-encrypted (software PKCS#12 key), rights and audit in the component's own H2.
 */
class KsmKeeperStoreTest {

    private static final Caller ADMIN = new Caller("test-admin", java.util.Set.of(), "ksm-test",
            KeeperStoreFixture.NODE, null);

    @TempDir
    Path dir;

    private KeeperStoreFixture fixture;
    private String apiUid;
    private String tokenUid;

    private KeeperStoreFixture fixture(String extraMapping) {
        fixture = new KeeperStoreFixture(dir);
        apiUid = fixture.keeper.add(FakeRecord.login("Keeper API", "api-bot", "Kp#api-secret-1"));
        tokenUid = fixture.keeper.add(FakeRecord.of("login", "API token").field("password", "tok-3x4mple-bearer"));
        return fixture.boundConfigWithSoftwareKey("keeper.credentials.KeeperApi=" + apiUid + "\n"
                + "keeper.credentials.KeeperToken=keeper://" + tokenUid + "/field/password\n" + extraMapping);
    }

    private static RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:api").routeId("api-route")
                        .process(e -> e.getMessage().setHeader(Exchange.AUTHENTICATION, Subjects.of("alice", "bots")))
                        .to("ksm:KeeperApi");
                from("direct:token").routeId("token-route")
                        .process(e -> e.getMessage().setHeader(Exchange.AUTHENTICATION, Subjects.of("alice", "bots")))
                        .to("ksm:KeeperToken");
                from("direct:set").routeId("set-route")
                        .process(e -> e.getMessage().setHeader(Exchange.AUTHENTICATION, Subjects.of("alice", "bots")))
                        .to("ksm:KeeperApi?operation=set&field=password");
            }
        };
    }

    private static void grant(CamelContext context, String credential, String process) {
        GovernedCredentials governed = context.getComponent("ksm", KsmComponent.class).getGovernedCredentials();
        CredentialName name = CredentialName.of(credential);
        governed.grant(name, Dimension.ROLE, "bots", ADMIN);
        governed.grant(name, Dimension.PROCESS, process, ADMIN);
        governed.grant(name, Dimension.RESOURCE, KeeperStoreFixture.NODE, ADMIN);
    }

    @Test
    void loginRecordBecomesBasicHeaderOnlyOnceGrantedAndBothDecisionsAreInTheDatabase() throws Exception {
        fixture("");
        try (CamelContext context = fixture.start(routes())) {
            ProducerTemplate template = context.createProducerTemplate();
            assertThat(context.getComponent("ksm", KsmComponent.class).getGovernedCredentials().store())
                    .isInstanceOf(KeeperCredentialStore.class);

            Exchange denied = template.request("direct:api", e -> { });
            assertThat(denied.getException()).isInstanceOf(KsmAccessDeniedException.class);
            assertThat(denied.getMessage().getHeader("Authorization")).isNull();
            assertThat(denied.getException().getMessage()).doesNotContain("Kp#api-secret-1");

            grant(context, "KeeperApi", "api-route");
            Exchange granted = template.request("direct:api", e -> { });
            assertThat(granted.getException()).isNull();
            assertThat(granted.getMessage().getHeader("Authorization", String.class)).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("api-bot:Kp#api-secret-1".getBytes(StandardCharsets.UTF_8)));
        }

        List<AuditEvent> reads = fixture.auditRows().stream()
                .filter(a -> a.credential().equals("KeeperApi") && a.routeId() != null).toList();
        assertThat(reads).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.DENIED, AuditOutcome.GRANTED);
        assertThat(reads).allSatisfy(a -> {
            assertThat(a.principal()).isEqualTo("alice");
            assertThat(a.roles()).contains("bots");
            assertThat(a.process()).isEqualTo("api-route");
            assertThat(a.resource()).isEqualTo(KeeperStoreFixture.NODE);
        });
    }

    @Test
    void keeperNotationSelectsTheTokenOfABearerCredential() throws Exception {
        fixture("");
        try (CamelContext context = fixture.start(routes())) {
            grant(context, "KeeperToken", "token-route");
            Exchange out = context.createProducerTemplate().request("direct:token", e -> { });
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader("Authorization", String.class))
                    .isEqualTo("Bearer tok-3x4mple-bearer");
        }
    }

    @Test
    void recordsAreFetchedOnceAtStartAndTheLastGoodValueIsServedWhenKeeperGoesAway() throws Exception {
        fixture("keeper.cache.ttl=1m\n");
        try (CamelContext context = fixture.start(routes())) {
            assertThat(fixture.keeper.getSecretCalls()).as("prefetched at start").isEqualTo(1);
            grant(context, "KeeperApi", "api-route");
            ProducerTemplate template = context.createProducerTemplate();
            assertThat(template.request("direct:api", e -> { }).getMessage().getHeader("Authorization", String.class))
                    .startsWith("Basic ");
            assertThat(fixture.keeper.getSecretCalls()).as("served from the cache").isEqualTo(1);

            fixture.keeper.failAlways(502, "bad gateway");
            fixture.clock.advance(Duration.ofMinutes(2));
            Exchange out = template.request("direct:api", e -> { });

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader("Authorization", String.class)).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("api-bot:Kp#api-secret-1".getBytes(StandardCharsets.UTF_8)));
            assertThat(fixture.keeper.calls()).as("Keeper was asked again").isGreaterThan(1);
            KeeperCredentialStore store = (KeeperCredentialStore) context.getComponent("ksm", KsmComponent.class)
                    .getGovernedCredentials().store();
            assertThat(store.statistics().staleServed()).isPositive();
        }
    }

    @Test
    void keeperUnreachableAtStartDoesNotFailTheStartAndTheFirstRequestFetches() throws Exception {
        fixture("");
        fixture.keeper.failAlways(503, "unavailable");
        try (CamelContext context = fixture.start(routes())) {
            grant(context, "KeeperApi", "api-route");
            ProducerTemplate template = context.createProducerTemplate();
            fixture.keeper.recover();
            fixture.clock.advance(Duration.ofMinutes(1)); // past the failure back-off
            Exchange out = template.request("direct:api", e -> { });
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader("Authorization", String.class)).startsWith("Basic ");
        }
    }

    @Test
    void setOnTheReadOnlyKeeperStoreFailsClearly() throws Exception {
        fixture("");
        try (CamelContext context = fixture.start(routes())) {
            grant(context, "KeeperApi", "set-route");
            GovernedCredentials governed = context.getComponent("ksm", KsmComponent.class).getGovernedCredentials();
            for (Dimension d : Dimension.values()) {
                governed.grant(CredentialName.of("KeeperApi"), AccessMode.WRITE, d, "*", ADMIN);
            }
            Exchange out = context.createProducerTemplate().request("direct:set",
                    e -> e.getMessage().setBody("new-Passw0rd!"));
            assertThat(out.getException()).isInstanceOf(KeeperStoreException.class)
                    .hasMessageContaining("read-only").hasMessageContaining("keeper.password-updates")
                    .hasMessageNotContaining("new-Passw0rd!");
            assertThat(fixture.keeper.updateCalls()).isZero();
            assertThat(fixture.keeper.recordJson(apiUid)).contains("Kp#api-secret-1");
        }
    }

    @Test
    void storeKeeperWithoutMappingFileFailsAtStartNamingTheOption() {
        fixture("");
        fixture.options.remove("keeperMappingFile");
        assertThatThrownBy(() -> fixture.start(routes()))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keeperMappingFile");
    }

    @Test
    void storeKeeperWithoutConfigFileFailsAtStartNamingTheOption() {
        fixture("");
        fixture.options.put("keeperConfigFile", dir.resolve("nowhere.enc").toString());
        assertThatThrownBy(() -> fixture.start(routes()))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keeperConfigFile").hasMessageContaining("nowhere.enc");
    }

    @Test
    void wrongHsmPinFailsAtStartNamingTheOptionButNotThePin() {
        fixture("");
        fixture.options.put("keeperHsmPin", "wrong-pin-value");
        assertThatThrownBy(() -> fixture.start(routes()))
                .satisfies(e -> assertThat(messages(e)).contains("keeperHsmSettings")
                        .doesNotContain("wrong-pin-value"));
    }

    @Test
    void unknownStoreFailsAtStart() {
        fixture("");
        fixture.options.put("store", "vault");
        assertThatThrownBy(() -> fixture.start(routes()))
                .rootCause().hasMessageContaining("Unknown store 'vault'");
    }

    @Test
    void badMappingFailsAtStartNamingTheFileAndTheKey() {
        fixture("keeper.cache.tll=5m\n");
        assertThatThrownBy(() -> fixture.start(routes()))
                .satisfies(e -> assertThat(messages(e)).contains("keeperMappingFile", "keeper.cache.tll"));
    }

    @Test
    void aCredentialStoreBeanServesValuesWhileRightsAndAuditStayInTheDatabase() throws Exception {
        fixture("");
        InMemoryStorage storage = new InMemoryStorage();
        fixture.keeper.writeBoundConfig(storage);
        try (KeeperCredentialStore own = new KeeperCredentialStore(KeeperClient.sdk(storage,
                fixture.keeper.transport()), KeeperStoreSettings.builder().credential("KeeperApi", apiUid).build())) {
            fixture.options.clear();
            fixture.options.put("store", "database");
            fixture.options.put("credentialStore", "#bean:ownStore");
            try (CamelContext context = fixture.start(routes(), registry -> registry.bind("ownStore", own))) {
                assertThat(context.getComponent("ksm", KsmComponent.class).getGovernedCredentials().store())
                        .isSameAs(own);
                grant(context, "KeeperApi", "api-route");
                assertThat(context.createProducerTemplate().request("direct:api", e -> { }).getMessage()
                        .getHeader("Authorization", String.class)).startsWith("Basic ");
            }
            assertThat(own.find(CredentialName.of("KeeperApi"))).as("a given store stays open").isPresent();
        }
        assertThat(fixture.auditRows()).anySatisfy(a -> {
            assertThat(a.credential()).isEqualTo("KeeperApi");
            assertThat(a.outcome()).isEqualTo(AuditOutcome.GRANTED);
            assertThat(a.routeId()).isEqualTo("api-route");
        });
    }

    @Test
    void storeKeeperTogetherWithAGivenGovernedCredentialsIsRefused() {
        fixture("");
        try (KsmTestSupport other = KsmTestSupport.create()) {
            assertThatThrownBy(() -> fixture.start(routes(), registry -> registry.bind("governed", other.governed())))
                    .satisfies(e -> assertThat(messages(e)).contains("governedCredentials", "store=keeper"));
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
