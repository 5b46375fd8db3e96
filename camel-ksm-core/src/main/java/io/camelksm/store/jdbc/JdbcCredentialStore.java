package io.camelksm.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.camelksm.KsmException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.DuplicateCredentialException;
import io.camelksm.credential.Secret;
import io.camelksm.credential.StaleCredentialException;
import io.camelksm.crypto.EncryptedValue;
import io.camelksm.crypto.SecretCipher;
import io.camelksm.crypto.SecretLocation;

/**
 * Credentials in camel-ksm's database: one {@code credential} row with its fields and custom properties. Secret fields
 * and secret properties are encrypted (each with the id of the scheme that wrote it), plain ones are kept as text.
 * Names are unique case-insensitively; every write of a credential is one transaction guarded by its version
 * (optimistic locking), so a concurrent change fails instead of being lost.
 */
public final class JdbcCredentialStore implements CredentialStore {

    /** The longest value (UTF-8 bytes) of one field or property; a PEM private key is a few kilobytes. */
    public static final int MAX_VALUE_BYTES = 65_536;
    public static final int MAX_DESCRIPTION_LENGTH = 4000;

    private static final int READ_ATTEMPTS = 5;

    private final Jdbc jdbc;
    private final SecretCipher cipher;
    private final Clock clock;

    public JdbcCredentialStore(DataSource dataSource, SecretCipher cipher, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---------------------------------------------------------------- reading

    /** A field or property as stored: plain text, or encrypted with its scheme id. */
    private record StoredValue(String name, boolean secret, String plain, EncryptedValue encrypted) {
    }

    private record StoredCredential(String name, String type, String description, Instant expiresAt,
                                    Instant invalidSince, long version, Instant updatedAt, List<StoredValue> fields,
                                    List<StoredValue> properties) {
    }

    @Override
    public Optional<Credential> find(CredentialName name) {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            Optional<Optional<StoredCredential>> read;
            try {
                read = jdbc.withConnection(c -> readConsistent(c, name));
            } catch (SQLException e) {
                throw Jdbc.failure("reading credential '" + name + "'", e);
            }
            if (read.isPresent()) {
                return read.get().map(this::toCredential);
            }
        }
        throw new KsmException("Credential '" + name + "' kept changing while it was read; try again");
    }

    /**
     * Reads the row, its fields and properties, then the version again: if it moved, a write committed in between
     * and the read is repeated (empty outer Optional). Works alike on every database and isolation level.
     */
    private Optional<Optional<StoredCredential>> readConsistent(Connection c, CredentialName name)
            throws SQLException {
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

    private Credential toCredential(StoredCredential row) {
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

    @Override
    public List<CredentialName> names() {
        List<CredentialName> names = new ArrayList<>();
        try {
            jdbc.withConnection(c -> {
                try (PreparedStatement select = c.prepareStatement("SELECT name FROM credential");
                     ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        names.add(CredentialName.of(rs.getString("name")));
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("listing credentials", e);
        }
        names.sort(null); // by CredentialName's own order, whatever the database's collation
        return names;
    }

    // ---------------------------------------------------------------- writing

    /** A field or property ready to be written: encrypted already, so no secret reaches the database. */
    private record PreparedValue(String name, boolean secret, String plain, EncryptedValue encrypted) {
    }

    private record PreparedCredential(List<PreparedValue> fields, List<PreparedValue> properties) {
    }

    @Override
    public Credential create(Credential credential) {
        CredentialName name = credential.name();
        PreparedCredential values = prepare(credential);
        Instant now = Jdbc.micros(clock.instant());
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO credential (name, name_key,"
                        + " credential_type, description, expires_at, invalid_since, version, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
                    insert.setString(1, name.value());
                    insert.setString(2, name.key());
                    insert.setString(3, credential.type().name());
                    insert.setString(4, credential.description());
                    Jdbc.setInstant(insert, 5, credential.expiresAt().orElse(null));
                    Jdbc.setInstant(insert, 6, credential.invalidSince().orElse(null));
                    Jdbc.setInstant(insert, 7, now);
                    Jdbc.setInstant(insert, 8, now);
                    insert.executeUpdate();
                }
                insertValues(c, idOf(c, name), values);
                return null;
            });
        } catch (SQLException e) {
            // the unique index decides a race between two creators; its error differs between databases
            if (Jdbc.isUniqueViolation(e) || existsQuietly(name)) {
                throw new DuplicateCredentialException(name);
            }
            throw Jdbc.failure("creating credential '" + name + "'", e);
        }
        return stored(credential, 1, now);
    }

    @Override
    public Credential update(Credential credential) {
        CredentialName name = credential.name();
        PreparedCredential values = prepare(credential);
        Instant now = Jdbc.micros(clock.instant());
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE credential SET name = ?,"
                        + " credential_type = ?, description = ?, expires_at = ?, invalid_since = ?,"
                        + " version = version + 1, updated_at = ? WHERE name_key = ? AND version = ?")) {
                    update.setString(1, name.value());
                    update.setString(2, credential.type().name());
                    update.setString(3, credential.description());
                    Jdbc.setInstant(update, 4, credential.expiresAt().orElse(null));
                    Jdbc.setInstant(update, 5, credential.invalidSince().orElse(null));
                    Jdbc.setInstant(update, 6, now);
                    update.setString(7, name.key());
                    update.setLong(8, credential.version());
                    if (update.executeUpdate() == 0) {
                        throw notUpdated(credential, currentVersion(c, name));
                    }
                }
                long id = idOf(c, name);
                for (String table : List.of("credential_field", "credential_property")) {
                    try (PreparedStatement delete = c.prepareStatement(
                            "DELETE FROM " + table + " WHERE credential_id = ?")) {
                        delete.setLong(1, id);
                        delete.executeUpdate();
                    }
                }
                insertValues(c, id, values);
                return null;
            });
        } catch (SQLException e) {
            if (Jdbc.isConcurrencyConflict(e)) {
                throw notUpdated(credential, currentVersionQuietly(name));
            }
            throw Jdbc.failure("updating credential '" + name + "'", e);
        }
        return stored(credential, credential.version() + 1, now);
    }

    private static RuntimeException notUpdated(Credential credential, Long actualVersion) {
        if (actualVersion == null && credential.version() == 0) {
            return new CredentialNotFoundException(credential.name());
        }
        return new StaleCredentialException(credential.name(), credential.version(), actualVersion);
    }

    @Override
    public boolean delete(CredentialName name) {
        try {
            return jdbc.withConnection(c -> {
                // fields and properties go with the row (ON DELETE CASCADE)
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM credential WHERE name_key = ?")) {
                    delete.setString(1, name.key());
                    return delete.executeUpdate() > 0;
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("deleting credential '" + name + "'", e);
        }
    }

    private PreparedCredential prepare(Credential credential) {
        CredentialName name = credential.name();
        if (credential.description().length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("The description of credential '" + name + "' is longer than "
                                               + MAX_DESCRIPTION_LENGTH + " characters");
        }
        List<PreparedValue> fields = new ArrayList<>();
        credential.fields().forEach((field, value) -> fields.add(
                plain(field.fieldName(), value, SecretLocation.field(name, field))));
        credential.secrets().forEach((field, value) -> fields.add(
                encrypted(field.fieldName(), value, SecretLocation.field(name, field))));
        List<PreparedValue> properties = new ArrayList<>();
        for (CredentialProperty property : credential.properties().values()) {
            SecretLocation where = SecretLocation.property(name, property.name());
            properties.add(property.secret()
                    ? encrypted(property.name(), property.value(), where)
                    : plain(property.name(), property.value().reveal(), where));
        }
        return new PreparedCredential(fields, properties);
    }

    private static PreparedValue plain(String name, String value, SecretLocation where) {
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("The value of " + where + " is longer than " + MAX_VALUE_BYTES
                                               + " bytes");
        }
        return new PreparedValue(name, false, value, null);
    }

    private PreparedValue encrypted(String name, Secret value, SecretLocation where) {
        byte[] utf8 = value.utf8();
        int length = utf8.length;
        Arrays.fill(utf8, (byte) 0);
        if (length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("The value of " + where + " is longer than " + MAX_VALUE_BYTES
                                               + " bytes");
        }
        return new PreparedValue(name, true, null, cipher.encrypt(where, value));
    }

    private static void insertValues(Connection c, long id, PreparedCredential values) throws SQLException {
        if (!values.fields().isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO credential_field (credential_id,"
                    + " field_name, plain_value, scheme_id, ciphertext) VALUES (?, ?, ?, ?, ?)")) {
                for (PreparedValue value : values.fields()) {
                    insert.setLong(1, id);
                    insert.setString(2, value.name());
                    bindValue(insert, 3, value);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!values.properties().isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO credential_property (credential_id,"
                    + " property_name, secret, sort_order, plain_value, scheme_id, ciphertext)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int order = 0;
                for (PreparedValue value : values.properties()) {
                    insert.setLong(1, id);
                    insert.setString(2, value.name());
                    insert.setBoolean(3, value.secret());
                    insert.setInt(4, order++);
                    bindValue(insert, 5, value);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** Binds plain_value, scheme_id and ciphertext from the given index on. */
    private static void bindValue(PreparedStatement insert, int index, PreparedValue value) throws SQLException {
        insert.setString(index, value.plain());
        insert.setString(index + 1, value.encrypted() == null ? null : value.encrypted().schemeId());
        insert.setString(index + 2, value.encrypted() == null ? null : value.encrypted().payloadBase64());
    }

    private static Credential stored(Credential credential, long version, Instant now) {
        return credential.toBuilder()
                .expiresAt(Jdbc.micros(credential.expiresAt().orElse(null)))
                .invalidSince(Jdbc.micros(credential.invalidSince().orElse(null)))
                .version(version)
                .updatedAt(now)
                .build();
    }

    private static long idOf(Connection c, CredentialName name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM credential WHERE name_key = ?")) {
            select.setString(1, name.key());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new CredentialNotFoundException(name);
                }
                return rs.getLong(1);
            }
        }
    }

    private static Long currentVersion(Connection c, CredentialName name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT version FROM credential WHERE name_key = ?")) {
            select.setString(1, name.key());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private Long currentVersionQuietly(CredentialName name) {
        try {
            return jdbc.withConnection(c -> currentVersion(c, name));
        } catch (SQLException e) {
            return null;
        }
    }

    private boolean existsQuietly(CredentialName name) {
        return currentVersionQuietly(name) != null;
    }
}
