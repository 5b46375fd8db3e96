-- Rejects UPDATE and DELETE on the audit trail (H2 runs a Java class as trigger). TRUNCATE fires no trigger in H2.
CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event
    FOR EACH ROW CALL 'io.camelksm.store.jdbc.AppendOnlyTrigger';
