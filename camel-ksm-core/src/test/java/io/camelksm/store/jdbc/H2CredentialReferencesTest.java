package io.camelksm.store.jdbc;

/** Where credentials are used, on an embedded H2 file database (two runtimes open it, as two nodes would). */
class H2CredentialReferencesTest extends CredentialReferencesContractTest {

    @Override
    protected String newDatabaseUrl() {
        return "jdbc:h2:file:" + tempDir.resolve("db/ksm");
    }
}
