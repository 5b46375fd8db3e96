package io.camelksm.springboot;

import io.camelksm.component.KsmAuditConfiguration;
import io.camelksm.runtime.AuditMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit writer and its journal, as the component keeps them in {@link KsmAuditConfiguration}. One of the classes
 * that bind the flat {@code camel.component.ksm} prefix, one per option group of the component (see
 * {@link KsmComponentConfiguration}).
 */
@ConfigurationProperties(prefix = "camel.component.ksm")
public class KsmAuditProperties {

    /**
     * The options of the audit writer and journal. The option is a
     * io.camelksm.component.KsmAuditConfiguration type.
     */
    private KsmAuditConfiguration auditConfiguration;
    /**
     * The directory of the audit journal (auditMode=journal), created owner-only;
     * one process at a time. Default: audit-journal in databaseDirectory, or next
     * to the key file when jdbcUrl is set.
     */
    private String auditJournalDirectory;
    /**
     * Whether each journaled audit event is forced to the storage device before
     * the request goes on (auditMode=journal). Off by default: the event is then
     * in the operating system's page cache, which survives a crash or kill of the
     * JVM but not a power loss or a crash of the operating system. On, it survives
     * those too, at the cost of a device flush per decision.
     */
    private Boolean auditJournalSync = false;
    /**
     * How audit events are written when the component opens its own database.
     * journal (default): before the request goes on, its decision is appended to a
     * journal file in auditJournalDirectory (a memory-mapped file, so the event is
     * in the operating system's page cache and survives a crash or kill of the
     * JVM); one background thread copies the journal into the database in order,
     * and a start copies whatever a previous run left (each event once). If the
     * journal cannot record, the request is refused. sync: every request writes
     * its audit row to the database before it goes on, at the cost of a database
     * insert per request. async: the request thread queues the event and one
     * background thread writes the queue in batches; if the JVM dies, events still
     * queued are lost. summary: as async, but the writer merges the granted reads
     * (authorize, get) of each batch it takes off the queue (about every 2 ms)
     * that are identical in everything but time and exchange into one entry with
     * occurrences (how many), the first time and exchange, and lastTime and
     * lastExchangeId; denied and failed decisions and every change are written one
     * by one, in order; not journaled either.
     */
    private AuditMode auditMode = AuditMode.JOURNAL;
    /**
     * How many bytes of journaled audit events may wait for the database
     * (auditMode=journal), at least 32 MiB. When the database writer falls that
     * far behind (the database is down), requests wait, and are refused after 10
     * s.
     */
    private Long auditJournalMaxSize = 1073741824L;

    public KsmAuditConfiguration getAuditConfiguration() {
        return auditConfiguration;
    }

    public void setAuditConfiguration(KsmAuditConfiguration auditConfiguration) {
        this.auditConfiguration = auditConfiguration;
    }

    public String getAuditJournalDirectory() {
        return auditJournalDirectory;
    }

    public void setAuditJournalDirectory(String auditJournalDirectory) {
        this.auditJournalDirectory = auditJournalDirectory;
    }

    public Boolean getAuditJournalSync() {
        return auditJournalSync;
    }

    public void setAuditJournalSync(Boolean auditJournalSync) {
        this.auditJournalSync = auditJournalSync;
    }

    public AuditMode getAuditMode() {
        return auditMode;
    }

    public void setAuditMode(AuditMode auditMode) {
        this.auditMode = auditMode;
    }

    public Long getAuditJournalMaxSize() {
        return auditJournalMaxSize;
    }

    public void setAuditJournalMaxSize(Long auditJournalMaxSize) {
        this.auditJournalMaxSize = auditJournalMaxSize;
    }
}
