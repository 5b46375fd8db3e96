package io.camelksm.component;

import java.nio.file.Path;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.camelksm.audit.JournalSettings;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.store.jdbc.DatabaseSettings;

/**
 * The component options of how audit events reach camel-ksm's database, and of the audit journal. Defaults come from
 * {@link KsmSettings} and {@link JournalSettings}.
 */
@UriParams
public class KsmAuditConfiguration {

    @UriParam(label = "security", enums = "journal,async,sync,summary",
              defaultValue = KsmSettings.DEFAULT_AUDIT_MODE_OPTION)
    private AuditMode auditMode = KsmSettings.DEFAULT_AUDIT_MODE;
    @UriParam(label = "security")
    private String auditJournalDirectory;
    @UriParam(label = "security", defaultValue = "false")
    private boolean auditJournalSync;
    @UriParam(label = "security,advanced", defaultValue = "" + JournalSettings.DEFAULT_MAX_SIZE)
    private long auditJournalMaxSize = JournalSettings.DEFAULT_MAX_SIZE;

    /**
     * The audit journal of auditMode=journal: auditJournalDirectory, or audit-journal next to the embedded database
     * (next to the key file when the database is elsewhere).
     */
    public JournalSettings journalSettings(KsmDatabaseConfiguration database) {
        Path dir;
        if (auditJournalDirectory != null && !auditJournalDirectory.isBlank()) {
            dir = Path.of(auditJournalDirectory.strip());
        } else if (!database.hasJdbcUrl()) {
            String home = database.getDatabaseDirectory();
            dir = (home != null ? Path.of(home) : DatabaseSettings.defaultHome()).resolve("audit-journal");
        } else {
            dir = KsmSettings.defaultJournalDirectory(database.toSettings());
        }
        return new JournalSettings(dir, auditJournalSync, auditJournalMaxSize, JournalSettings.DEFAULT_SEGMENT_SIZE);
    }

    public AuditMode getAuditMode() {
        return auditMode;
    }

    /**
     * How audit events are written when the component opens its own database. journal (default): before the request
     * goes on, its decision is appended to a journal file in auditJournalDirectory (a memory-mapped file, so the event
     * is in the operating system's page cache and survives a crash or kill of the JVM); one background thread copies
     * the journal into the database in order, and a start copies whatever a previous run left (each event once). If
     * the journal cannot record, the request is refused. sync: every request writes its audit row to the database
     * before it goes on, at the cost of a database insert per request. async: the request thread queues the event and
     * one background thread writes the queue in batches; if the JVM dies, events still queued are lost. summary: as
     * async, but the writer merges the granted reads (authorize, get) of each batch it takes off the queue (about every
     * 2 ms) that are identical in everything but time and exchange into one entry with occurrences (how many), the
     * first time and exchange, and lastTime and lastExchangeId; denied and failed decisions and every change are
     * written one by one, in order; not journaled either.
     */
    public void setAuditMode(AuditMode auditMode) {
        this.auditMode = auditMode;
    }

    public String getAuditJournalDirectory() {
        return auditJournalDirectory;
    }

    /**
     * The directory of the audit journal (auditMode=journal), created owner-only; one process at a time. Default:
     * audit-journal in databaseDirectory, or next to the key file when jdbcUrl is set.
     */
    public void setAuditJournalDirectory(String auditJournalDirectory) {
        this.auditJournalDirectory = auditJournalDirectory;
    }

    public boolean isAuditJournalSync() {
        return auditJournalSync;
    }

    /**
     * Whether each journaled audit event is forced to the storage device before the request goes on (auditMode=journal).
     * Off by default: the event is then in the operating system's page cache, which survives a crash or kill of the
     * JVM but not a power loss or a crash of the operating system. On, it survives those too, at the cost of a device
     * flush per decision.
     */
    public void setAuditJournalSync(boolean auditJournalSync) {
        this.auditJournalSync = auditJournalSync;
    }

    public long getAuditJournalMaxSize() {
        return auditJournalMaxSize;
    }

    /**
     * How many bytes of journaled audit events may wait for the database (auditMode=journal), at least 32 MiB. When the
     * database writer falls that far behind (the database is down), requests wait, and are refused after 10 s.
     */
    public void setAuditJournalMaxSize(long auditJournalMaxSize) {
        this.auditJournalMaxSize = auditJournalMaxSize;
    }
}
