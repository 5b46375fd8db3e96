-- Tamper evidence for the audit trail. Every row camel-ksm appends from now on carries chain_seq (1, 2, 3, ...) and
-- chain_mac: HMAC-SHA256, under a key derived from the key file (never stored here), over the row's columns, its
-- sequence number and the previous row's MAC. Rows written before this migration keep NULL in both: the chain starts
-- after them, and `ksm-admin audit verify` reports them as unchained legacy rows.
ALTER TABLE audit_event ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_event ADD COLUMN chain_mac VARCHAR(64);
ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_chain
    CHECK ((chain_seq IS NULL AND chain_mac IS NULL) OR (chain_seq >= 1 AND chain_mac IS NOT NULL));
-- a second writer that somehow missed the head lock fails here rather than forking the chain
CREATE UNIQUE INDEX ux_audit_event_chain_seq ON audit_event (chain_seq);

-- The newest chained row's sequence number and MAC. Appending locks this one row (SELECT ... FOR UPDATE), so writers
-- in several threads or on several nodes take turns and the chain never forks. The application updates it; it proves
-- nothing by itself (verify recomputes every MAC) but lets verify notice newest rows deleted without updating it.
CREATE TABLE audit_chain_head (
    id       INTEGER NOT NULL,
    last_seq BIGINT  NOT NULL,
    last_mac VARCHAR(64),
    CONSTRAINT pk_audit_chain_head PRIMARY KEY (id),
    CONSTRAINT ck_audit_chain_head_single CHECK (id = 1)
);

INSERT INTO audit_chain_head (id, last_seq, last_mac) VALUES (1, 0, NULL);
