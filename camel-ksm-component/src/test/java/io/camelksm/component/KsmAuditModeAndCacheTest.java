package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import io.camelksm.runtime.AuditMode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.audit.AuditEvent;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.credential.CredentialName;
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
        component.getDatabaseConfiguration().setDatabaseDirectory(tempDir.toString());
        component.getCallerConfiguration().setNodeName("node-1");
        if (auditMode != null) {
            component.getAuditConfiguration().setAuditMode(AuditMode.parse(auditMode));
        }
        component.getCallerConfiguration().setCacheTtl(cacheTtl);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").routeId("portal").to("ksm:Portal?operation=get");
                // process "intruder" is not granted: every exchange is denied
                from("direct:denied").routeId("intruder").to("ksm:Portal?operation=get");
            }
        });
        context.start();
        GovernedCredentials governed = component.getGovernedCredentials();
        PortalCredential.storeAndGrant(governed, ADMIN);
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
    void asyncStoppingTheComponentWritesEveryQueuedEvent() throws Exception {
        start("async", 5_000);

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
    void summaryModeWritesOneOccurrencePerExchangeAndEveryDenialOnItsOwn() throws Exception {
        KsmComponent component = start("summary", 5_000);
        assertThat(component.getAuditConfiguration().getAuditMode()).isEqualTo(AuditMode.SUMMARY);
        int threads = 4;
        int perThread = 2_000;
        int denied = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> send(perThread)));
            }
            ProducerTemplate template = context.createProducerTemplate();
            for (int i = 0; i < denied; i++) {
                Exchange refused = template.send("direct:denied", e -> { });
                assertThat(refused.getException()).isInstanceOf(io.camelksm.access.KsmAccessDeniedException.class);
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        context.close();
        context = null;

        try (Connection c = DriverManager.getConnection(DatabaseSettings.embedded(tempDir).jdbcUrl(), "sa", "")) {
            assertThat(longOf(c, "SELECT SUM(occurrences) FROM audit_event WHERE operation = 'get'"
                                 + " AND outcome = 'GRANTED' AND route_id = 'portal'")).isEqualTo(threads * perThread);
            assertThat(longOf(c, "SELECT COUNT(*) FROM audit_event WHERE operation = 'get' AND outcome = 'DENIED'"
                                 + " AND route_id = 'intruder' AND occurrences = 1")).isEqualTo(denied);
            assertThat(longOf(c, "SELECT SUM(occurrences) FROM audit_event WHERE operation = 'get'"))
                    .isEqualTo(threads * perThread + denied);
            // the setup's changes are never merged
            assertThat(longOf(c, "SELECT COUNT(*) FROM audit_event WHERE operation IN ('create', 'grant')"))
                    .isEqualTo(4);
            assertThat(longOf(c, "SELECT MAX(occurrences) FROM audit_event WHERE operation IN ('create', 'grant')"))
                    .isEqualTo(1);
        }
    }

    @Test
    void summaryModeUnderLightLoadStillGivesEachExchangeItsOwnEntry() throws Exception {
        KsmComponent component = start("summary", 5_000);
        ProducerTemplate template = context.createProducerTemplate();
        List<String> exchanges = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            exchanges.add(template.send("direct:get", e -> { }).getExchangeId());
            // the trail seen through the component flushes first: the writer is idle again before the next exchange
            component.getGovernedCredentials().audit().tail(1);
        }

        assertThat(auditAfterStop()).extracting(AuditEvent::exchangeId).containsExactlyElementsOf(exchanges);
    }

    private static long longOf(Connection c, String query) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    @Test
    void anUnknownAuditModeIsRefusedNamingTheValidOnes() {
        assertThatThrownBy(() -> start("later", 5_000)).hasStackTraceContaining(
                "Unknown auditMode 'later': use auditMode=journal, auditMode=async, auditMode=sync or"
                + " auditMode=summary");
    }

    @Test
    void aNegativeCacheTtlIsRefused() {
        assertThatThrownBy(() -> start("async", -1)).hasStackTraceContaining("cacheTtl must not be negative");
    }
}
