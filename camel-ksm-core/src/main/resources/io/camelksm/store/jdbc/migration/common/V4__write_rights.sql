-- The write right (operation=set and setProperty) is granted apart from the read right (authorize, get). Every right
-- granted before this migration stays a read right: a route that wrote credentials needs a write grant now.
ALTER TABLE access_right ADD COLUMN access_mode VARCHAR(8) DEFAULT 'READ' NOT NULL;
ALTER TABLE access_right ADD CONSTRAINT ck_access_right_mode CHECK (access_mode IN ('READ', 'WRITE'));
ALTER TABLE access_right DROP CONSTRAINT pk_access_right;
ALTER TABLE access_right ADD CONSTRAINT pk_access_right
    PRIMARY KEY (credential_key, access_mode, dimension, granted_value);

-- A row lets routes holding the write right change the credential's non-secret parts too (token URL, client id,
-- audience, ...); without one they may change only its secret values. Set by an administrator (ksm-admin) only.
CREATE TABLE route_metadata_write (
    credential_key VARCHAR(512) NOT NULL,
    allowed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_route_metadata_write PRIMARY KEY (credential_key)
);

-- The right a route's request was checked against: READ, WRITE, or NULL (administration, and rows written before).
-- Adding a column is DDL: the append-only triggers (UPDATE, DELETE, TRUNCATE) are not involved.
ALTER TABLE audit_event ADD COLUMN access_mode VARCHAR(8);
ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_access_mode
    CHECK (access_mode IS NULL OR access_mode IN ('READ', 'WRITE'));
