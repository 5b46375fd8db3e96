package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.camelksm.credential.CredentialName;

/**
 * The rows of {@code oauth_token_generation} (PostgreSQL migration V11): how many times the triggers dropped the shared
 * tokens of a credential (a change, a revoke). A token fetched across a drop must not be stored: see
 * {@link JdbcSharedTokens}. Statements only; transactions are the caller's.
 */
final class OAuthTokenGenerations {

    /** The credential's generation now; 0 if its tokens were never dropped. */
    long read(Connection c, CredentialName credential) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT generation FROM oauth_token_generation WHERE credential_key = ?")) {
            select.setString(1, credential.key());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * Whether the credential's generation is still {@code seen}, holding a share lock on its row until the caller's
     * transaction ends. The insert of a missing row waits for a drop's uncommitted insert of it; {@code FOR SHARE}
     * waits for a drop's uncommitted update and reads what it committed. A drop that comes after waits for the
     * caller's commit (its upsert needs the row), so its delete sees what the caller stored.
     */
    boolean unchangedSince(Connection c, CredentialName credential, long seen) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO oauth_token_generation (credential_key,"
                + " generation) VALUES (?, 0) ON CONFLICT (credential_key) DO NOTHING")) {
            insert.setString(1, credential.key());
            insert.executeUpdate();
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT generation FROM oauth_token_generation WHERE credential_key = ? FOR SHARE")) {
            select.setString(1, credential.key());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && rs.getLong(1) == seen;
            }
        }
    }
}
