package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2 trigger that keeps the audit trail append-only: it rejects every UPDATE and DELETE of {@code audit_event}. The
 * schema names this class, so it must keep its name and package.
 */
public final class AppendOnlyTrigger implements Trigger {

    private String table = "audit_event";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: rows cannot be " + (newRow == null ? "deleted" : "updated"),
                "42501");
    }
}
