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

import io.camelksm.access.AuditEvent;
import io.camelksm.access.AuditOutcome;
import io.camelksm.audit.SequencedAuditTrail;

/**
 * The audit trail in the {@code audit_event} table. Append-only: there is no update or delete here, and a trigger in
 * the database rejects them from anywhere else. Over-long texts are cut to fit, so recording never fails on length.
 * An event standing for several merged decisions ({@code auditMode=summary}) is one row with {@code occurrences},
 * {@code last_time} and {@code last_exchange_id}; a single decision has occurrences 1 and no last time or exchange.
 * An event copied from the audit journal ({@code auditMode=journal}) keeps its key ({@code journal_id},
 * {@code journal_seq}); copying it again inserts nothing.
 */
public final class JdbcAuditTrail implements SequencedAuditTrail {

    private static final String COLUMNS = "event_time, credential, operation, route_id, exchange_id, principal, roles,"
                                          + " process, resource, outcome, reason, occurrences, last_time,"
                                          + " last_exchange_id";

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcAuditTrail(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static final String INSERT = "INSERT INTO audit_event (" + COLUMNS + ", journal_id, journal_seq) VALUES"
                                         + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // range conditions, so that the index on (journal_id, journal_seq) is scanned for the range only (H2 scans every
    // row of the journal for a plain MAX)
    private static final String LAST_SEQUENCE_FROM = "SELECT MAX(journal_seq) FROM audit_event WHERE journal_id = ?"
                                                     + " AND journal_seq >= ?";
    private static final String LAST_SEQUENCE_IN = "SELECT MAX(journal_seq) FROM audit_event WHERE journal_id = ?"
                                                   + " AND journal_seq BETWEEN ? AND ?";

    @Override
    public void record(AuditEvent e) {
        Objects.requireNonNull(e.outcome(), "audit outcome");
        try {
            jdbc.withConnection(c -> {
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    bind(insert, e, null, 0);
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
        insertAll(events, null, 0);
    }

    /**
     * Journaled events, in one transaction: those this table already holds (sequence up to the journal's highest here)
     * are skipped, so a replay after a crash inserts each event once.
     */
    @Override
    public void recordAll(String journalId, long firstSequence, List<AuditEvent> events) {
        insertAll(events, Objects.requireNonNull(journalId, "journalId"), firstSequence);
    }

    /**
     * H2 writes commits to its file after a delay (WRITE_DELAY, 500 ms by default), so a killed process loses the last
     * ones: CHECKPOINT writes them now. PostgreSQL's commits are durable already.
     */
    @Override
    public void checkpoint() {
        try {
            jdbc.withConnection(c -> {
                if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2")) {
                    try (java.sql.Statement s = c.createStatement()) {
                        s.execute("CHECKPOINT");
                    }
                }
                return null;
            });
        } catch (SQLException x) {
            throw Jdbc.failure("checkpointing the audit trail", x);
        }
    }

    @Override
    public long lastSequence(String journalId, long from) {
        try {
            return jdbc.withConnection(c -> {
                long last = maxSequence(c, LAST_SEQUENCE_FROM, journalId, from, 0);
                // none from there on: the whole journal's (scans its rows; only when the hint was wrong)
                return last > 0 || from <= 0 ? last : maxSequence(c, LAST_SEQUENCE_FROM, journalId, 0, 0);
            });
        } catch (SQLException x) {
            throw Jdbc.failure("reading the last journaled audit event", x);
        }
    }

    private static long maxSequence(java.sql.Connection c, String query, String journalId, long from, long to)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(query)) {
            select.setString(1, journalId);
            select.setLong(2, from);
            if (to > 0) {
                select.setLong(3, to);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void insertAll(List<AuditEvent> events, String journalId, long firstSequence) {
        if (events.isEmpty()) {
            return;
        }
        events.forEach(e -> Objects.requireNonNull(e.outcome(), "audit outcome"));
        try {
            jdbc.inTransaction(c -> {
                long present = journalId == null ? 0 : maxSequence(c, LAST_SEQUENCE_IN, journalId, firstSequence,
                        firstSequence + events.size() - 1);
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    int added = 0;
                    for (int i = 0; i < events.size(); i++) {
                        long sequence = firstSequence + i;
                        if (journalId != null && sequence <= present) {
                            continue; // already here: written before a crash
                        }
                        bind(insert, events.get(i), journalId, sequence);
                        insert.addBatch();
                        added++;
                    }
                    return added == 0 ? new int[0] : insert.executeBatch();
                }
            });
        } catch (SQLException x) {
            throw Jdbc.failure("recording a batch of " + events.size() + " audit events", x);
        }
    }

    private void bind(PreparedStatement insert, AuditEvent e, String journalId, long sequence) throws SQLException {
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
        insert.setString(15, journalId);
        if (journalId == null) {
            insert.setNull(16, java.sql.Types.BIGINT);
        } else {
            insert.setLong(16, sequence);
        }
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
                                    rs.getString("last_exchange_id")));
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
