package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.AuditEvent;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.access.GovernedCredentials;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/** auditMode and cacheTtl on a component that opens its own embedded database. */
class KsmAuditModeAndCacheTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(), "test", "node-1", null);
    private static final CredentialName NAME = CredentialName.of("Portal");

    @TempDir
    Path tempDir;

    private CamelContext context;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
    }

    private KsmComponent start(String auditMode, long cacheTtl) throws Exception {
        context = new DefaultCamelContext();
        KsmComponent component = context.getComponent("ksm", KsmComponent.class);
        component.setDatabaseDirectory(tempDir.toString());
        component.setNodeName("node-1");
        if (auditMode != null) {
            component.setAuditMode(auditMode);
        }
        component.setCacheTtl(cacheTtl);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").routeId("portal").to("ksm:Portal?operation=get");
            }
        });
        context.start();
        GovernedCredentials governed = component.getGovernedCredentials();
        governed.create(Credential.builder(NAME, CredentialType.GENERAL).field(CredentialField.USERNAME, "bot")
                .secret(CredentialField.PASSWORD, Secret.of("pw-1")).build(), ADMIN);
        governed.grant(NAME, Dimension.ROLE, "*", ADMIN);
        governed.grant(NAME, Dimension.PROCESS, "portal", ADMIN);
        governed.grant(NAME, Dimension.RESOURCE, "node-1", ADMIN);
        return component;
    }

    private void send(int count) {
        ProducerTemplate template = context.createProducerTemplate();
        for (int i = 0; i < count; i++) {
            Exchange done = template.send("direct:get", e -> { });
            assertThat(done.getException()).isNull();
        }
    }

    private List<AuditEvent> auditAfterStop() throws Exception {
        context.close();
        context = null;
        try (KsmDatabase database = KsmDatabase.open(DatabaseSettings.embedded(tempDir))) {
            return database.auditTrail().tail(10_000).stream().filter(e -> e.operation().equals("get")).toList();
        }
    }

    @Test
    void asyncIsTheDefaultAndStoppingTheComponentWritesEveryQueuedEvent() throws Exception {
        KsmComponent component = start(null, 5_000);
        assertThat(component.getAuditMode()).isEqualTo("async");

        send(200);

        List<AuditEvent> events = auditAfterStop();
        assertThat(events).hasSize(200).allSatisfy(e -> assertThat(e.routeId()).isEqualTo("portal"));
    }

    @Test
    void theTrailSeenThroughTheComponentAlreadyHoldsEveryEvent() throws Exception {
        KsmComponent component = start("async", 5_000);
        send(50);

        assertThat(component.getGovernedCredentials().audit().tail(1000).stream()
                .filter(e -> e.operation().equals("get"))).hasSize(50);
    }

    @Test
    void syncModeWritesEachEventBeforeTheExchangeGoesOn() throws Exception {
        start("sync", 0);
        send(20);

        assertThat(auditAfterStop()).hasSize(20);
    }

    @Test
    void aRevokeThroughTheComponentAppliesAtOnceDespiteTheCache() throws Exception {
        KsmComponent component = start("async", 60_000);
        send(1);

        component.getGovernedCredentials().revoke(NAME, Dimension.PROCESS, "portal", ADMIN);

        Exchange denied = context.createProducerTemplate().send("direct:get", e -> { });
        assertThat(denied.getException()).isInstanceOf(io.camelksm.access.KsmAccessDeniedException.class);
    }

    @Test
    void anUnknownAuditModeIsRefusedByName() {
        assertThatThrownBy(() -> start("later", 5_000)).hasStackTraceContaining("Unknown auditMode 'later'");
    }

    @Test
    void aNegativeCacheTtlIsRefused() {
        assertThatThrownBy(() -> start("async", -1)).hasStackTraceContaining("cacheTtl must not be negative");
    }
}
