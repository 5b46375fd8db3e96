package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The database contract on an embedded H2 file database, the default. */
class H2KsmDatabaseTest extends KsmDatabaseContractTest {

    private int databases;

    @Override
    protected String newDatabaseUrl() {
        // a new file each time: a test may ask for a second, empty database
        return "jdbc:h2:file:" + tempDir.resolve("db/ksm" + (databases++ == 0 ? "" : "-" + databases));
    }

    @Override
    protected String rawUser() {
        return ConnectionPool.H2_DEFAULT_USER;
    }

    @Override
    protected Connection rawConnection(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, ConnectionPool.H2_DEFAULT_USER, "");
    }
}
