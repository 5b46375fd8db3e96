package io.camelksm.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import io.camelksm.access.AccessRights;
import io.camelksm.access.AccessRightsStore;
import io.camelksm.access.Dimension;
import io.camelksm.access.Restriction;
import io.camelksm.credential.CredentialName;

/**
 * Access rights in the {@code access_right} table, one row per granted value, keyed by the credential's
 * case-insensitive name (not by a foreign key: rights also exist for credentials held in other stores).
 */
public final class JdbcAccessRightsStore implements AccessRightsStore {

    static final int MAX_VALUE_LENGTH = 256;

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcAccessRightsStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AccessRights rightsOf(CredentialName credential) {
        Map<Dimension, List<String>> granted = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            granted.put(d, new ArrayList<>());
        }
        try {
            jdbc.withConnection(c -> {
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT dimension, granted_value FROM access_right WHERE credential_key = ?")) {
                    select.setString(1, credential.key());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            granted.get(Dimension.valueOf(rs.getString("dimension")))
                                    .add(rs.getString("granted_value"));
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("reading the access rights of credential '" + credential + "'", e);
        }
        return new AccessRights(Restriction.of(granted.get(Dimension.ROLE)),
                Restriction.of(granted.get(Dimension.PROCESS)), Restriction.of(granted.get(Dimension.RESOURCE)));
    }

    @Override
    public void grant(CredentialName credential, Dimension dimension, String value) {
        String granted = checkValue(dimension, value);
        try {
            jdbc.withConnection(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO access_right"
                        + " (credential_key, dimension, granted_value, granted_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, credential.key());
                    insert.setString(2, dimension.name());
                    insert.setString(3, granted);
                    Jdbc.setInstant(insert, 4, clock.instant());
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            if (!Jdbc.isUniqueViolation(e)) { // granted before: nothing to do
                throw Jdbc.failure("granting " + dimension.label() + " '" + granted + "' on credential '"
                                   + credential + "'", e);
            }
        }
    }

    @Override
    public boolean revoke(CredentialName credential, Dimension dimension, String value) {
        String granted = checkValue(dimension, value);
        try {
            return jdbc.withConnection(c -> {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM access_right"
                        + " WHERE credential_key = ? AND dimension = ? AND granted_value = ?")) {
                    delete.setString(1, credential.key());
                    delete.setString(2, dimension.name());
                    delete.setString(3, granted);
                    return delete.executeUpdate() > 0;
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("revoking " + dimension.label() + " '" + granted + "' on credential '" + credential
                               + "'", e);
        }
    }

    @Override
    public void revokeAll(CredentialName credential) {
        try {
            jdbc.withConnection(c -> {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM access_right WHERE credential_key = ?")) {
                    delete.setString(1, credential.key());
                    return delete.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("revoking all access rights on credential '" + credential + "'", e);
        }
    }

    private static String checkValue(Dimension dimension, String value) {
        Objects.requireNonNull(dimension, "dimension");
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("The " + dimension.label() + " to grant or revoke is missing (use '"
                                               + Restriction.ANY_WORD + "' for anyone)");
        }
        if (stripped.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("The " + dimension.label() + " '" + stripped.substring(0, 32)
                                               + "…' is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        return stripped;
    }
}
