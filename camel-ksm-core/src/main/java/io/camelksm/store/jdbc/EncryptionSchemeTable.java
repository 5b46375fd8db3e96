package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camelksm.KsmException;
import io.camelksm.crypto.EncryptedValue;
import io.camelksm.crypto.KeyLocation;

/** The {@code encryption_scheme} table: which schemes exist, where their keys are, which one is the default. */
final class EncryptionSchemeTable {

    private static final String COLUMNS = "id, algorithm, key_location, key_check, wrapped_key, is_default, retired_at,"
                                           + " created_at";

    /**
     * A scheme's row.
     *
     * @param wrappedKey the data key as stored (DATABASE: encrypted by the key file's key; HSM: wrapped by the HSM);
     *                   null for SERVER
     */
    record SchemeRow(String id, String algorithm, KeyLocation keyLocation, Optional<EncryptedValue> keyCheck,
                     byte[] wrappedKey, boolean isDefault, Instant retiredAt, Instant createdAt) {

        boolean retired() {
            return retiredAt != null;
        }

        @Override
        public String toString() {
            return "SchemeRow[" + id + ", " + algorithm + ", " + keyLocation + "]";
        }
    }

    private final Jdbc jdbc;

    EncryptionSchemeTable(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    SchemeRow require(String schemeId) {
        return find(schemeId).orElseThrow(() -> new KsmException("The camel-ksm database has no encryption scheme '"
                                                                 + schemeId + "'"));
    }

    Optional<SchemeRow> find(String schemeId) {
        try {
            return jdbc.withConnection(c -> {
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM encryption_scheme WHERE id = ?")) {
                    select.setString(1, schemeId);
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next() ? Optional.of(row(rs)) : Optional.<SchemeRow>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("reading encryption scheme '" + schemeId + "'", e);
        }
    }

    /** Every scheme, oldest first. */
    List<SchemeRow> list() {
        try {
            return jdbc.withConnection(c -> {
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM encryption_scheme ORDER BY created_at, id");
                     ResultSet rs = select.executeQuery()) {
                    List<SchemeRow> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                    return rows;
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("reading the encryption schemes", e);
        }
    }

    /** The id of the default scheme. */
    String defaultId() {
        try {
            return jdbc.withConnection(c -> {
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT id FROM encryption_scheme WHERE is_default = TRUE ORDER BY id");
                     ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new KsmException("The camel-ksm database has no default encryption scheme");
                    }
                    return rs.getString(1);
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("reading the default encryption scheme", e);
        }
    }

    private static SchemeRow row(ResultSet rs) throws SQLException {
        String check = rs.getString("key_check");
        String wrapped = rs.getString("wrapped_key");
        Timestamp retired = rs.getTimestamp("retired_at");
        return new SchemeRow(rs.getString("id"), rs.getString("algorithm"), KeyLocation.of(rs.getString("key_location")),
                Optional.ofNullable(check).map(EncryptedValue::parse),
                wrapped == null ? null : Base64.getDecoder().decode(wrapped), rs.getBoolean("is_default"),
                retired == null ? null : retired.toInstant(), rs.getTimestamp("created_at").toInstant());
    }

    /** Adds a new, non-default scheme; its name is its id. */
    void insert(SchemeRow row) {
        try {
            jdbc.withConnection(c -> {
                if (exists(c, row.id())) {
                    throw new KsmException("Encryption scheme '" + row.id() + "' exists already");
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO encryption_scheme (id, name, algorithm,"
                        + " key_location, key_check, wrapped_key, available, is_default, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, TRUE, FALSE, ?)")) {
                    insert.setString(1, row.id());
                    insert.setString(2, row.id());
                    insert.setString(3, row.algorithm());
                    insert.setString(4, row.keyLocation().name());
                    insert.setString(5, row.keyCheck().map(EncryptedValue::encoded).orElse(null));
                    insert.setString(6, row.wrappedKey() == null ? null
                            : Base64.getEncoder().encodeToString(row.wrappedKey()));
                    insert.setTimestamp(7, Timestamp.from(row.createdAt()));
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("adding encryption scheme '" + row.id() + "'", e);
        }
    }

    /** Makes the scheme the only default one, in one statement (exactly one row true at any time). */
    void setDefault(String schemeId) {
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE encryption_scheme SET is_default = (id = ?)")) {
                    update.setString(1, schemeId);
                    update.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("making encryption scheme '" + schemeId + "' the default", e);
        }
    }

    /** Marks a non-default scheme retired; false if it is the default or retired already. */
    boolean retire(String schemeId, Instant now) {
        try {
            return jdbc.withConnection(c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE encryption_scheme SET retired_at = ?,"
                        + " available = FALSE WHERE id = ? AND is_default = FALSE AND retired_at IS NULL")) {
                    update.setTimestamp(1, Timestamp.from(now));
                    update.setString(2, schemeId);
                    return update.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("retiring encryption scheme '" + schemeId + "'", e);
        }
    }

    /**
     * Deletes a retired scheme; the foreign keys of the value tables refuse it while a value still uses it, even one
     * written after the caller counted.
     */
    void delete(String schemeId) {
        try {
            jdbc.withConnection(c -> {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM encryption_scheme WHERE id = ? AND retired_at IS NOT NULL AND is_default = FALSE")) {
                    delete.setString(1, schemeId);
                    return delete.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("deleting encryption scheme '" + schemeId + "'", e);
        }
    }

    /** How many stored values (credential fields and properties) each scheme holds; schemes without any are absent. */
    Map<String, Long> valueCounts() {
        try {
            return jdbc.withConnection(c -> {
                Map<String, Long> counts = new HashMap<>();
                for (String table : List.of("credential_field", "credential_property")) {
                    try (PreparedStatement select = c.prepareStatement("SELECT scheme_id, COUNT(*) FROM " + table
                            + " WHERE scheme_id IS NOT NULL GROUP BY scheme_id");
                         ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
                        }
                    }
                }
                return counts;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("counting the values of each encryption scheme", e);
        }
    }

    private static boolean exists(Connection c, String schemeId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM encryption_scheme WHERE id = ? OR name = ?")) {
            select.setString(1, schemeId);
            select.setString(2, schemeId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Records the key check of a scheme that has none yet; false if another process recorded one first. */
    boolean recordKeyCheck(String schemeId, EncryptedValue check) {
        try {
            return jdbc.withConnection(c -> {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE encryption_scheme SET key_check = ? WHERE id = ? AND key_check IS NULL")) {
                    update.setString(1, check.encoded());
                    update.setString(2, schemeId);
                    return update.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("recording the key check of encryption scheme '" + schemeId + "'", e);
        }
    }
}
