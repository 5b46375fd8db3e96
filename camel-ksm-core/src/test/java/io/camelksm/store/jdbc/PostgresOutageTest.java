package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.KsmException;
import io.camelksm.credential.CredentialName;
import io.camelksm.testsupport.TcpCut;

/**
 * A PostgreSQL outage under a running database: calls fail after the connection timeout with an error naming it (not
 * after HikariCP's default 30 s), and work again once the database is reachable, without reopening anything. The
 * outage is a cut TCP forwarder in front of the test server ({@code KSM_TEST_POSTGRES_URL}).
 */
class PostgresOutageTest {

    @TempDir
    Path tempDir;

    @Test
    void callsFailFastWhileTheDatabaseIsUnreachableAndRecoverAfter() throws Exception {
        String serverUrl = System.getenv(PostgresSchemas.URL_VARIABLE);
        if (serverUrl == null || serverUrl.isBlank()) {
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                fail(PostgresSchemas.URL_VARIABLE + " is not set, but CI is");
            }
            Assumptions.abort(PostgresSchemas.URL_VARIABLE + " is not set: skipping");
        }
        String schema = "ksm_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        URI server = URI.create(serverUrl.substring("jdbc:".length()));
        try (TcpCut cut = new TcpCut(server.getHost(), server.getPort())) {
            String url = "jdbc:postgresql://127.0.0.1:" + cut.port() + server.getRawPath() + "?"
                         + server.getRawQuery() + "&currentSchema=" + schema + "&password=hunter2";
            DatabaseSettings settings = new DatabaseSettings(url, null, null, tempDir.resolve("ksm.key"))
                    .withConnectionTimeout(Duration.ofSeconds(1));
            try (KsmDatabase db = KsmDatabase.open(settings)) {
                db.credentials().create(KsmDatabaseContractTest.basic("Outage", "pw"));

                cut.cut();
                // pooled connections used just before the cut fail at once with an I/O error, one call each
                KsmException timedOut = null;
                Duration waited = null;
                for (int call = 0; call < 10 && timedOut == null; call++) {
                    long start = System.nanoTime();
                    Throwable failure = catchThrowable(() -> db.credentials().find(CredentialName.of("Outage")));
                    assertThat(failure).isInstanceOf(KsmException.class).hasMessageNotContaining("hunter2");
                    if (failure.getMessage().contains("no connection to the camel-ksm database")) {
                        timedOut = (KsmException) failure;
                        waited = Duration.ofNanos(System.nanoTime() - start);
                    }
                }
                assertThat(timedOut).as("a call that waited for a connection").isNotNull();
                assertThat(timedOut)
                        .hasMessageContaining("no connection to the camel-ksm database jdbc:postgresql://127.0.0.1:"
                                              + cut.port())
                        .hasMessageContaining("within the connection timeout of 1000 ms (option dbConnectionTimeout)")
                        .hasMessageContaining("password=******");
                // far below HikariCP's 30 s default, with room for a slow machine
                assertThat(waited).isLessThan(Duration.ofSeconds(15));

                cut.restore();
                // the same database object, no restart: a connection the outage broke may still fail once
                Throwable lastFailure = null;
                for (int call = 0; call < 10; call++) {
                    lastFailure = catchThrowable(() -> assertThat(db.credentials().find(CredentialName.of("Outage")))
                            .isPresent());
                    if (lastFailure == null) {
                        break;
                    }
                }
                assertThat(lastFailure).as("a call after the database came back").isNull();
            }
        } finally {
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
