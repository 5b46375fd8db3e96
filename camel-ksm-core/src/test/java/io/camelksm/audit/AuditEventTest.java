package io.camelksm.audit;

import io.camelksm.access.Caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What an audit event may hold: one decision, or several merged ones (auditMode=summary). */
class AuditEventTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Caller CALLER = new Caller("alice", Set.of("ops"), "orders", "node-1", "ex-1");

    @Test
    void theShortConstructorAndOfMakeASingleDecision() {
        AuditEvent shortForm = new AuditEvent(T0, "Graph", "authorize", "orders", "ex-1", "alice", Set.of("ops"),
                "orders", "node-1", AuditOutcome.GRANTED, "access granted");
        AuditEvent of = AuditEvent.of(T0, "Graph", "authorize", "orders", CALLER, AuditOutcome.GRANTED,
                "access granted");

        assertThat(of).isEqualTo(shortForm);
        assertThat(of.occurrences()).isEqualTo(1);
        assertThat(of.merged()).isFalse();
        assertThat(of.lastTime()).isNull();
        assertThat(of.lastExchangeId()).isNull();
        assertThat(of).isEqualTo(new AuditEvent(T0, "Graph", "authorize", "orders", "ex-1", "alice", Set.of("ops"),
                "orders", "node-1", AuditOutcome.GRANTED, "access granted", 1, null, null));
    }

    @Test
    void aMergedEventKeepsItsCountAndLastTimeAndExchange() {
        AuditEvent merged = new AuditEvent(T0, "Graph", "authorize", "orders", "ex-1", "alice", Set.of("ops"),
                "orders", "node-1", AuditOutcome.GRANTED, "access granted", 7, T0.plusSeconds(1), "ex-7");

        assertThat(merged.merged()).isTrue();
        assertThat(merged.occurrences()).isEqualTo(7);
        assertThat(merged.lastTime()).isEqualTo(T0.plusSeconds(1));
        assertThat(merged.lastExchangeId()).isEqualTo("ex-7");
    }

    @Test
    void fewerThanOneOccurrenceIsRefusedNamingTheCount() {
        assertThatThrownBy(() -> new AuditEvent(T0, "Graph", "authorize", "orders", "ex-1", null, null, "orders",
                "node-1", AuditOutcome.GRANTED, "access granted", 0, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An audit event stands for at least 1 occurrence, got occurrences=0 (credential 'Graph',"
                            + " operation authorize)");
        assertThatThrownBy(() -> new AuditEvent(T0, "Graph", "get", "orders", "ex-1", null, null, "orders",
                "node-1", AuditOutcome.GRANTED, "access granted", -3, T0, "ex-2"))
                .hasMessageContaining("got occurrences=-3");
    }

    @Test
    void aSingleDecisionWithALastTimeOrExchangeIsRefused() {
        assertThatThrownBy(() -> new AuditEvent(T0, "Graph", "authorize", "orders", "ex-1", null, null, "orders",
                "node-1", AuditOutcome.GRANTED, "access granted", 1, T0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("occurrences=1").hasMessageContaining("no lastTime or lastExchangeId");
        assertThatThrownBy(() -> new AuditEvent(T0, "Graph", "authorize", "orders", "ex-1", null, null, "orders",
                "node-1", AuditOutcome.GRANTED, "access granted", 1, null, "ex-2"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
