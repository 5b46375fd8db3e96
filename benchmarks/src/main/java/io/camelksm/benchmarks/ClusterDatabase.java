package io.camelksm.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.camelksm.access.Caller;
import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.credential.CredentialValidator;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.runtime.TokenSharing;
import io.camelksm.store.jdbc.DatabaseSettings;

/**
 * Several camel-ksm nodes on one PostgreSQL schema, as a cluster runs them: a new schema {@code ksm_cluster_<random>}
 * on the server, one key file (in a temporary directory) that every node reads, an admin runtime that migrates the
 * schema and makes the changes, and nodes opened with {@link #openNode}, each a {@link KsmRuntime} with its own
 * connection pool, change-notice listener and token cache. Closing closes every runtime, drops the schema and deletes
 * the directory.
 */
public final class ClusterDatabase implements AutoCloseable {

    /** The caller of the admin runtime's writes. */
    static final Caller ADMIN = new Caller("bench-admin", Set.of(), "benchmarks", "bench-admin", null);

    private final String serverUrl;
    private final String schema;
    private final Path directory;
    private final List<KsmRuntime> runtimes = new ArrayList<>();
    private final KsmRuntime admin;

    /** @param serverUrl a PostgreSQL JDBC URL with the user in it, as {@code .ci/start-postgres.sh} prints it */
    public ClusterDatabase(String serverUrl) {
        if (serverUrl == null || !serverUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("The cluster benchmarks run on PostgreSQL: give a jdbc:postgresql://"
                                               + " URL (KSM_TEST_POSTGRES_URL or --jdbc-url)");
        }
        this.serverUrl = serverUrl;
        this.schema = "ksm_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            directory = Files.createTempDirectory("ksm-cluster-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the admin makes the key file and migrates the schema before any node opens; it hears nothing itself
        admin = open(settings("bench-admin", false, KsmSettings.DEFAULT_CACHE_TTL).build());
    }

    /** The admin's governed credentials: creates, grants and revokes as {@link #ADMIN}. */
    public GovernedCredentials admin() {
        return admin.credentials();
    }

    /**
     * Opens a node on the schema.
     *
     * @param changeNotices whether it listens for the other nodes' changes (else they apply within cacheTtl)
     * @param tokenSharing  whether it shares OAuth 2.0 tokens with the other nodes
     * @param oauth2        its token provider's settings
     */
    public KsmRuntime openNode(String nodeName, boolean changeNotices, Duration cacheTtl, TokenSharing tokenSharing,
                               OAuth2Settings oauth2) {
        return open(settings(nodeName, changeNotices, cacheTtl).tokenSharing(tokenSharing).oauth2(oauth2).build());
    }

    /**
     * A node's settings: the cluster's database and key file; audit in summary mode (identical granted reads queued
     * together are one row with their count), so the load that drives the benchmarks does not make it a benchmark of
     * the audit writer, and no journal directory is shared between nodes.
     */
    private KsmSettings.Builder settings(String nodeName, boolean changeNotices, Duration cacheTtl) {
        DatabaseSettings database = new DatabaseSettings(serverUrl, null, null, directory.resolve("ksm.key"),
                DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT, true, null, schema);
        return KsmSettings.builder().database(database).nodeName(nodeName).auditMode(AuditMode.SUMMARY)
                .cacheTtl(cacheTtl).changeNotices(changeNotices).writeValidator(CredentialValidator.NONE);
    }

    private KsmRuntime open(KsmSettings settings) {
        KsmRuntime runtime = KsmRuntime.open(settings);
        synchronized (runtimes) {
            runtimes.add(runtime);
        }
        return runtime;
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        synchronized (runtimes) {
            // nodes first, the admin (opened first) last
            for (int i = runtimes.size() - 1; i >= 0; i--) {
                runtimes.get(i).close();
            }
            runtimes.clear();
        }
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop the benchmark schema " + schema + ": " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
