package io.camelksm.hsm;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** {@link SoftHsmEncryptionSchemesContract} on an embedded H2 file database. */
class H2SoftHsmEncryptionSchemesTest extends SoftHsmEncryptionSchemesContract {

    @Override
    protected String newDatabaseUrl() {
        return "jdbc:h2:file:" + tempDir.resolve("db/ksm");
    }

    @Override
    protected Connection rawConnection(String url) throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }
}
