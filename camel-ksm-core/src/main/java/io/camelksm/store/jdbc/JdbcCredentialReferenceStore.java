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

import javax.sql.DataSource;

import io.camelksm.audit.AuditOutcome;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference;
import io.camelksm.credential.CredentialReferenceStore;

/**
 * The places that use credentials, in the {@code credential_reference} table, one row per credential, kind, location,
 * route and node, {@code stopped_at} NULL while the route runs; the last use of each comes from the audit trail: the
 * newest granted decision of that credential (as the place spells it) in that route.
 */
public final class JdbcCredentialReferenceStore implements CredentialReferenceStore {

    static final int MAX_LOCATION = 1000;
    static final int MAX_ROUTE_ID = 512;
    static final int MAX_NODE = 256;

    private static final String PLACE = " WHERE credential_key = ? AND kind = ? AND location = ? AND route_id = ?"
            + " AND node = ?";
    private static final String RENEW = "UPDATE credential_reference SET registered_at = ?, credential_name = ?,"
            + " stopped_at = NULL" + PLACE;
    // the place's columns first, in the order bindPlace sets them
    private static final String INSERT = "INSERT INTO credential_reference (credential_key, kind, location, route_id,"
            + " node, credential_name, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String STOP = "UPDATE credential_reference SET stopped_at = ?" + PLACE
            + " AND stopped_at IS NULL";
    private static final String REMOVE_STOPPED = "DELETE FROM credential_reference WHERE node = ?"
            + " AND stopped_at IS NOT NULL";
    // summary rows stand for several decisions: the last of them is last_time
    private static final String SELECT = "SELECT r.credential_name, r.kind, r.location, r.route_id, r.node,"
            + " r.registered_at, r.stopped_at, (SELECT MAX(COALESCE(a.last_time, a.event_time)) FROM audit_event a"
            + " WHERE a.credential = r.credential_name AND a.route_id = r.route_id AND a.outcome = '"
            + AuditOutcome.GRANTED.name() + "') AS last_used"
            + " FROM credential_reference r WHERE r.credential_key = ? ORDER BY r.registered_at, r.id";

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcCredentialReferenceStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void add(CredentialReference reference) {
        Instant now = clock.instant();
        try {
            jdbc.withConnection(c -> {
                if (renew(c, reference, now) == 0) {
                    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                        bindPlace(insert, 1, reference);
                        insert.setString(6, reference.credential().value());
                        Jdbc.setInstant(insert, 7, now);
                        insert.executeUpdate();
                    } catch (SQLException e) {
                        if (!Jdbc.isUniqueViolation(e)) {
                            throw e;
                        }
                        renew(c, reference, now); // another start of the same node registered it in between
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("registering where credential '" + reference.credential() + "' is used ("
                               + reference.place() + ")", e);
        }
    }

    private static int renew(Connection c, CredentialReference reference, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(RENEW)) {
            Jdbc.setInstant(update, 1, now);
            update.setString(2, reference.credential().value());
            bindPlace(update, 3, reference);
            return update.executeUpdate();
        }
    }

    @Override
    public boolean markStopped(CredentialReference reference) {
        Instant now = clock.instant();
        try {
            return jdbc.withConnection(c -> {
                try (PreparedStatement stop = c.prepareStatement(STOP)) {
                    Jdbc.setInstant(stop, 1, now);
                    bindPlace(stop, 2, reference);
                    return stop.executeUpdate() > 0;
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("marking stopped where credential '" + reference.credential() + "' is used ("
                               + reference.place() + ")", e);
        }
    }

    @Override
    public int removeStopped(String node) {
        try {
            return jdbc.withConnection(c -> {
                try (PreparedStatement delete = c.prepareStatement(REMOVE_STOPPED)) {
                    delete.setString(1, Jdbc.clip(node, MAX_NODE));
                    return delete.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw Jdbc.failure("removing the stopped references of node '" + node + "'", e);
        }
    }

    @Override
    public List<CredentialReference> of(CredentialName credential) {
        try {
            return jdbc.withConnection(c -> {
                List<CredentialReference> found = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(SELECT)) {
                    select.setString(1, credential.key());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            found.add(new CredentialReference(CredentialName.of(rs.getString("credential_name")),
                                    CredentialReference.Kind.valueOf(rs.getString("kind").strip()),
                                    rs.getString("location"), rs.getString("route_id"), rs.getString("node"),
                                    Jdbc.getInstant(rs, "registered_at"), Jdbc.getInstant(rs, "last_used"),
                                    Jdbc.getInstant(rs, "stopped_at")));
                        }
                    }
                }
                return found;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("reading where credential '" + credential + "' is used", e);
        }
    }

    /**
     * The five columns that name a place, from {@code first} on. Texts that do not fit are cut here, the same way for
     * every statement, so a row added with a cut text is still found when it is renewed or stopped.
     */
    private static void bindPlace(PreparedStatement statement, int first, CredentialReference reference)
            throws SQLException {
        statement.setString(first, reference.credential().key());
        statement.setString(first + 1, reference.kind().name());
        statement.setString(first + 2, Jdbc.clip(reference.location(), MAX_LOCATION));
        statement.setString(first + 3, Jdbc.clip(reference.routeId(), MAX_ROUTE_ID));
        statement.setString(first + 4, Jdbc.clip(reference.node(), MAX_NODE));
    }

}
