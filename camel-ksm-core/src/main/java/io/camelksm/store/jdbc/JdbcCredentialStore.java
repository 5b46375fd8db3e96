package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.camelksm.KsmException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.DuplicateCredentialException;
import io.camelksm.credential.Secret;
import io.camelksm.credential.StaleCredentialException;
import io.camelksm.crypto.SecretCipher;

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
    private final Clock clock;
    private final CredentialRowReader reader;
    private final CredentialRowWriter writer;

    public JdbcCredentialStore(DataSource dataSource, SecretCipher cipher, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reader = new CredentialRowReader(cipher);
        this.writer = new CredentialRowWriter(cipher);
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Optional<Credential> find(CredentialName name) {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            Optional<Optional<CredentialRowReader.StoredCredential>> read;
            try {
                read = jdbc.withConnection(c -> reader.readConsistent(c, name));
            } catch (SQLException e) {
                throw Jdbc.failure("reading credential '" + name + "'", e);
            }
            if (read.isPresent()) {
                return read.get().map(reader::toCredential);
            }
        }
        throw new KsmException("Credential '" + name + "' kept changing while it was read; try again");
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

    @Override
    public Credential create(Credential credential) {
        CredentialName name = credential.name();
        CredentialRowWriter.PreparedCredential values = writer.prepare(credential);
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
                CredentialRowWriter.insertValues(c, idOf(c, name), values);
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
        CredentialRowWriter.PreparedCredential values = writer.prepare(credential);
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
                        throw notUpdated(credential, CredentialRowReader.currentVersion(c, name));
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
                CredentialRowWriter.insertValues(c, id, values);
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

    private Long currentVersionQuietly(CredentialName name) {
        try {
            return jdbc.withConnection(c -> CredentialRowReader.currentVersion(c, name));
        } catch (SQLException e) {
            return null;
        }
    }

    private boolean existsQuietly(CredentialName name) {
        return currentVersionQuietly(name) != null;
    }
}
