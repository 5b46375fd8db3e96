package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;

/** Every AuditEvent field has its column, so it is stored and covered by the chain's MAC. */
class AuditColumnsTest {

    private static final AuditEvent MERGED = new AuditEvent(Instant.parse("2025-01-02T03:04:05.678901Z"), "Api",
            "authorize", "route-1", "ex-1", "alice", Set.of("ops", "a,b\\c"), "proc", "node", AuditOutcome.GRANTED,
            "granted", 3, Instant.parse("2025-01-02T03:04:06.5Z"), "ex-3");

    @Test
    void everyAuditEventFieldHasAColumnAndRoundTrips() {
        assertThat(AuditColumns.EVENT_COLUMNS).isEqualTo(AuditEvent.class.getRecordComponents().length);
        assertThat(AuditColumns.event(AuditColumns.values(MERGED, Instant.EPOCH))).isEqualTo(MERGED);
    }

    @Test
    void everyFieldChangesTheMac() {
        try (AuditMac mac = AuditMac.fromFileKey(new byte[32])) {
            Object[] values = AuditColumns.values(MERGED, Instant.EPOCH, "journal-1", 7);
            byte[] reference = mac.mac(AuditMac.GENESIS, 1, values);
            for (int i = 0; i < values.length; i++) {
                Object[] changed = values.clone();
                changed[i] = values[i] instanceof Instant t ? t.plusNanos(1_000) : values[i] instanceof Integer n
                        ? n + 1 : values[i] instanceof Long l ? l + 1 : values[i] + "x";
                assertThat(mac.mac(AuditMac.GENESIS, 1, changed)).as(AuditColumns.ALL.get(i).name())
                        .isNotEqualTo(reference);
            }
            assertThat(mac.mac(AuditMac.GENESIS, 2, values)).isNotEqualTo(reference);
            assertThat(mac.mac(reference, 1, values)).isNotEqualTo(reference);
        }
    }

    @Test
    void aClosedKeyMacsNothing() {
        AuditMac mac = AuditMac.fromFileKey(new byte[32]);
        mac.close();

        assertThatThrownBy(() -> mac.calculator()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wiped");
        assertThat(mac.toString()).doesNotContain("0000");
    }
}
