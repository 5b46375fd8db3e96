-- Change notices (issue 16): every write to credentials, access rights and encryption schemes sends a NOTIFY on
-- channel camel_ksm when it commits, whoever wrote it (a node, ksm-admin, a SQL tool), so that the nodes sharing this
-- database drop what they cached at once. The payload is ChangeNotice.payload:
-- <kind>|<length of schema>|<schema>|<credential name key> (empty name for schemes).
-- The functions run as the schema's owner (SECURITY DEFINER): an application role granted only the tables it writes
-- (ksm-component.adoc, "restricted role") needs no right on oauth_token. So their search_path is pg_catalog alone and
-- every table is qualified with TG_TABLE_SCHEMA (a writer's search_path may be another schema anyway).
-- The triggers also drop the shared OAuth 2.0 tokens (tokenSharing=cluster) that a change makes unusable: those of a
-- changed or deleted credential, of a revoked right, and those encrypted with a retired or deleted scheme.

-- A token fetch in flight across such a change must not store its token after the change dropped the stored ones (the
-- fetch was granted before the change and inserts its row when the authorization server answers). So every drop first
-- counts a generation of the credential, then deletes: a node stores a fetched token only if the generation it read
-- when its request started is still the one it reads, under a share lock, in the storing transaction
-- (JdbcSharedTokens).
-- A drop that comes first makes that read wait for its commit and see the new generation; a drop that comes later
-- waits on the share lock until the token is committed, and its DELETE (a new statement, so a new snapshot under READ
-- COMMITTED) then deletes it.
CREATE TABLE oauth_token_generation (
    credential_key VARCHAR(512) NOT NULL,
    generation     BIGINT       NOT NULL,
    CONSTRAINT pk_oauth_token_generation PRIMARY KEY (credential_key)
);

-- Called by the trigger functions below (so as the schema's owner; qualified, as their search_path is pg_catalog); the
-- order of its two statements matters (above).
CREATE FUNCTION ksm_drop_tokens(schema_name TEXT, cred_key TEXT) RETURNS void LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    EXECUTE format('INSERT INTO %I.oauth_token_generation AS g (credential_key, generation) VALUES ($1, 1)'
                   ' ON CONFLICT (credential_key) DO UPDATE SET generation = g.generation + 1', schema_name)
        USING cred_key;
    EXECUTE format('DELETE FROM %I.oauth_token WHERE credential_key = $1', schema_name) USING cred_key;
END
$$;

REVOKE EXECUTE ON FUNCTION ksm_drop_tokens(TEXT, TEXT) FROM PUBLIC;

CREATE FUNCTION ksm_credential_changed() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('camel_ksm', 'credential|' || length(TG_TABLE_SCHEMA) || '|' || TG_TABLE_SCHEMA || '|'
                                       || OLD.name_key);
        EXECUTE format('SELECT %I.ksm_drop_tokens($1, $2)', TG_TABLE_SCHEMA) USING TG_TABLE_SCHEMA, OLD.name_key;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM pg_notify('camel_ksm', 'credential|' || length(TG_TABLE_SCHEMA) || '|' || TG_TABLE_SCHEMA || '|'
                                       || NEW.name_key);
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW.name_key <> OLD.name_key THEN
            PERFORM pg_notify('camel_ksm', 'credential|' || length(TG_TABLE_SCHEMA) || '|' || TG_TABLE_SCHEMA || '|'
                                           || NEW.name_key);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER credential_change_notice AFTER INSERT OR UPDATE OR DELETE ON credential
    FOR EACH ROW EXECUTE FUNCTION ksm_credential_changed();

-- access_right and route_metadata_write: both keyed by credential_key
CREATE FUNCTION ksm_rights_changed() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('camel_ksm', 'rights|' || length(TG_TABLE_SCHEMA) || '|' || TG_TABLE_SCHEMA || '|'
                                       || OLD.credential_key);
        IF TG_TABLE_NAME = 'access_right' THEN
            -- a revoked (or changed) right: tokens fetched under it must not be served from the shared table
            EXECUTE format('SELECT %I.ksm_drop_tokens($1, $2)', TG_TABLE_SCHEMA)
                USING TG_TABLE_SCHEMA, OLD.credential_key;
        END IF;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM pg_notify('camel_ksm', 'rights|' || length(TG_TABLE_SCHEMA) || '|' || TG_TABLE_SCHEMA || '|'
                                       || NEW.credential_key);
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW.credential_key <> OLD.credential_key THEN
            PERFORM pg_notify('camel_ksm', 'rights|' || length(TG_TABLE_SCHEMA) || '|' || TG_TABLE_SCHEMA || '|'
                                           || NEW.credential_key);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER access_right_change_notice AFTER INSERT OR UPDATE OR DELETE ON access_right
    FOR EACH ROW EXECUTE FUNCTION ksm_rights_changed();

CREATE TRIGGER route_metadata_write_change_notice AFTER INSERT OR UPDATE OR DELETE ON route_metadata_write
    FOR EACH ROW EXECUTE FUNCTION ksm_rights_changed();

CREATE FUNCTION ksm_schemes_changed() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_notify('camel_ksm', 'schemes|' || length(TG_TABLE_SCHEMA) || '|' || TG_TABLE_SCHEMA || '|');
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.retired_at IS NOT NULL AND OLD.retired_at IS NULL) THEN
        EXECUTE format('DELETE FROM %I.oauth_token WHERE scheme_id = $1', TG_TABLE_SCHEMA) USING OLD.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER encryption_scheme_change_notice AFTER INSERT OR UPDATE OR DELETE ON encryption_scheme
    FOR EACH ROW EXECUTE FUNCTION ksm_schemes_changed();
