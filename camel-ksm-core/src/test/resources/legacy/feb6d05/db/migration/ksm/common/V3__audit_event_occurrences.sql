-- auditMode=summary: one audit row may stand for several identical granted reads that were written together.
-- occurrences counts them (1 for every row written before, and for every single decision); last_time and
-- last_exchange_id are those of the last one (event_time and exchange_id stay those of the first), NULL for a single
-- decision. Adding columns is DDL: the append-only triggers (UPDATE, DELETE, TRUNCATE) are not involved.
ALTER TABLE audit_event ADD COLUMN occurrences INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE audit_event ADD COLUMN last_time TIMESTAMP WITH TIME ZONE;
ALTER TABLE audit_event ADD COLUMN last_exchange_id VARCHAR(512);
ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_occurrences CHECK (occurrences >= 1);
-- as AuditEvent requires: a single decision has no last time or exchange
ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_single
    CHECK (occurrences > 1 OR (last_time IS NULL AND last_exchange_id IS NULL));
