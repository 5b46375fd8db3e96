package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.AccessMode;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;

/**
 * Two nodes on one PostgreSQL schema, each caching for 60 s: what one node (or a SQL tool) commits reaches the other
 * through the change notices of migration V11 within {@link #BOUND}, so the TTL cannot be what made it apply. Needs
 * {@code KSM_TEST_POSTGRES_URL} (skipped without it, except in CI).
 */
class PostgresChangeNoticesTest {

    /** How long a change may take to reach the other node; measured latencies are in the milliseconds. */
    private static final Duration BOUND = Duration.ofSeconds(2);
    /** How long a node may take to listen (again): back-off and the 1 s probe. */
    private static final Duration LISTEN_BOUND = Duration.ofSeconds(10);
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final CredentialName GRAPH = CredentialName.of("Graph");
    private static final CredentialName MARKER = CredentialName.of("Marker");
    private static final Caller ADMIN = new Caller("admin", Set.of(), "test", "node", null);
    private static final Caller ROUTE = new Caller(null, Set.of("ops"), "route-1", "node", "ex-1");

    @TempDir
    Path tempDir;

    private final PostgresSchemas schemas = new PostgresSchemas();
    private final List<KsmRuntime> opened = new CopyOnWriteArrayList<>();
    private String url;

    @BeforeAll
    static void requirePostgresInCi() {
        PostgresSchemas.requireServerInCi();
    }

    @AfterEach
    void closeAndDrop() throws SQLException {
        opened.forEach(KsmRuntime::close);
        schemas.dropAll();
    }

    private KsmRuntime node(String name, boolean changeNotices) throws SQLException {
        if (url == null) {
            url = schemas.newSchemaUrl();
        }
        KsmRuntime runtime = KsmRuntime.open(KsmSettings.builder()
                .database(new DatabaseSettings(url, null, null, tempDir.resolve("ksm.key")))
                .auditMode(AuditMode.SYNC).cacheTtl(TTL).nodeName(name).changeNotices(changeNotices).build());
        opened.add(runtime);
        if (changeNotices) {
            await(runtime + " listens", LISTEN_BOUND,
                    () -> runtime.changeNoticeHealth().state() == ChangeNoticeHealth.State.LISTENING);
        }
        return runtime;
    }

    private static void create(KsmRuntime node, CredentialName name, String password) {
        node.credentials().create(Credential.builder(name, CredentialType.GENERAL)
                .field(CredentialField.USERNAME, "bot").secret(CredentialField.PASSWORD, Secret.of(password)).build(),
                ADMIN);
    }

    private static void grantAll(KsmRuntime node, CredentialName name) {
        node.credentials().grant(name, Dimension.ROLE, "ops", ADMIN);
        node.credentials().grant(name, Dimension.PROCESS, "route-1", ADMIN);
        node.credentials().grant(name, Dimension.RESOURCE, "node", ADMIN);
    }

    /** The password the node hands the route, or why not: "denied" or "not found". */
    private static String read(KsmRuntime node) {
        try {
            Credential credential = node.credentials().read(GRAPH, "get", ROUTE, "route-1");
            try {
                return credential.secret(CredentialField.PASSWORD).orElseThrow().reveal();
            } finally {
                credential.destroySecrets();
            }
        } catch (KsmAccessDeniedException e) {
            return "denied";
        } catch (CredentialNotFoundException e) {
            return "not found";
        }
    }

    /** Polls until the condition holds; fails after the bound. Prints how long it took. */
    private static void await(String what, Duration bound, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + bound);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        System.out.printf("%s: after %.1f ms%n", what, (System.nanoTime() - start) / 1e6);
    }

    private static void awaitRead(KsmRuntime node, String expected) {
        await("node reads '" + expected + "'", BOUND, () -> expected.equals(read(node)));
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void grantsRevokesUpdatesAndDeletesReachTheOtherNodeAtOnce() throws Exception {
        KsmRuntime one = node("node-1", true);
        KsmRuntime two = node("node-2", true);
        create(one, GRAPH, "pw-1");
        one.credentials().grant(GRAPH, Dimension.PROCESS, "route-1", ADMIN);
        one.credentials().grant(GRAPH, Dimension.RESOURCE, "node", ADMIN);
        assertThat(read(two)).as("no role granted yet; node 2 caches that for 60 s").isEqualTo("denied");

        one.credentials().grant(GRAPH, Dimension.ROLE, "ops", ADMIN);
        awaitRead(two, "pw-1");

        one.credentials().revoke(GRAPH, Dimension.ROLE, "ops", ADMIN);
        awaitRead(two, "denied");

        one.credentials().grant(GRAPH, Dimension.ROLE, "ops", ADMIN);
        awaitRead(two, "pw-1");
        Credential stored = one.credentials().inspect(GRAPH).orElseThrow();
        one.credentials().update(stored.toBuilder().secret(CredentialField.PASSWORD, Secret.of("pw-2")).build(),
                ADMIN);
        stored.destroySecrets();
        awaitRead(two, "pw-2");

        one.credentials().delete(GRAPH, ADMIN);
        awaitRead(two, "not found");
        assertThat(two.changeNoticeHealth().received()).isPositive();
    }

    @Test
    void aRevokeMadeWithSqlByAnotherToolReachesEveryNode() throws Exception {
        KsmRuntime one = node("node-1", true);
        KsmRuntime two = node("node-2", true);
        create(one, GRAPH, "pw-1");
        grantAll(one, GRAPH);
        assertThat(read(one)).isEqualTo("pw-1");
        assertThat(read(two)).isEqualTo("pw-1");

        sql("DELETE FROM access_right WHERE credential_key = 'graph' AND dimension = 'ROLE'");

        awaitRead(one, "denied");
        awaitRead(two, "denied");
    }

    @Test
    void routeMetadataWritesAndSchemesReachTheOtherNode() throws Exception {
        KsmRuntime one = node("node-1", true);
        KsmRuntime two = node("node-2", true);
        create(one, GRAPH, "pw-1");
        List<CredentialName> dropped = new CopyOnWriteArrayList<>();
        two.credentials().addChangeListener(dropped::add);

        one.credentials().allowRouteMetadataWrites(GRAPH, true, ADMIN);
        await("node 2 drops Graph's rights", BOUND, () -> dropped.contains(GRAPH));
        dropped.clear();
        one.credentials().grant(GRAPH, AccessMode.WRITE, Dimension.ROLE, "ops", ADMIN);
        await("node 2 drops Graph's rights after a write grant", BOUND, () -> dropped.contains(GRAPH));

        one.schemes().create("db-2", SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE, ADMIN);
        one.schemes().setDefault("db-2", ADMIN);
        await("node 2 writes with db-2", BOUND,
                () -> two.database().schemes().registry().current().id().equals("db-2"));
    }

    @Test
    void reencryptionSendsNoCredentialNotice() throws Exception {
        KsmRuntime one = node("node-1", true);
        KsmRuntime two = node("node-2", true);
        create(one, GRAPH, "pw-1");
        create(one, MARKER, "marker");
        one.schemes().create("db-2", SchemeAlgorithm.AES_256_GCM, KeyLocation.DATABASE, ADMIN);
        one.schemes().setDefault("db-2", ADMIN);
        await("node 2 writes with db-2", BOUND,
                () -> two.database().schemes().registry().current().id().equals("db-2"));
        List<CredentialName> dropped = new CopyOnWriteArrayList<>();
        two.credentials().addChangeListener(dropped::add);

        JdbcReencryptor reencryptor = one.database().reencryptor();
        assertThat(reencryptor.countOutdated()).isPositive();
        JdbcReencryptor.Batch batch = reencryptor.reencryptBatch(100, JdbcReencryptor.Position.START);
        assertThat(batch.rowsReencrypted()).isPositive();
        assertThat(reencryptor.countOutdated()).isZero();
        // notices arrive in commit order: once the marker's is here, one for Graph would have been too
        one.credentials().grant(MARKER, Dimension.ROLE, "ops", ADMIN);
        await("node 2 hears the marker", BOUND, () -> dropped.contains(MARKER));

        assertThat(dropped).containsExactly(MARKER);
    }

    @Test
    void aNodeThatLostItsListenerReadsTheDatabaseUntilItListensAgain() throws Exception {
        KsmRuntime one = node("node-1", false); // the writer does not listen: only node 2's listener is killed
        KsmRuntime two = node("node-2", true);
        create(one, GRAPH, "pw-1");
        grantAll(one, GRAPH);
        assertThat(read(two)).isEqualTo("pw-1");
        assertThat(two.changeNoticeHealth().reconnects()).isZero();

        String role = "SELECT current_user";
        try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
            String user;
            try (var r = s.executeQuery(role)) {
                r.next();
                user = r.getString(1);
            }
            // keeps the listener from connecting again while the test looks at the node without it; the pools and
            // this connection are open already
            s.execute("ALTER ROLE \"" + user + "\" NOLOGIN");
            try {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                          + " WHERE application_name = '" + ListeningConnection.APPLICATION_NAME + "'"
                          + " AND datname = current_database()");
                await("node 2 knows it is not listening", BOUND,
                        () -> two.changeNoticeHealth().state() == ChangeNoticeHealth.State.RECONNECTING);

                one.credentials().revoke(GRAPH, Dimension.ROLE, "ops", ADMIN);
                assertThat(read(two)).as("the revoke is honoured at once: nothing cached is served").isEqualTo(
                        "denied");
                // a grant nobody is told of (triggers off for this session) is seen too: every read goes to the database
                s.execute("SET session_replication_role = replica");
                s.execute("INSERT INTO access_right (credential_key, dimension, granted_value, granted_at,"
                          + " access_mode) VALUES ('graph', 'ROLE', 'ops', now(), 'READ')");
                assertThat(read(two)).isEqualTo("pw-1");
                assertThat(two.changeNoticeHealth().state()).isEqualTo(ChangeNoticeHealth.State.RECONNECTING);
            } finally {
                s.execute("ALTER ROLE \"" + user + "\" LOGIN");
            }

            await("node 2 listens again", LISTEN_BOUND,
                    () -> two.changeNoticeHealth().state() == ChangeNoticeHealth.State.LISTENING);
            assertThat(two.changeNoticeHealth().reconnects()).isEqualTo(1);

            assertThat(read(two)).isEqualTo("pw-1");
            // caching again: a revoke nobody is told of is not seen within the TTL
            s.execute("DELETE FROM access_right WHERE credential_key = 'graph' AND dimension = 'ROLE'");
            assertThat(read(two)).as("served from node 2's cache").isEqualTo("pw-1");
        }
    }

    @Test
    void withAnApplicationsDataSourceOneConnectionIsBorrowedAndReturnedAsItWas() throws Exception {
        KsmRuntime one = node("node-1", true);
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(PostgresSchemas.serverUrl());
        config.setMaximumPoolSize(3);
        config.addDataSourceProperty("ApplicationName", "the-application");
        try (com.zaxxer.hikari.HikariDataSource application = new com.zaxxer.hikari.HikariDataSource(config)) {
            KsmRuntime two = KsmRuntime.open(KsmSettings.builder()
                    .database(DatabaseSettings.ofDataSource(application, schema, tempDir.resolve("ksm.key")))
                    .auditMode(AuditMode.SYNC).cacheTtl(TTL).nodeName("node-2").build());
            try {
                await("node 2 listens", LISTEN_BOUND,
                        () -> two.changeNoticeHealth().state() == ChangeNoticeHealth.State.LISTENING);
                create(one, GRAPH, "pw-1");
                grantAll(one, GRAPH);
                assertThat(read(two)).isEqualTo("pw-1");
                one.credentials().revoke(GRAPH, Dimension.ROLE, "ops", ADMIN);
                awaitRead(two, "denied");
            } finally {
                two.close();
            }
            // every connection of the application's pool: none listens, none kept camel-ksm's name or schema
            List<Connection> all = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    all.add(application.getConnection());
                }
                for (Connection c : all) {
                    try (Statement s = c.createStatement()) {
                        assertThat(string(s, "SELECT current_setting('application_name')")).isEqualTo(
                                "the-application");
                        assertThat(string(s, "SELECT COUNT(*) FROM pg_listening_channels()")).isEqualTo("0");
                        assertThat(string(s, "SELECT current_schema()")).isNotEqualTo(schema);
                    }
                }
            } finally {
                for (Connection c : all) {
                    c.close();
                }
            }
        }
    }

    private static String string(Statement s, String query) throws SQLException {
        try (var r = s.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void anOutageIsOneLossOneWarningAndOneReconnectOnceTheDatabaseIsBack() throws Exception {
        KsmRuntime one = node("node-1", false);
        java.net.URI server = java.net.URI.create(PostgresSchemas.serverUrl().substring("jdbc:".length()));
        List<String> told = new CopyOnWriteArrayList<>();
        ChangeNoticeListener recording = new ChangeNoticeListener() {
            @Override
            public void noticed(ChangeNotice notice) {
                told.add(notice.kind() + " " + notice.credential());
            }

            @Override
            public void lost() {
                told.add("lost");
            }

            @Override
            public void listening() {
                told.add("listening");
            }
        };
        try (io.camelksm.testsupport.TcpCut cut = new io.camelksm.testsupport.TcpCut(server.getHost(),
                server.getPort());
             io.camelksm.testsupport.LogCapture logs = new io.camelksm.testsupport.LogCapture()) {
            var noticesLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ChangeNotices.class);
            ch.qos.logback.classic.Level level = noticesLog.getLevel();
            noticesLog.setLevel(ch.qos.logback.classic.Level.DEBUG); // to see the attempts
            String viaCut = "jdbc:postgresql://127.0.0.1:" + cut.port() + url.substring(url.indexOf('/',
                    "jdbc:postgresql://".length())) + "&password=hunter2";
            try (KsmDatabase database = KsmDatabase.open(new DatabaseSettings(viaCut, null, null,
                    tempDir.resolve("ksm.key")).withConnectionTimeout(Duration.ofSeconds(1)));
                 ChangeNotices notices = database.listenForChanges(recording).orElseThrow()) {
                await("listening", LISTEN_BOUND,
                        () -> notices.health().state() == ChangeNoticeHealth.State.LISTENING);

                cut.cut();
                await("the loss is noticed", BOUND,
                        () -> notices.health().state() == ChangeNoticeHealth.State.RECONNECTING);
                create(one, GRAPH, "pw-1"); // while it cannot hear
                // several attempts fail meanwhile (back-off from 100 ms): one loss, one warning
                await("a few attempts", LISTEN_BOUND, () -> logs.text().contains("Still cannot listen"));
                cut.restore();
                await("listening again", LISTEN_BOUND,
                        () -> notices.health().state() == ChangeNoticeHealth.State.LISTENING);
                one.credentials().grant(GRAPH, Dimension.ROLE, "ops", ADMIN);
                await("the grant is heard", BOUND, () -> told.contains("RIGHTS graph"));

                assertThat(told).containsExactly("listening", "lost", "listening", "RIGHTS graph");
                assertThat(notices.health().reconnects()).isEqualTo(1);
                assertThat(notices.health().received()).isEqualTo(1);
            } finally {
                noticesLog.setLevel(level);
            }
            assertThat(logs.messages(ChangeNotices.class.getName()).stream()
                    .filter(m -> m.startsWith("Not listening"))).hasSize(1);
            assertThat(logs.text()).doesNotContain("hunter2");
        }
    }

    @Test
    void aConnectionThatDiesSilentlyIsFoundByTheProbe() throws Exception {
        node("node-1", false); // makes the schema
        java.net.URI server = java.net.URI.create(PostgresSchemas.serverUrl().substring("jdbc:".length()));
        try (io.camelksm.testsupport.TcpCut cut = new io.camelksm.testsupport.TcpCut(server.getHost(),
                server.getPort())) {
            String viaCut = "jdbc:postgresql://127.0.0.1:" + cut.port() + url.substring(url.indexOf('/',
                    "jdbc:postgresql://".length()));
            try (KsmDatabase database = KsmDatabase.open(new DatabaseSettings(viaCut, null, null,
                    tempDir.resolve("ksm.key")).withConnectionTimeout(Duration.ofSeconds(1)));
                 ChangeNotices notices = database.listenForChanges(new ChangeDispatchless()).orElseThrow()) {
                await("listening", LISTEN_BOUND,
                        () -> notices.health().state() == ChangeNoticeHealth.State.LISTENING);

                cut.stall(); // no error, no close: only the probe (and its timeout) can tell
                Duration found = ChangeNotices.PROBE_INTERVAL.plus(ChangeNotices.PROBE_TIMEOUT).plusSeconds(2);
                await("the silent loss is found", found,
                        () -> notices.health().state() == ChangeNoticeHealth.State.RECONNECTING);
                await("listening on a new connection", LISTEN_BOUND,
                        () -> notices.health().state() == ChangeNoticeHealth.State.LISTENING);
                assertThat(notices.health().reconnects()).isEqualTo(1);
            }
        }
    }

    /** A listener for tests that look at the health only. */
    private static final class ChangeDispatchless implements ChangeNoticeListener {
        @Override
        public void noticed(ChangeNotice notice) {
        }

        @Override
        public void lost() {
        }

        @Override
        public void listening() {
        }
    }

    @Test
    void aNoticeTheNodeFailedToHandleCountsAsALostConnection() throws Exception {
        KsmRuntime one = node("node-1", false);
        List<String> told = new CopyOnWriteArrayList<>();
        ChangeNoticeListener failingOnce = new ChangeNoticeListener() {
            @Override
            public void noticed(ChangeNotice notice) {
                told.add(notice.kind().word());
                if (told.size() == 2) {
                    throw new IllegalStateException("cannot drop what is cached");
                }
            }

            @Override
            public void lost() {
                told.add("lost");
            }

            @Override
            public void listening() {
                told.add("listening");
            }
        };
        try (ChangeNotices notices = one.database().listenForChanges(failingOnce).orElseThrow()) {
            await("listening", LISTEN_BOUND, () -> told.contains("listening"));
            one.credentials().grant(GRAPH, Dimension.ROLE, "ops", ADMIN);
            await("listening again", LISTEN_BOUND, () -> told.size() == 4);
            assertThat(told).containsExactly("listening", "rights", "lost", "listening");
            assertThat(notices.health().reconnects()).isEqualTo(1);
        }
    }

    @Test
    void withoutChangeNoticesTheHealthIsOff() throws Exception {
        KsmRuntime node = node("node-1", false);
        assertThat(node.changeNoticeHealth().state()).isEqualTo(ChangeNoticeHealth.State.OFF);
    }

    @Test
    void h2HasNoChangeNoticesAndCachesAsBefore() {
        try (KsmRuntime h2 = KsmRuntime.open(KsmSettings.builder().embeddedDatabase(tempDir.resolve("h2"))
                .auditMode(AuditMode.SYNC).cacheTtl(TTL).build())) {
            assertThat(h2.changeNoticeHealth().state()).isEqualTo(ChangeNoticeHealth.State.OFF);
            create(h2, GRAPH, "pw-1");
            grantAll(h2, GRAPH);
            assertThat(read(h2)).isEqualTo("pw-1");
            h2.credentials().revoke(GRAPH, Dimension.ROLE, "ops", ADMIN);
            assertThat(read(h2)).as("a change made through the node applies at once").isEqualTo("denied");
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedLeavesTheListenerReconnecting() {
        ChangeNoticeListener ignoring = new ChangeNoticeListener() {
            @Override
            public void noticed(ChangeNotice notice) {
            }

            @Override
            public void lost() {
            }

            @Override
            public void listening() {
            }
        };
        ListeningConnection.Source nowhere = ListeningConnection.own(new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:1/none?password=s3cret-value", "nobody", null,
                tempDir.resolve("k")).withConnectionTimeout(Duration.ofMillis(250)));
        try (ChangeNotices notices = ChangeNotices.start(nowhere, ignoring)) {
            assertThat(notices.health().state()).isEqualTo(ChangeNoticeHealth.State.RECONNECTING);
            await("the first attempt failed", LISTEN_BOUND, () -> notices.health().detail().startsWith("not listening"));
            ChangeNoticeHealth health = notices.health();
            assertThat(health.state()).isEqualTo(ChangeNoticeHealth.State.RECONNECTING);
            assertThat(health.detail()).contains("127.0.0.1:1").doesNotContain("s3cret-value");
        }
    }
}
