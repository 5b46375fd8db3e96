-- OAuth 2.0 access tokens shared by the nodes of a cluster (tokenSharing=cluster, PostgreSQL only; the table stays
-- empty on H2). One row per token key: the credential, the fingerprint of its secrets under a key derived from the
-- database's key file (the same on every node), and every grant parameter. The token itself is encrypted under the
-- default encryption scheme when it was stored, bound to its token key.
CREATE TABLE oauth_token (
    -- hex SHA-256 of the token cache key (never a secret: the fingerprint is an HMAC)
    token_key      VARCHAR(64)    NOT NULL,
    credential_key VARCHAR(512)   NOT NULL,
    scheme_id      VARCHAR(64)    NOT NULL,
    ciphertext     VARCHAR(100000) NOT NULL,
    token_type     VARCHAR(64)    NOT NULL,
    scope          VARCHAR(4000),
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the node that fetched it (KsmSettings.nodeName)
    fetched_by     VARCHAR(256)   NOT NULL,
    CONSTRAINT pk_oauth_token PRIMARY KEY (token_key)
);

CREATE INDEX ix_oauth_token_credential ON oauth_token (credential_key);
CREATE INDEX ix_oauth_token_scheme ON oauth_token (scheme_id);
