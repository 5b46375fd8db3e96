package io.camelksm.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.camelksm.access.AccessMode;
import io.camelksm.access.AuditEvent;
import io.camelksm.access.AuditOutcome;
import io.camelksm.access.AuditTrail;

/**
 * The audit trail in the {@code audit_event} table. Append-only: there is no update or delete here, and a trigger in
 * the database rejects them from anywhere else. Over-long texts are cut to fit, so recording never fails on length.
 * An event standing for several merged decisions ({@code auditMode=summary}) is one row with {@code occurrences},
 * {@code last_time} and {@code last_exchange_id}; a single decision has occurrences 1 and no last time or exchange.
 */
public final class JdbcAuditTrail implements AuditTrail {

    private static final String COLUMNS = "event_time, credential, operation, route_id, exchange_id, principal, roles,"
                                          + " process, resource, outcome, reason, occurrences, last_time,"
                                          + " last_exchange_id, access_mode";

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcAuditTrail(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static final String INSERT = "INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                         + " ?, ?, ?, ?, ?, ?)";

    @Override
    public void record(AuditEvent e) {
        Objects.requireNonNull(e.outcome(), "audit outcome");
        try {
            jdbc.withConnection(c -> {
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    bind(insert, e);
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException x) {
            throw Jdbc.failure("recording an audit event on credential '" + e.credential() + "'", x);
        }
    }

    /** One JDBC batch in one transaction: all events are recorded, or none. */
    @Override
    public void recordAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        events.forEach(e -> Objects.requireNonNull(e.outcome(), "audit outcome"));
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    for (AuditEvent e : events) {
                        bind(insert, e);
                        insert.addBatch();
                    }
                    return insert.executeBatch();
                }
            });
        } catch (SQLException x) {
            throw Jdbc.failure("recording a batch of " + events.size() + " audit events", x);
        }
    }

    private void bind(PreparedStatement insert, AuditEvent e) throws SQLException {
        Jdbc.setInstant(insert, 1, e.time() == null ? clock.instant() : e.time());
        insert.setString(2, Jdbc.clip(e.credential(), 512));
        insert.setString(3, Jdbc.clip(e.operation(), 64));
        insert.setString(4, Jdbc.clip(e.routeId(), 512));
        insert.setString(5, Jdbc.clip(e.exchangeId(), 512));
        insert.setString(6, Jdbc.clip(e.principal(), 512));
        insert.setString(7, Jdbc.clip(encodeRoles(e.roles()), 4000));
        insert.setString(8, Jdbc.clip(e.process(), 512));
        insert.setString(9, Jdbc.clip(e.resource(), 512));
        insert.setString(10, e.outcome().name());
        insert.setString(11, Jdbc.clip(e.reason(), 8000));
        insert.setInt(12, e.occurrences());
        Jdbc.setInstant(insert, 13, e.lastTime());
        insert.setString(14, Jdbc.clip(e.lastExchangeId(), 512));
        insert.setString(15, e.access() == null ? null : e.access().name());
    }

    @Override
    public List<AuditEvent> tail(int count) {
        if (count <= 0) {
            return List.of();
        }
        try {
            List<AuditEvent> newestFirst = jdbc.withConnection(c -> {
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM audit_event ORDER BY id DESC LIMIT ?")) {
                    select.setInt(1, count);
                    List<AuditEvent> events = new ArrayList<>();
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            events.add(new AuditEvent(Jdbc.getInstant(rs, "event_time"), rs.getString("credential"),
                                    rs.getString("operation"), rs.getString("route_id"), rs.getString("exchange_id"),
                                    rs.getString("principal"), decodeRoles(rs.getString("roles")),
                                    rs.getString("process"), rs.getString("resource"),
                                    AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("reason"),
                                    rs.getInt("occurrences"), Jdbc.getInstant(rs, "last_time"),
                                    rs.getString("last_exchange_id"), accessMode(rs.getString("access_mode"))));
                        }
                    }
                    return events;
                }
            });
            Collections.reverse(newestFirst);
            return newestFirst;
        } catch (SQLException e) {
            throw Jdbc.failure("reading the audit trail", e);
        }
    }

    private static AccessMode accessMode(String stored) {
        return stored == null ? null : AccessMode.valueOf(stored.strip());
    }

    static String encodeRoles(Set<String> roles) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String role : new TreeSet<>(roles)) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(role.replace("\\", "\\\\").replace(",", "\\,"));
        }
        return out.toString();
    }

    static Set<String> decodeRoles(String encoded) {
        Set<String> roles = new LinkedHashSet<>();
        if (encoded == null || encoded.isEmpty()) {
            return roles;
        }
        StringBuilder role = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char ch = encoded.charAt(i);
            if (ch == '\\' && i + 1 < encoded.length()) {
                role.append(encoded.charAt(++i));
            } else if (ch == ',') {
                roles.add(role.toString());
                role.setLength(0);
            } else {
                role.append(ch);
            }
        }
        roles.add(role.toString());
        return roles;
    }
}
