package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.camelksm.access.AccessMode;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.access.Caller;

/** The line {@code audit tail} prints for a single decision and for several merged ones (auditMode=summary). */
class AuditTailFormatTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aSingleDecisionIsOneLineWithoutACount() {
        AuditEvent single = new AuditEvent(T0, "Graph", "authorize", "orders", "ex-1", "alice", Set.of("ops"),
                "orders", "node-1", AuditOutcome.GRANTED, "access granted");

        assertThat(AuditTailCommand.format(single)).isEqualTo("2026-11-25T10:00:00Z GRANTED authorize   'Graph'"
                + " principal=alice roles=[ops] process=orders resource=node-1 route=orders exchange=ex-1"
                + " reason=access granted");
    }

    @Test
    void aMergedEntryShowsHowManyUntilWhenAndItsFirstAndLastExchange() {
        AuditEvent merged = new AuditEvent(T0, "Graph", "authorize", "orders", "ex-1", null, Set.of(), "orders",
                "node-1", AuditOutcome.GRANTED, "access granted", 250, T0.plusMillis(3), "ex-250");

        assertThat(AuditTailCommand.format(merged)).isEqualTo("2026-11-25T10:00:00Z x 250 until"
                + " 2026-11-25T10:00:00.003Z (exchanges ex-1..ex-250) GRANTED authorize   'Graph' principal=- roles=[]"
                + " process=orders resource=node-1 route=orders exchange=ex-1 reason=access granted");
    }

    @Test
    void aMergedEntryOutsideARouteShowsDashesForTheExchanges() {
        AuditEvent merged = new AuditEvent(T0, "Graph", "get", null, null, null, Set.of(), "properties", "node-1",
                AuditOutcome.GRANTED, "access granted", 2, T0.plusSeconds(1), null);

        assertThat(AuditTailCommand.format(merged)).startsWith("2026-11-25T10:00:00Z x 2 until 2026-11-25T10:00:01Z"
                                                               + " (exchanges -..-) GRANTED get");
    }

    @Test
    void aRouteWriteIsMarkedAsAWrite() {
        AuditEvent write = AuditEvent.of(T0, "Bot", "set", "rotate", new Caller(null, Set.of(), "rotate", "node-1",
                "ex-2"), AuditOutcome.DENIED, "no write right", AccessMode.WRITE);

        assertThat(AuditTailCommand.format(write)).startsWith("2026-11-25T10:00:00Z DENIED  set (write) 'Bot'");
    }
}
