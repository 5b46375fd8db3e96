-- What each node last ran stays visible: a node marks its rows stopped when it stops a route or closes (NULL while
-- the route runs) instead of deleting them, so ksm-admin sees them on an embedded H2 file too (which it can open
-- only while the integration is stopped). A node deletes its own stopped rows when it starts again, then its routes
-- register anew. A node that crashed leaves its rows running, with the time it registered them.
ALTER TABLE credential_reference ADD COLUMN stopped_at TIMESTAMP WITH TIME ZONE;

-- a starting node deletes its stopped rows
CREATE INDEX ix_credential_reference_node ON credential_reference (node);
