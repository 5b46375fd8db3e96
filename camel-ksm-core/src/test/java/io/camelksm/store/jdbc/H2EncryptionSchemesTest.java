package io.camelksm.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The encryption scheme contract on an embedded H2 file database. */
class H2EncryptionSchemesTest extends EncryptionSchemesContractTest {

    @Override
    protected String newDatabaseUrl() {
        return "jdbc:h2:file:" + tempDir.resolve("db/ksm");
    }

    @Override
    protected Connection rawConnection(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, ConnectionPool.H2_DEFAULT_USER, "");
    }
}
