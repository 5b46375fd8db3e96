package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import io.camelksm.KsmException;

/** Connections, transactions and the few JDBC conversions the stores share. Portable between H2 and PostgreSQL. */
final class Jdbc {

    /** SQLState of a unique-constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Lost a race with another transaction: serialization failure, deadlock, H2's concurrent update, lock timeout. */
    private static final Set<String> CONCURRENCY_CONFLICT = Set.of("40001", "40P01", "90131", "HYT00");

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work on one connection in auto-commit mode. */
    <T> T withConnection(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    /** Runs the work in one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // a broken connection: the pool finds out when it is next validated
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean isConcurrencyConflict(SQLException e) {
        return e.getSQLState() != null && CONCURRENCY_CONFLICT.contains(e.getSQLState());
    }

    /** A store error that says what was being done. SQL messages carry names and ciphertexts, never plaintext. */
    static KsmException failure(String doing, SQLException e) {
        return new KsmException("camel-ksm database error while " + doing + ": " + e.getMessage()
                                + " (SQLState " + e.getSQLState() + ")", e);
    }

    /** Both databases keep microseconds; truncating first makes what we return equal what we read back later. */
    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Cuts text that does not fit its column, marking the cut. */
    static String clip(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        return text.substring(0, maxLength - 1) + "…";
    }
}
