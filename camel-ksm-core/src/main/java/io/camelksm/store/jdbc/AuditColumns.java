package io.camelksm.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.camelksm.access.AccessMode;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;

/**
 * The {@code audit_event} columns an {@link AuditEvent} is stored in, in one place: inserting, reading back and the
 * chain's MAC all go through this list, so a new event field is one entry here plus one value in
 * {@link #values(AuditEvent, Instant)} and one in {@link #event(Object[])}. Values are what the database holds: texts
 * clipped to their column, times truncated to microseconds.
 */
final class AuditColumns {

    enum Type { TIME, TEXT, INT, LONG }

    record Column(String name, Type type, int maxLength) {
    }

    /** In insert order. A column added later must be NULL in older rows, so their MACs stay valid (NULLs are skipped). */
    static final List<Column> ALL = List.of(
            time("event_time"), text("credential", 512), text("operation", 64), text("route_id", 512),
            text("exchange_id", 512), text("principal", 512), text("roles", 4000), text("process", 512),
            text("resource", 512), text("outcome", 16), text("reason", 8000), integer("occurrences"),
            time("last_time"), text("last_exchange_id", 512), text("access_mode", 8),
            // not event fields: the event's key in the audit journal (auditMode=journal), NULL otherwise
            text("journal_id", 64), new Column("journal_seq", Type.LONG, 0));

    /** How many of {@link #ALL} are the event's own fields (the journal key follows them). */
    static final int EVENT_COLUMNS = ALL.size() - 2;

    static final String NAMES = ALL.stream().map(Column::name).collect(Collectors.joining(", "));

    private AuditColumns() {
    }

    /** The stored values of an event that is not journaled. */
    static Object[] values(AuditEvent e, Instant now) {
        return values(e, now, null, 0);
    }

    /**
     * The stored values of an event, in the order of {@link #ALL}; an event without a time gets {@code now}. A
     * journaled event keeps its journal key ({@code journalId} null: not journaled), which the chain's MAC covers too.
     */
    static Object[] values(AuditEvent e, Instant now, String journalId, long journalSequence) {
        Object[] values = { e.time() == null ? now : e.time(), e.credential(), e.operation(), e.routeId(),
                e.exchangeId(), e.principal(), encodeRoles(e.roles()), e.process(), e.resource(), e.outcome().name(),
                e.reason(), e.occurrences(), e.lastTime(), e.lastExchangeId(),
                e.access() == null ? null : e.access().name(), journalId,
                journalId == null ? null : (Object) journalSequence };
        for (int i = 0; i < values.length; i++) {
            Column column = ALL.get(i);
            if (column.type() == Type.TEXT) {
                values[i] = Jdbc.clip((String) values[i], column.maxLength());
            } else if (column.type() == Type.TIME) {
                values[i] = Jdbc.micros((Instant) values[i]);
            }
        }
        return values;
    }

    /** The event that stored values stand for. */
    static AuditEvent event(Object[] v) {
        return new AuditEvent((Instant) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4],
                (String) v[5], decodeRoles((String) v[6]), (String) v[7], (String) v[8],
                AuditOutcome.valueOf((String) v[9]), (String) v[10], (Integer) v[11], (Instant) v[12],
                (String) v[13], v[14] == null ? null : AccessMode.valueOf(((String) v[14]).strip()));
    }

    /** Binds the values to parameters {@code first, first + 1, ...}. */
    static void bind(PreparedStatement statement, int first, Object[] values) throws SQLException {
        for (int i = 0; i < ALL.size(); i++) {
            int index = first + i;
            switch (ALL.get(i).type()) {
                case TIME -> Jdbc.setInstant(statement, index, (Instant) values[i]);
                case TEXT -> statement.setString(index, (String) values[i]);
                case INT -> {
                    if (values[i] == null) {
                        statement.setNull(index, Types.INTEGER);
                    } else {
                        statement.setInt(index, (Integer) values[i]);
                    }
                }
                case LONG -> {
                    if (values[i] == null) {
                        statement.setNull(index, Types.BIGINT);
                    } else {
                        statement.setLong(index, (Long) values[i]);
                    }
                }
            }
        }
    }

    /** The stored values of the current row, selected with {@link #NAMES}. */
    static Object[] read(ResultSet rs) throws SQLException {
        Object[] values = new Object[ALL.size()];
        for (int i = 0; i < values.length; i++) {
            Column column = ALL.get(i);
            values[i] = switch (column.type()) {
                case TIME -> Jdbc.getInstant(rs, column.name());
                case TEXT -> rs.getString(column.name());
                case INT -> {
                    int n = rs.getInt(column.name());
                    yield rs.wasNull() ? null : n;
                }
                case LONG -> {
                    long n = rs.getLong(column.name());
                    yield rs.wasNull() ? null : n;
                }
            };
        }
        return values;
    }

    private static Column time(String name) {
        return new Column(name, Type.TIME, 0);
    }

    private static Column text(String name, int maxLength) {
        return new Column(name, Type.TEXT, maxLength);
    }

    private static Column integer(String name) {
        return new Column(name, Type.INT, 0);
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
