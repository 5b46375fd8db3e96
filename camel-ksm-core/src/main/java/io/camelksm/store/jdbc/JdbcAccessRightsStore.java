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

import io.camelksm.access.AccessMode;
import io.camelksm.access.AccessRights;
import io.camelksm.access.AccessRightsStore;
import io.camelksm.access.Dimension;
import io.camelksm.access.Restriction;
import io.camelksm.access.Restrictions;
import io.camelksm.credential.CredentialName;

/**
 * Access rights in the {@code access_right} table, one row per granted value of the read or the write right, keyed by
 * the credential's case-insensitive name (not by a foreign key: rights also exist for credentials held in other
 * stores). A row in {@code route_metadata_write} lets routes' writes change more than the secret values.
 */
public final class JdbcAccessRightsStore implements AccessRightsStore {

    static final int MAX_VALUE_LENGTH = 256;

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcAccessRightsStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // one round trip: the granted values of both rights, then (if allowed) one row for route metadata writes
    private static final String SELECT_RIGHTS = "SELECT access_mode, dimension, granted_value FROM access_right"
            + " WHERE credential_key = ? UNION ALL SELECT 'META', 'META', 'META' FROM route_metadata_write"
            + " WHERE credential_key = ?";

    @Override
    public AccessRights rightsOf(CredentialName credential) {
        Map<AccessMode, Map<Dimension, List<String>>> granted = new EnumMap<>(AccessMode.class);
        for (AccessMode mode : AccessMode.values()) {
            Map<Dimension, List<String>> values = new EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.values()) {
                values.put(d, new ArrayList<>());
            }
            granted.put(mode, values);
        }
        boolean metadataWrites;
        try {
            metadataWrites = jdbc.withConnection(c -> {
                boolean meta = false;
                try (PreparedStatement select = c.prepareStatement(SELECT_RIGHTS)) {
                    select.setString(1, credential.key());
                    select.setString(2, credential.key());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            String mode = rs.getString(1).strip();
                            if (mode.equals("META")) {
                                meta = true;
                            } else {
                                granted.get(AccessMode.valueOf(mode)).get(Dimension.valueOf(rs.getString(2).strip()))
                                        .add(rs.getString(3));
                            }
                        }
                    }
                }
                return meta;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("reading the access rights of credential '" + credential + "'", e);
        }
        return new AccessRights(restrictions(granted.get(AccessMode.READ)), restrictions(granted.get(AccessMode.WRITE)),
                metadataWrites);
    }

    private static Restrictions restrictions(Map<Dimension, List<String>> granted) {
        return new Restrictions(Restriction.of(granted.get(Dimension.ROLE)),
                Restriction.of(granted.get(Dimension.PROCESS)), Restriction.of(granted.get(Dimension.RESOURCE)));
    }

    @Override
    public void grant(CredentialName credential, AccessMode mode, Dimension dimension, String value) {
        String granted = checkValue(dimension, value);
        if (granted.indexOf(',') >= 0) {
            // almost always a list given as one value ('r1,r2'), which would grant one name nobody has
            throw new IllegalArgumentException("The " + dimension.label() + " '" + granted + "' contains a comma:"
                                               + " grant each " + dimension.label() + " on its own");
        }
        try {
            jdbc.withConnection(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO access_right"
                        + " (credential_key, access_mode, dimension, granted_value, granted_at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, credential.key());
                    insert.setString(2, Objects.requireNonNull(mode, "mode").name());
                    insert.setString(3, dimension.name());
                    insert.setString(4, granted);
                    Jdbc.setInstant(insert, 5, clock.instant());
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            if (!Jdbc.isUniqueViolation(e)) { // granted before: nothing to do
                throw Jdbc.failure("granting " + mode.label() + " " + dimension.label() + " '" + granted
                                   + "' on credential '" + credential + "'", e);
            }
        }
    }

    @Override
    public boolean revoke(CredentialName credential, AccessMode mode, Dimension dimension, String value) {
        String granted = checkValue(dimension, value);
        try {
            return jdbc.withConnection(c -> {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM access_right WHERE credential_key = ?"
                        + " AND access_mode = ? AND dimension = ? AND granted_value = ?")) {
                    delete.setString(1, credential.key());
                    delete.setString(2, Objects.requireNonNull(mode, "mode").name());
                    delete.setString(3, dimension.name());
                    delete.setString(4, granted);
                    return delete.executeUpdate() > 0;
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("revoking " + mode.label() + " " + dimension.label() + " '" + granted
                               + "' on credential '" + credential + "'", e);
        }
    }

    @Override
    public boolean allowRouteMetadataWrites(CredentialName credential, boolean allowed) {
        try {
            return jdbc.withConnection(c -> {
                if (!allowed) {
                    try (PreparedStatement delete = c.prepareStatement(
                            "DELETE FROM route_metadata_write WHERE credential_key = ?")) {
                        delete.setString(1, credential.key());
                        return delete.executeUpdate() > 0;
                    }
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO route_metadata_write (credential_key, allowed_at) VALUES (?, ?)")) {
                    insert.setString(1, credential.key());
                    Jdbc.setInstant(insert, 2, clock.instant());
                    return insert.executeUpdate() > 0;
                } catch (SQLException e) {
                    if (Jdbc.isUniqueViolation(e)) {
                        return false; // allowed before
                    }
                    throw e;
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure((allowed ? "allowing" : "withdrawing") + " route metadata writes on credential '"
                               + credential + "'", e);
        }
    }

    @Override
    public void revokeAll(CredentialName credential) {
        try {
            jdbc.inTransaction(c -> {
                for (String table : new String[] { "access_right", "route_metadata_write" }) {
                    try (PreparedStatement delete = c.prepareStatement(
                            "DELETE FROM " + table + " WHERE credential_key = ?")) {
                        delete.setString(1, credential.key());
                        delete.executeUpdate();
                    }
                }
                return null;
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
