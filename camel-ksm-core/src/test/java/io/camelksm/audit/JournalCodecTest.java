package io.camelksm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.camelksm.access.AccessMode;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;

/** What goes through the journal comes out whole: every AuditEvent field, the right checked included. */
class JournalCodecTest {

    @Test
    void everyFieldOfAMergedWriteDecisionRoundTrips() {
        AuditEvent write = new AuditEvent(Instant.parse("2026-12-06T10:00:00.123456789Z"), "Bot01", "set", "rotate",
                "ex-1", "alice", Set.of("ops", "bots"), "rotate", "node-1", AuditOutcome.DENIED, "no write right", 3,
                Instant.parse("2026-12-06T10:00:01Z"), "ex-3", AccessMode.WRITE);

        assertThat(roundTrip(write)).isEqualTo(write);
        // a test that fails when AuditEvent gains a field the codec does not know about
        assertThat(AuditEvent.class.getRecordComponents()).hasSize(15);
    }

    @Test
    void aReadAndAnAdministratorsActionKeepTheirAccess() {
        AuditEvent read = new AuditEvent(Instant.EPOCH, "Api", "authorize", "r", "ex", null, Set.of(), "r", "n",
                AuditOutcome.GRANTED, "access granted", 1, null, null, AccessMode.READ);
        AuditEvent admin = new AuditEvent(Instant.EPOCH, "Api", "grant", null, null, "root", Set.of(), "ksm-admin",
                "n", AuditOutcome.GRANTED, "granted", 1, null, null, null);

        assertThat(roundTrip(read).access()).isEqualTo(AccessMode.READ);
        assertThat(roundTrip(admin).access()).isNull();
    }

    private static AuditEvent roundTrip(AuditEvent e) {
        ByteBuffer buffer = ByteBuffer.allocate(JournalCodec.maxSize(e));
        JournalCodec.encode(e, buffer);
        buffer.flip();
        AuditEvent decoded = JournalCodec.decode(buffer);
        assertThat(buffer.hasRemaining()).as("nothing left over").isFalse();
        return decoded;
    }

    @Test
    void manyRolesAreKeptWholeUpToWhatTheDatabaseKeeps() {
        // Set.copyOf iterates in an order that changes from JVM to JVM: whatever the order, no role is cut
        java.util.Set<String> roles = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            roles.add("role-" + i);
        }
        for (int run = 0; run < 20; run++) {
            java.util.List<String> shuffled = new java.util.ArrayList<>(roles);
            java.util.Collections.shuffle(shuffled);
            AuditEvent e = new AuditEvent(Instant.EPOCH, "Api", "authorize", "r", "ex", null,
                    new java.util.LinkedHashSet<>(shuffled), "r", "n", AuditOutcome.GRANTED, "granted", 1, null, null,
                    AccessMode.READ);

            Set<String> kept = roundTrip(e).roles();

            assertThat(kept).isNotEmpty().isSubsetOf(roles);
            assertThat(String.join(",", kept).length()).isLessThanOrEqualTo(JournalCodec.MAX_ROLES);
        }
    }
}
