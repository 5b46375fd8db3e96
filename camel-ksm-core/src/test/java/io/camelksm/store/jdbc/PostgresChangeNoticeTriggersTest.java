package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.camelksm.access.AccessMode;
import io.camelksm.access.Dimension;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.SchemeAlgorithm;

/**
 * The triggers of migration V11, seen from a plain {@code LISTEN} session: which write sends which payload (exactly
 * {@link ChangeNotice#payload}), which write sends none (re-encryption), and which shared tokens they drop. Needs
 * {@code KSM_TEST_POSTGRES_URL} (skipped without it, except in CI).
 */
class PostgresChangeNoticeTriggersTest {

    private static final CredentialName GRAPH = CredentialName.of("Graph");
    private static final String MARKER = "test-marker";

    @TempDir
    Path tempDir;

    private final PostgresSchemas schemas = new PostgresSchemas();
    private KsmDatabase database;
    private Connection listening;
    private String url;
    private String schema;

    @BeforeAll
    static void requirePostgresInCi() {
        PostgresSchemas.requireServerInCi();
    }

    private void open() throws SQLException {
        url = schemas.newSchemaUrl();
        database = KsmDatabase.open(new DatabaseSettings(url, null, null, tempDir.resolve("ksm.key")));
        listening = DriverManager.getConnection(url);
        try (Statement s = listening.createStatement()) {
            s.execute("LISTEN " + ChangeNotice.CHANNEL);
            try (ResultSet r = s.executeQuery("SELECT current_schema()")) {
                r.next();
                schema = r.getString(1);
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        if (listening != null) {
            listening.close();
        }
        if (database != null) {
            database.close();
        }
        schemas.dropAll();
    }

    /** The payloads sent since the last call, in commit order: read until a marker sent after them arrives. */
    private List<String> notices() throws SQLException {
        sql("SELECT pg_notify('" + ChangeNotice.CHANNEL + "', '" + MARKER + "')");
        List<String> payloads = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            PGNotification[] arrived = listening.unwrap(PGConnection.class).getNotifications(500);
            for (PGNotification notification : arrived == null ? new PGNotification[0] : arrived) {
                if (notification.getParameter().equals(MARKER)) {
                    return payloads;
                }
                payloads.add(notification.getParameter());
            }
        }
        throw new AssertionError("the marker did not arrive; so far: " + payloads);
    }

    private String payload(ChangeNotice.Kind kind, String name) {
        return ChangeNotice.payload(kind, schema, name);
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A shared token row as branch shared-tokens stores them (the ciphertext does not matter here). */
    private void storeToken(String tokenKey, String credentialKey, String schemeId) throws SQLException {
        sql("INSERT INTO oauth_token (token_key, credential_key, scheme_id, ciphertext, token_type, issued_at,"
            + " expires_at, fetched_by) VALUES ('" + tokenKey + "', '" + credentialKey + "', '" + schemeId
            + "', 'x', 'Bearer', now(), now() + interval '1 hour', 'node-1')");
    }

    private long tokens(String credentialKey) throws SQLException {
        return count("SELECT COUNT(*) FROM oauth_token WHERE credential_key = '" + credentialKey + "'");
    }

    @Test
    void credentialWritesNotifyAndDropTheCredentialsSharedTokens() throws SQLException {
        open();
        database.credentials().create(KsmDatabaseContractTest.basic("Graph", "pw-1"));
        assertThat(notices()).containsExactly(payload(ChangeNotice.Kind.CREDENTIAL, "graph"));

        storeToken("t1", "graph", KsmDatabase.DEFAULT_SCHEME_ID);
        storeToken("t2", "other", KsmDatabase.DEFAULT_SCHEME_ID);
        Credential stored = database.credentials().find(GRAPH).orElseThrow();
        // what a route's set / setProperty does too (GovernedCredentials.change writes through update)
        database.credentials().update(stored.toBuilder().secret(CredentialField.PASSWORD, Secret.of("pw-2")).build());
        stored.destroySecrets();
        assertThat(notices()).containsExactly(payload(ChangeNotice.Kind.CREDENTIAL, "graph"));
        assertThat(tokens("graph")).as("a changed credential's tokens").isZero();
        assertThat(tokens("other")).isOne();

        storeToken("t3", "graph", KsmDatabase.DEFAULT_SCHEME_ID);
        database.credentials().delete(GRAPH);
        assertThat(notices()).containsExactly(payload(ChangeNotice.Kind.CREDENTIAL, "graph"));
        assertThat(tokens("graph")).isZero();
    }

    @Test
    void aRenamedKeyNotifiesTheOldAndTheNewName() throws SQLException {
        open();
        database.credentials().create(KsmDatabaseContractTest.basic("Graph", "pw-1"));
        notices();

        sql("UPDATE credential SET name = 'Graph2', name_key = 'graph2' WHERE name_key = 'graph'");

        assertThat(notices()).containsExactly(payload(ChangeNotice.Kind.CREDENTIAL, "graph"),
                payload(ChangeNotice.Kind.CREDENTIAL, "graph2"));
    }

    @Test
    void rightsNotifyAndARevokeDropsTheCredentialsSharedTokens() throws SQLException {
        open();
        database.accessRights().grant(GRAPH, Dimension.ROLE, "ops");
        assertThat(notices()).containsExactly(payload(ChangeNotice.Kind.RIGHTS, "graph"));

        storeToken("t1", "graph", KsmDatabase.DEFAULT_SCHEME_ID);
        database.accessRights().allowRouteMetadataWrites(GRAPH, true);
        database.accessRights().allowRouteMetadataWrites(GRAPH, false);
        database.accessRights().grant(GRAPH, AccessMode.WRITE, Dimension.ROLE, "ops");
        assertThat(notices()).containsExactly(payload(ChangeNotice.Kind.RIGHTS, "graph"),
                payload(ChangeNotice.Kind.RIGHTS, "graph"), payload(ChangeNotice.Kind.RIGHTS, "graph"));
        assertThat(tokens("graph")).as("no right was taken away").isOne();

        database.accessRights().revoke(GRAPH, Dimension.ROLE, "ops");
        assertThat(notices()).containsExactly(payload(ChangeNotice.Kind.RIGHTS, "graph"));
        assertThat(tokens("graph")).as("a revoke drops the tokens").isZero();

        storeToken("t2", "graph", KsmDatabase.DEFAULT_SCHEME_ID);
        database.accessRights().revokeAll(GRAPH);
        assertThat(notices()).as("one notice per transaction and payload")
                .containsExactly(payload(ChangeNotice.Kind.RIGHTS, "graph"));
        assertThat(tokens("graph")).isZero();
    }

    @Test
    void schemeChangesNotifyAndARetiredSchemesTokensAreDropped() throws SQLException {
        open();
        DatabaseSchemes schemes = database.schemes();
        schemes.create("db-2", SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE);
        schemes.setDefault("db-2");
        assertThat(notices()).as("one per transaction: the new row, then the two rows whose default changed")
                .containsExactly(payload(ChangeNotice.Kind.SCHEMES, null), payload(ChangeNotice.Kind.SCHEMES, null));
        assertThat(payload(ChangeNotice.Kind.SCHEMES, null)).endsWith("|" + schema + "|");

        storeToken("t1", "graph", KsmDatabase.DEFAULT_SCHEME_ID);
        storeToken("t2", "graph", "db-2");
        schemes.retire(KsmDatabase.DEFAULT_SCHEME_ID);
        assertThat(notices()).containsExactly(payload(ChangeNotice.Kind.SCHEMES, null));
        assertThat(count("SELECT COUNT(*) FROM oauth_token WHERE scheme_id = '" + KsmDatabase.DEFAULT_SCHEME_ID
                         + "'")).as("tokens encrypted with the retired scheme").isZero();
        assertThat(count("SELECT COUNT(*) FROM oauth_token WHERE scheme_id = 'db-2'")).isOne();
    }

    @Test
    void anApplicationRoleWithoutRightsOnTheTokenTableWritesAndListens() throws Exception {
        open();
        String app = "ksm_app_" + schema.substring(schema.length() - 8);
        database.credentials().create(KsmDatabaseContractTest.basic("Graph", "pw-1"));
        storeToken("t1", "graph", KsmDatabase.DEFAULT_SCHEME_ID);
        // the grants ksm-component.adoc lists for an application role: nothing on oauth_token
        sql("CREATE ROLE " + app + " LOGIN", "GRANT USAGE ON SCHEMA " + schema + " TO " + app,
                "GRANT SELECT ON ksm_schema_history, encryption_scheme TO " + app,
                "GRANT SELECT, INSERT, UPDATE, DELETE ON credential, credential_field, credential_property,"
                + " access_right, route_metadata_write TO " + app,
                "GRANT SELECT, INSERT ON audit_event TO " + app, "GRANT SELECT, UPDATE ON audit_chain_head TO " + app);
        notices();
        String appUrl = url.replaceFirst("user=[^&]*", "user=" + app);
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (KsmDatabase asApp = KsmDatabase.open(new DatabaseSettings(appUrl, null, null, tempDir.resolve("ksm.key"))
                .withMigrate(false));
             ChangeNotices notices = asApp.listenForChanges(new ChangeNoticeListener() {
                 @Override
                 public void noticed(ChangeNotice notice) {
                     heard.add(notice.toString());
                 }

                 @Override
                 public void lost() {
                 }

                 @Override
                 public void listening() {
                     heard.add("listening");
                 }
             }).orElseThrow()) {
            awaitTrue(() -> notices.health().state() == ChangeNoticeHealth.State.LISTENING);
            Credential stored = asApp.credentials().find(GRAPH).orElseThrow();
            asApp.credentials().update(stored.toBuilder().secret(CredentialField.PASSWORD, Secret.of("pw-2")).build());
            stored.destroySecrets();
            assertThat(tokens("graph")).as("dropped by the trigger, which runs as the schema's owner").isZero();
            storeToken("t2", "graph", KsmDatabase.DEFAULT_SCHEME_ID);
            asApp.accessRights().grant(GRAPH, Dimension.ROLE, "ops");
            asApp.accessRights().revoke(GRAPH, Dimension.ROLE, "ops");
            assertThat(tokens("graph")).isZero();
            assertThat(notices()).containsExactly(payload(ChangeNotice.Kind.CREDENTIAL, "graph"),
                    payload(ChangeNotice.Kind.RIGHTS, "graph"), payload(ChangeNotice.Kind.RIGHTS, "graph"));
            awaitTrue(() -> heard.size() == 4);
            assertThat(heard).as("the application role listens too").containsExactly("listening",
                    "ChangeNotice[kind=CREDENTIAL, credential=graph]", "ChangeNotice[kind=RIGHTS, credential=graph]",
                    "ChangeNotice[kind=RIGHTS, credential=graph]");
        } finally {
            sql("DROP OWNED BY " + app, "DROP ROLE " + app);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void reencryptionSendsNothing() throws SQLException {
        open();
        database.credentials().create(KsmDatabaseContractTest.basic("Graph", "pw-1"));
        database.schemes().create("db-2", SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE);
        database.schemes().setDefault("db-2");
        notices();

        JdbcReencryptor.Batch batch = database.reencryptor().reencryptBatch(100, JdbcReencryptor.Position.START);

        assertThat(batch.rowsReencrypted()).isPositive();
        assertThat(notices()).as("the values are the same: nothing cached is stale").isEmpty();
    }
}
