package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import io.camelksm.runtime.AuditMode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.audit.AuditHealth;
import io.camelksm.audit.JournalAuditTrail;
import io.camelksm.audit.JournalSettings;
import io.camelksm.audit.KsmAuditException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/** auditMode=journal, the default: journal next to the database, rows keyed by journal sequence, health, fail closed. */
class KsmAuditJournalTest {

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

    private KsmComponent start(KsmComponent component) throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("ksm", component);
        component.getCallerConfiguration().setNodeName("node-1");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").routeId("portal").to("ksm:Portal");
            }
        });
        context.start();
        return component;
    }

    private static void grant(GovernedCredentials governed) {
        governed.create(Credential.builder(NAME, CredentialType.BASIC).field(CredentialField.USERNAME, "bot")
                .secret(CredentialField.PASSWORD, Secret.of("pw-1")).build(), ADMIN);
        for (Dimension dimension : Dimension.values()) {
            governed.grant(NAME, dimension, "*", ADMIN);
        }
    }

    @Test
    void journalIsTheDefaultNextToTheDatabaseOwnerOnlyAndEveryRowKeepsItsJournalKey() throws Exception {
        KsmComponent component = new KsmComponent();
        component.getDatabaseConfiguration().setDatabaseDirectory(tempDir.toString());
        start(component);
        assertThat(component.getAuditConfiguration().getAuditMode()).isEqualTo(AuditMode.JOURNAL);
        assertThat(component.isAuditHealthy()).isTrue();
        assertThat(component.getAuditHealth().state()).isEqualTo(AuditHealth.State.UP);
        HealthCheck check = HealthCheckRegistry.get(context).getCheck(KsmAuditHealthCheck.ID).orElseThrow();
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        grant(component.getGovernedCredentials());

        for (int i = 0; i < 50; i++) {
            Exchange done = context.createProducerTemplate().send("direct:call", e -> { });
            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getHeader("Authorization", String.class)).startsWith("Basic ");
        }

        Path journal = tempDir.resolve("audit-journal");
        assertThat(Files.getPosixFilePermissions(journal)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> files = Files.list(journal)) {
            assertThat(files.filter(p -> p.toString().endsWith(".journal")).toList()).isNotEmpty()
                    .allSatisfy(p -> assertThat(Files.getPosixFilePermissions(p))
                            .isEqualTo(PosixFilePermissions.fromString("rw-------")));
        }
        context.close();
        context = null;
        try (Connection c = DriverManager.getConnection(DatabaseSettings.embedded(tempDir).jdbcUrl(), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT journal_seq), MIN(journal_id)"
                                           + " FROM audit_event WHERE route_id = 'portal' AND journal_id IS NOT NULL")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(50);
            assertThat(rs.getLong(2)).isEqualTo(50);
            assertThat(rs.getString(3)).isEqualTo(Files.readString(journal.resolve("journal.id")).strip());
        }
    }

    @Test
    void aJournalDirectoryThatCannotBeCreatedStopsTheStartNamingIt() throws Exception {
        Path notADirectory = Files.writeString(tempDir.resolve("taken"), "a file");
        KsmComponent component = new KsmComponent();
        component.getDatabaseConfiguration().setDatabaseDirectory(tempDir.toString());
        component.getAuditConfiguration().setAuditJournalDirectory(notADirectory.toString());

        assertThatThrownBy(() -> start(component)).hasStackTraceContaining("Cannot open the audit journal "
                                                                           + notADirectory);
    }

    @Test
    void aTooSmallJournalIsRefusedBeforeAnythingOpens() {
        KsmComponent component = new KsmComponent();
        component.getDatabaseConfiguration().setDatabaseDirectory(tempDir.toString());
        component.getAuditConfiguration().setAuditJournalMaxSize(1024);

        assertThatThrownBy(() -> start(component)).hasStackTraceContaining("auditJournalMaxSize must be at least");
        assertThat(tempDir.resolve("ksm.mv.db")).doesNotExist();
    }

    @Test
    void whenTheJournalCannotRecordTheExchangeIsRefusedWithoutAHeader() throws Exception {
        try (KsmRuntime runtime = KsmRuntime.open(KsmSettings.builder().embeddedDatabase(tempDir)
                .auditMode(AuditMode.JOURNAL).journal(JournalSettings.of(tempDir.resolve("j"))).cacheTtl(Duration.ZERO)
                .build())) {
            KsmDatabase database = runtime.database();
            GovernedCredentials governed = runtime.credentials();
            JournalAuditTrail journal = (JournalAuditTrail) governed.audit(); // what auditMode=journal records with
            grant(governed);
            KsmComponent component = new KsmComponent();
            component.setGovernedCredentials(governed);
            start(component);
            journal.close(); // from here on nothing can record

            Exchange done = context.createProducerTemplate().send("direct:call", e -> { });

            assertThat(done.getException()).isInstanceOf(KsmAuditException.class)
                    .hasMessageContaining("cannot be recorded").hasMessageContaining("'Portal'");
            assertThat(done.getMessage().getHeader("Authorization")).isNull();
            List<String> operations = database.auditTrail().tail(100).stream().map(e -> e.operation()).toList();
            assertThat(operations).doesNotContain("authorize");
        }
    }
}
