-- PostgreSQL's V11 adds the triggers that send change notices to the other nodes sharing the database. H2 serves one
-- process, which has nothing to tell, so H2's V11 only documents that: both vendors are at version 11.
COMMENT ON TABLE oauth_token IS 'Shared OAuth 2.0 tokens: PostgreSQL only (tokenSharing=cluster); empty on H2';
