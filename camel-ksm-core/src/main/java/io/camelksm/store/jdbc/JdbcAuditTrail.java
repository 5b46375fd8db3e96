package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.SequencedAuditTrail;

/**
 * The audit trail in the {@code audit_event} table. Append-only: there is no update or delete here, and a trigger in
 * the database rejects them from other clients, until the database's owner drops it. Over-long texts are cut to fit,
 * so recording never fails on length.
 * An event standing for several merged decisions ({@code auditMode=summary}) is one row with {@code occurrences},
 * {@code last_time} and {@code last_exchange_id}; a single decision has occurrences 1 and no last time or exchange.
 * <p>
 * Tamper-evident: every row is appended to a MAC chain ({@link AuditChain}) keyed outside the database, so whoever
 * owns the database can still delete or change rows, but not without {@link #verify()} finding the place.
 * An event copied from the audit journal ({@code auditMode=journal}) keeps its key ({@code journal_id},
 * {@code journal_seq}); copying it again inserts nothing.
 */
public final class JdbcAuditTrail implements SequencedAuditTrail {

    /** Tries of an append that lost the chain head lock to a lock timeout or deadlock (it is rolled back each time). */
    private static final int ATTEMPTS = 3;

    private final Jdbc jdbc;
    private final Clock clock;
    private final AuditChain chain;
    private final AuditChainVerifier verifier;
    private final GroupAppend group = new GroupAppend(this::write);

    JdbcAuditTrail(DataSource dataSource, Clock clock, AuditMac mac) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chain = new AuditChain(mac);
        this.verifier = new AuditChainVerifier(mac);
    }

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
            append(Collections.singletonList(AuditColumns.values(e, clock.instant(), null, 0)));
        } catch (SQLException x) {
            throw Jdbc.failure("recording an audit event on credential '" + e.credential() + "'", x);
        }
    }

    /** One JDBC batch in one transaction, chained under one lock: all events are recorded, or none. */
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

    private static long maxSequence(Connection c, String query, String journalId, long from, long to)
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
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            rows.add(AuditColumns.values(events.get(i), now, journalId, journalId == null ? 0 : firstSequence + i));
        }
        try {
            if (journalId == null) {
                append(rows);
            } else {
                // one writer per journal: what this table holds of the range is read in the transaction that appends
                write(c -> {
                    long present = maxSequence(c, LAST_SEQUENCE_IN, journalId, firstSequence,
                            firstSequence + events.size() - 1);
                    return present < firstSequence ? rows
                            : rows.subList((int) Math.min(rows.size(), present - firstSequence + 1), rows.size());
                });
            }
        } catch (SQLException x) {
            throw Jdbc.failure("recording a batch of " + events.size() + " audit events", x);
        }
    }

    private void append(List<Object[]> rows) throws SQLException {
        group.append(rows);
    }

    private void write(List<Object[]> rows) throws SQLException {
        write(c -> rows);
    }

    /** The rows to append, chosen inside the append's transaction. */
    private interface RowsToAppend {
        List<Object[]> in(Connection c) throws SQLException;
    }

    /** One transaction; retried when it lost the chain head lock to a timeout or deadlock (rolled back each time). */
    private void write(RowsToAppend rows) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                jdbc.inTransaction(c -> {
                    List<Object[]> chosen = rows.in(c);
                    if (!chosen.isEmpty()) {
                        chain.append(c, chosen);
                    }
                    return null;
                });
                return;
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !Jdbc.isConcurrencyConflict(e)) {
                    throw e;
                }
            }
        }
    }

    /** Checks the whole MAC chain; reads every chained row once. */
    public AuditVerification verify() {
        try {
            return jdbc.inTransaction(verifier::verify);
        } catch (SQLException e) {
            throw Jdbc.failure("verifying the audit trail", e);
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
                        "SELECT " + AuditColumns.NAMES + " FROM audit_event ORDER BY id DESC LIMIT ?")) {
                    select.setInt(1, count);
                    List<AuditEvent> events = new ArrayList<>();
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            events.add(AuditColumns.event(AuditColumns.read(rs)));
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
}
