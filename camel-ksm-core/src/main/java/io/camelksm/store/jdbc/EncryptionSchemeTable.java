package io.camelksm.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import io.camelksm.KsmException;
import io.camelksm.crypto.EncryptedValue;

/** The {@code encryption_scheme} table: which schemes exist, and the key check of each. */
final class EncryptionSchemeTable {

    /** A scheme's row, as far as opening the database needs it. */
    record SchemeRow(String id, boolean available, Optional<EncryptedValue> keyCheck) {
    }

    private final Jdbc jdbc;

    EncryptionSchemeTable(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    SchemeRow require(String schemeId) {
        try {
            return jdbc.withConnection(c -> {
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT available, key_check FROM encryption_scheme WHERE id = ?")) {
                    select.setString(1, schemeId);
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            throw new KsmException("The camel-ksm database has no encryption scheme '" + schemeId
                                                   + "'; its schema is incomplete");
                        }
                        String check = rs.getString("key_check");
                        return new SchemeRow(schemeId, rs.getBoolean("available"),
                                Optional.ofNullable(check).map(EncryptedValue::parse));
                    }
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("reading encryption scheme '" + schemeId + "'", e);
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
