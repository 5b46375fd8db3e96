-- auditMode=journal: every decision is first appended to a journal file, then copied into this table by a background
-- writer, and copied again after a crash (replay). journal_id and journal_seq are the event's key in the journal; the
-- writer skips what is already here, and the unique index makes a second insert of the same event fail rather than
-- count it twice. NULL for rows written by the other modes (auditMode=sync, async, summary) and by the CLI.
-- IF NOT EXISTS: safe to run again if a process died after the change but before its history row was written.
ALTER TABLE audit_event ADD COLUMN IF NOT EXISTS journal_id VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN IF NOT EXISTS journal_seq BIGINT;
CREATE UNIQUE INDEX IF NOT EXISTS uk_audit_event_journal ON audit_event (journal_id, journal_seq);
