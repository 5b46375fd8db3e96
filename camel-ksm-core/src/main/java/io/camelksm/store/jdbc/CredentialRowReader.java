package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.camelksm.KsmException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.EncryptedValue;
import io.camelksm.crypto.SecretCipher;
import io.camelksm.crypto.SecretLocation;

/**
 * Reads one credential of the {@link JdbcCredentialStore}: its row, fields and properties as stored, checked against
 * a concurrent write, then decrypted into a {@link Credential}.
 */
final class CredentialRowReader {

    private final SecretCipher cipher;

    CredentialRowReader(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** A field or property as stored: plain text, or encrypted with its scheme id. */
    private record StoredValue(String name, boolean secret, String plain, EncryptedValue encrypted) {
    }

    /** A credential as stored, its values still encrypted. */
    record StoredCredential(String name, String type, String description, Instant expiresAt, Instant invalidSince,
                            long version, Instant updatedAt, List<StoredValue> fields, List<StoredValue> properties) {
    }

    /**
     * Reads the row, its fields and properties, then the version again: if it moved, a write committed in between
     * and the read is repeated (empty outer Optional). Works alike on every database and isolation level.
     */
    Optional<Optional<StoredCredential>> readConsistent(Connection c, CredentialName name) throws SQLException {
        long id;
        StoredCredential row;
        try (PreparedStatement select = c.prepareStatement("SELECT id, name, credential_type, description, expires_at,"
                + " invalid_since, version, updated_at FROM credential WHERE name_key = ?")) {
            select.setString(1, name.key());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.of(Optional.empty());
                }
                id = rs.getLong("id");
                row = new StoredCredential(rs.getString("name"), rs.getString("credential_type"),
                        rs.getString("description"), Jdbc.getInstant(rs, "expires_at"),
                        Jdbc.getInstant(rs, "invalid_since"), rs.getLong("version"), Jdbc.getInstant(rs, "updated_at"),
                        new ArrayList<>(), new ArrayList<>());
            }
        }
        try (PreparedStatement select = c.prepareStatement("SELECT field_name, plain_value, scheme_id, ciphertext"
                + " FROM credential_field WHERE credential_id = ? ORDER BY field_name")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    row.fields().add(storedValue(rs, rs.getString("field_name"), false));
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement("SELECT property_name, secret, plain_value, scheme_id,"
                + " ciphertext FROM credential_property WHERE credential_id = ? ORDER BY sort_order")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    row.properties().add(storedValue(rs, rs.getString("property_name"), rs.getBoolean("secret")));
                }
            }
        }
        Long versionNow = currentVersion(c, name);
        return versionNow != null && versionNow == row.version() ? Optional.of(Optional.of(row)) : Optional.empty();
    }

    private static StoredValue storedValue(ResultSet rs, String name, boolean secret) throws SQLException {
        String ciphertext = rs.getString("ciphertext");
        return ciphertext == null
                ? new StoredValue(name, secret, rs.getString("plain_value"), null)
                : new StoredValue(name, secret, null, EncryptedValue.of(rs.getString("scheme_id"), ciphertext));
    }

    Credential toCredential(StoredCredential row) {
        CredentialName name = CredentialName.of(row.name());
        CredentialType type;
        try {
            type = CredentialType.valueOf(row.type());
        } catch (IllegalArgumentException e) {
            throw new KsmException("Credential '" + name + "' has type '" + row.type()
                                   + "', which this version of camel-ksm does not know");
        }
        Credential.Builder builder = Credential.builder(name, type)
                .description(row.description())
                .expiresAt(row.expiresAt())
                .invalidSince(row.invalidSince())
                .version(row.version())
                .updatedAt(row.updatedAt());
        List<Secret> decrypted = new ArrayList<>();
        try {
            for (StoredValue stored : row.fields()) {
                CredentialField field = CredentialField.byName(stored.name())
                        .orElseThrow(() -> new KsmException("Credential '" + name + "' has a field '" + stored.name()
                                                            + "', which this version of camel-ksm does not know"));
                Secret value = reveal(stored, SecretLocation.field(name, field), decrypted);
                if (field.isSecret()) {
                    builder.secret(field, value);
                } else {
                    builder.field(field, value.reveal());
                }
            }
            for (StoredValue stored : row.properties()) {
                Secret value = reveal(stored, SecretLocation.property(name, stored.name()), decrypted);
                builder.property(new CredentialProperty(stored.name(), value, stored.secret()));
            }
            return builder.build();
        } catch (RuntimeException e) {
            decrypted.forEach(Secret::destroy);
            throw e;
        }
    }

    private Secret reveal(StoredValue stored, SecretLocation where, List<Secret> decrypted) {
        Secret value = stored.encrypted() == null
                ? Secret.of(stored.plain())
                : cipher.decrypt(where, stored.encrypted());
        decrypted.add(value);
        return value;
    }

    /** The credential's version now, or null when it does not exist. */
    static Long currentVersion(Connection c, CredentialName name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT version FROM credential WHERE name_key = ?")) {
            select.setString(1, name.key());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
