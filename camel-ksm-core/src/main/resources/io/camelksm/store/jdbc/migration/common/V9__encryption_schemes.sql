-- Encryption schemes managed in the database (issue 15): where each scheme's key is, which one writes, which are
-- retired. The existing scheme keeps its key (the server's key file), so nothing is re-encrypted on upgrade.

-- DATABASE: the data key in wrapped_key, encrypted by the key file's key (AES-256-GCM, AAD = the scheme id);
-- SERVER: a key file on each node (the original scheme: the database's key file);
-- HSM: the data key in wrapped_key, wrapped by a non-extractable key in an HSM
ALTER TABLE encryption_scheme ADD COLUMN wrapped_key VARCHAR(1024);
-- the one scheme that encrypts new values (the code keeps exactly one row true, in one transaction)
ALTER TABLE encryption_scheme ADD COLUMN is_default BOOLEAN DEFAULT FALSE NOT NULL;
-- when the scheme was retired (no longer written; its values stay readable until re-encrypted); null: in use
ALTER TABLE encryption_scheme ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;

UPDATE encryption_scheme
SET key_location = 'SERVER', algorithm = 'AES-256-GCM', name = 'aes256-gcm-file-1', is_default = TRUE
WHERE id = 'aes256-gcm-file-1';

CREATE UNIQUE INDEX ux_encryption_scheme_name ON encryption_scheme (name);
