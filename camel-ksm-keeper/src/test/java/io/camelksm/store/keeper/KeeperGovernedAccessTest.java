package io.camelksm.store.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.AccessRights;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialValidator;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.store.jdbc.KsmDatabase;
import io.camelksm.testsupport.TestClock;

/**
 * Access rights and audit for Keeper-held credentials live in camel-ksm's own database: the Keeper store governed by
 * the rights and audit trail of a real H2 KsmDatabase.
 */
class KeeperGovernedAccessTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(), "ksm-admin", "node-1", null);
    private static final Caller BOT = new Caller("bot-7", Set.of("rpa"), "invoice-route", "node-1", "exchange-1");
    private static final CredentialName NAME = CredentialName.of("servicenow");

    @TempDir
    Path dir;

    private final FakeKeeperBackend keeper = new FakeKeeperBackend();
    private final TestClock clock = new TestClock();
    private KsmRuntime runtime;
    private KsmDatabase db;
    private KeeperCredentialStore store;
    private GovernedCredentials governed;
    private String uid;

    @BeforeEach
    void setUp() {
        uid = keeper.add(FakeRecord.login("ServiceNow", "svc-bot", "keeper-held-pw"));
        store = KeeperTestSupport.store(keeper, KeeperStoreSettings.builder().credential("servicenow", uid)
                .credential("ghost", FakeRecord.newUid()).ttl(Duration.ofMinutes(5)).build(), clock);
        // the store is given: the runtime governs it with the rights and audit trail of its own database
        runtime = KsmRuntime.open(KsmSettings.builder().embeddedDatabase(dir).credentialStore(store).clock(clock)
                .auditMode(AuditMode.SYNC).cacheTtl(Duration.ZERO).writeValidator(CredentialValidator.NONE).build());
        db = runtime.database();
        governed = runtime.credentials();
    }

    @AfterEach
    void tearDown() {
        runtime.close();
        store.close();
    }

    @Test
    void deniedByDefaultGrantedAfterGrantAllAudited() {
        assertThat(governed.rightsOf(NAME)).isEqualTo(AccessRights.DENY_ALL);
        assertThatThrownBy(() -> governed.read(NAME, "authorize", BOT, "invoice-route"))
                .isInstanceOf(KsmAccessDeniedException.class)
                .hasMessageContaining("servicenow").hasMessageNotContaining("keeper-held-pw");

        governed.grant(NAME, Dimension.ROLE, "rpa", ADMIN);
        governed.grant(NAME, Dimension.PROCESS, "invoice-route", ADMIN);
        governed.grant(NAME, Dimension.RESOURCE, "node-1", ADMIN);
        Credential c = governed.read(NAME, "authorize", BOT, "invoice-route");
        assertThat(c.field(CredentialField.USERNAME)).contains("svc-bot");
        assertThat(c.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("keeper-held-pw");

        List<AuditEvent> audit = db.auditTrail().tail(100);
        assertThat(audit).extracting(AuditEvent::operation, AuditEvent::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("authorize", AuditOutcome.DENIED),
                org.assertj.core.groups.Tuple.tuple("grant", AuditOutcome.GRANTED),
                org.assertj.core.groups.Tuple.tuple("grant", AuditOutcome.GRANTED),
                org.assertj.core.groups.Tuple.tuple("grant", AuditOutcome.GRANTED),
                org.assertj.core.groups.Tuple.tuple("authorize", AuditOutcome.GRANTED));
        AuditEvent denied = audit.get(0);
        assertThat(denied.credential()).isEqualTo("servicenow");
        assertThat(denied.principal()).isEqualTo("bot-7");
        assertThat(denied.process()).isEqualTo("invoice-route");
        assertThat(denied.exchangeId()).isEqualTo("exchange-1");
        assertThat(denied.reason()).contains("ROLE");
        assertThat(audit.get(4).routeId()).isEqualTo("invoice-route");
        assertThat(audit).allSatisfy(e -> assertThat(e.reason()).doesNotContain("keeper-held-pw"));
    }

    @Test
    void rightsAreKeptInTheDatabaseNotInKeeper() {
        governed.grant(NAME, Dimension.ROLE, "rpa", ADMIN);
        assertThat(db.accessRights().rightsOf(NAME).roles().allowed()).containsExactly("rpa");
        assertThat(keeper.recordJson(uid)).doesNotContain("rpa");
        assertThat(keeper.updateCalls()).isZero();
    }

    @Test
    void keeperFailuresAndReadOnlyWritesAreAuditedAsFailed() {
        CredentialName ghost = CredentialName.of("ghost");
        for (Dimension d : Dimension.values()) {
            governed.grant(ghost, d, "*", ADMIN);
        }
        assertThatThrownBy(() -> governed.read(ghost, "get", BOT, "invoice-route"))
                .isInstanceOf(KeeperStoreException.class).hasMessageContaining("not returned by Keeper");
        assertThatThrownBy(() -> governed.create(Credential.builder("new-one", io.camelksm.credential.CredentialType
                .BEARER).value(CredentialField.TOKEN, "t").build(), ADMIN))
                .isInstanceOf(KeeperStoreException.class).hasMessageContaining("Keeper store is read-only here");

        List<AuditEvent> audit = db.auditTrail().tail(2);
        assertThat(audit).extracting(AuditEvent::outcome).containsOnly(AuditOutcome.FAILED);
        assertThat(audit.get(0).reason()).contains("not returned by Keeper").contains(ghost.value());
        assertThat(audit.get(1).reason()).contains("read-only");
    }
}
