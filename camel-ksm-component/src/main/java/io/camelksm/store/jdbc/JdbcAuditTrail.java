package io.camelksm.store.jdbc;

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

import io.camelksm.access.AuditEvent;
import io.camelksm.access.AuditTrail;

/**
 * The audit trail in the {@code audit_event} table. Append-only: there is no update or delete here, and a trigger in
 * the database rejects them from other clients, until the database's owner drops it. Over-long texts are cut to fit,
 * so recording never fails on length.
 * An event standing for several merged decisions ({@code auditMode=summary}) is one row with {@code occurrences},
 * {@code last_time} and {@code last_exchange_id}; a single decision has occurrences 1 and no last time or exchange.
 * <p>
 * Tamper-evident: every row is appended to a MAC chain ({@link AuditChain}) keyed outside the database, so whoever
 * owns the database can still delete or change rows, but not without {@link #verify()} finding the place.
 */
public final class JdbcAuditTrail implements AuditTrail {

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

    @Override
    public void record(AuditEvent e) {
        Objects.requireNonNull(e.outcome(), "audit outcome");
        try {
            append(Collections.singletonList(AuditColumns.values(e, clock.instant())));
        } catch (SQLException x) {
            throw Jdbc.failure("recording an audit event on credential '" + e.credential() + "'", x);
        }
    }

    /** One JDBC batch in one transaction, chained under one lock: all events are recorded, or none. */
    @Override
    public void recordAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        events.forEach(e -> Objects.requireNonNull(e.outcome(), "audit outcome"));
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>(events.size());
        events.forEach(e -> rows.add(AuditColumns.values(e, now)));
        try {
            append(rows);
        } catch (SQLException x) {
            throw Jdbc.failure("recording a batch of " + events.size() + " audit events", x);
        }
    }

    private void append(List<Object[]> rows) throws SQLException {
        group.append(rows);
    }

    /** One transaction; retried when it lost the chain head lock to a timeout or deadlock (rolled back each time). */
    private void write(List<Object[]> rows) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                jdbc.inTransaction(c -> {
                    chain.append(c, rows);
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
