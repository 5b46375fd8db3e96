package io.camelksm.runtime;

import java.time.Instant;
import java.util.Optional;

import io.camelksm.audit.AsyncAuditTrail;
import io.camelksm.audit.AuditHealth;
import io.camelksm.audit.AuditTrail;
import io.camelksm.audit.JournalAuditTrail;
import io.camelksm.audit.Slf4jAuditTrail;
import io.camelksm.store.jdbc.KsmDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit writer the settings ask for, in front of the database's audit table; closing flushes and stops it. */
final class OpenedAudit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenedAudit.class);

    private final AuditMode mode;
    private final AuditTrail trail;
    private final AsyncAuditTrail async;
    private final JournalAuditTrail journal;

    private OpenedAudit(AuditMode mode, AuditTrail trail, AsyncAuditTrail async, JournalAuditTrail journal) {
        this.mode = mode;
        this.trail = trail;
        this.async = async;
        this.journal = journal;
    }

    static OpenedAudit open(KsmSettings settings, KsmDatabase database) {
        if (settings.auditTrail() != null) {
            return new OpenedAudit(null, settings.auditTrail(), null, null); // the caller's own: not closed here
        }
        AuditTrail logged = new Slf4jAuditTrail(database.auditTrail());
        return switch (settings.auditMode()) {
            case JOURNAL -> {
                JournalAuditTrail j = JournalAuditTrail.open(settings.journal(), database.auditTrail(),
                        Slf4jAuditTrail::log);
                LOG.info("Audit events are journaled in {} before each request goes on (sync per event: {})",
                        settings.journal().directory(), settings.journal().sync());
                yield new OpenedAudit(AuditMode.JOURNAL, j, null, j);
            }
            case ASYNC -> {
                AsyncAuditTrail a = new AsyncAuditTrail(logged);
                yield new OpenedAudit(AuditMode.ASYNC, a, a, null);
            }
            case SUMMARY -> {
                AsyncAuditTrail a = AsyncAuditTrail.summarizing(logged);
                yield new OpenedAudit(AuditMode.SUMMARY, a, a, null);
            }
            case SYNC -> new OpenedAudit(AuditMode.SYNC, logged, null, null);
        };
    }

    AuditTrail trail() {
        return trail;
    }

    /** UP, DEGRADED (journal records, database writer failing or behind) or DOWN (nothing can record). */
    AuditHealth health() {
        if (journal != null) {
            return journal.health();
        }
        if (async != null) {
            return new AuditHealth(AuditHealth.State.UP, "auditMode=" + mode.option() + " (not journaled)",
                    async.queued());
        }
        return AuditHealth.up(mode == null ? "audit trail given" : "auditMode=" + mode.option());
    }

    /** When the oldest event the writer is still putting into the database was recorded; empty when none waits. */
    Optional<Instant> oldestUnwritten() {
        if (journal != null) {
            return journal.oldestUnwritten();
        }
        return async != null ? async.oldestUnwritten() : Optional.empty();
    }

    @Override
    public void close() {
        if (async != null) {
            async.close();
        }
        if (journal != null) {
            journal.close();
        }
    }
}
