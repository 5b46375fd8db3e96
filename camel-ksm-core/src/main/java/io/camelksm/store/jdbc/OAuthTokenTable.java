package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

import io.camelksm.auth.oauth2.AccessToken;
import io.camelksm.auth.oauth2.SharedTokenKey;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.EncryptedValue;
import io.camelksm.crypto.SecretCipher;
import io.camelksm.crypto.SecretLocation;

/**
 * The rows of {@code oauth_token}: one shared access token per token key, its value encrypted with the default scheme
 * of the moment and bound to the credential and the token key ({@link SecretLocation#oauthToken}), so a row copied to
 * another key does not decrypt. Statements only; transactions and locks are the caller's.
 */
final class OAuthTokenTable {

    private final SecretCipher cipher;

    OAuthTokenTable(SecretCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** A stored token and the node that fetched it. */
    record Stored(AccessToken token, String fetchedBy) {
    }

    /** The stored token of the key, decrypted; empty if there is none. */
    Optional<Stored> read(Connection c, SharedTokenKey key, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT scheme_id, ciphertext, scope, issued_at, expires_at,"
                + " fetched_by FROM oauth_token WHERE token_key = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, key.id());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Secret value = cipher.decrypt(location(key),
                        EncryptedValue.of(rs.getString("scheme_id"), rs.getString("ciphertext")));
                return Optional.of(new Stored(new AccessToken(value, Jdbc.getInstant(rs, "issued_at"),
                        Jdbc.getInstant(rs, "expires_at"), rs.getString("scope")), rs.getString("fetched_by")));
            }
        }
    }

    /** Stores the token as the key's, replacing what was there; the instants are kept to the microsecond. */
    void store(Connection c, SharedTokenKey key, AccessToken token, String fetchedBy) throws SQLException {
        EncryptedValue encrypted = cipher.encrypt(location(key), token.value());
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO oauth_token (token_key, credential_key,"
                + " scheme_id, ciphertext, token_type, scope, issued_at, expires_at, fetched_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token_key) DO UPDATE SET"
                + " credential_key = EXCLUDED.credential_key, scheme_id = EXCLUDED.scheme_id,"
                + " ciphertext = EXCLUDED.ciphertext, token_type = EXCLUDED.token_type, scope = EXCLUDED.scope,"
                + " issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at,"
                + " fetched_by = EXCLUDED.fetched_by")) {
            upsert.setString(1, key.id());
            upsert.setString(2, key.credential().key());
            upsert.setString(3, encrypted.schemeId());
            upsert.setString(4, encrypted.payloadBase64());
            upsert.setString(5, token.tokenType());
            upsert.setString(6, token.scope().orElse(null));
            Jdbc.setInstant(upsert, 7, token.issuedAt());
            Jdbc.setInstant(upsert, 8, token.expiresAt());
            upsert.setString(9, fetchedBy);
            upsert.executeUpdate();
        }
    }

    /**
     * Deletes the key's row if it still holds this token (same value, compared in constant time, and same lifetime):
     * a successor another node stored meanwhile stays.
     *
     * @return whether the row was deleted
     */
    boolean deleteIfHolds(Connection c, SharedTokenKey key, AccessToken token) throws SQLException {
        Optional<Stored> stored = read(c, key, true);
        if (stored.isEmpty()) {
            return false;
        }
        boolean same = sameToken(stored.get().token(), token);
        stored.get().token().value().destroy(); // our decrypted copy, only compared
        if (!same) {
            return false;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM oauth_token WHERE token_key = ?")) {
            delete.setString(1, key.id());
            return delete.executeUpdate() > 0;
        }
    }

    private static boolean sameToken(AccessToken stored, AccessToken token) {
        if (!stored.issuedAt().equals(Jdbc.micros(token.issuedAt()))
            || !stored.expiresAt().equals(Jdbc.micros(token.expiresAt()))) {
            return false;
        }
        return stored.value().matches(token.value());
    }

    private static SecretLocation location(SharedTokenKey key) {
        return SecretLocation.oauthToken(key.credential(), key.id());
    }
}
