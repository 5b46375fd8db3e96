package io.camelksm.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.camel.RoutesBuilder;

import io.camelksm.store.jdbc.ChangeNoticeHealth;

/**
 * Three (or n) nodes on one PostgreSQL schema and one key file, as a deployment runs them: the same database URL and
 * key file on every node, a node name each, cacheTtl 60 s (so that the TTL can never be what made a change apply
 * within the few seconds a test waits), and an audit journal directory each (a node's journal is its own). The nodes
 * are started one after the other, each once it listens, so that the listening connection of each is known by its
 * backend pid.
 */
final class Cluster implements AutoCloseable {

    /** The read cache's TTL on every node: far longer than any bound the tests state. */
    static final Duration CACHE_TTL = Duration.ofSeconds(60);
    /** How long a request waits for a database connection before it fails (the restart test waits that long). */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    /** How long a node may take to listen after it started. */
    static final Duration LISTENING_AFTER_START = Duration.ofSeconds(10);

    private final ClusterDatabase database;
    private final Path dir;
    private final Path keyFile;
    private final Admin admin;
    private final List<ClusterNode> nodes = new ArrayList<>();
    private final Map<String, Integer> listenerPids = new HashMap<>();

    private Cluster(ClusterDatabase database, Path dir) {
        this.database = database;
        this.dir = dir;
        this.keyFile = dir.resolve("keys/ksm.key");
        this.admin = new Admin(database.url(), keyFile);
    }

    /** A new schema; no node yet (ksm-admin usually creates the credentials first, and with them the key file). */
    static Cluster create(Path dir) throws Exception {
        return new Cluster(ClusterDatabase.create(), dir);
    }

    ClusterDatabase database() {
        return database;
    }

    Admin admin() {
        return admin;
    }

    /**
     * Starts nodes {@code node-1} .. {@code node-n}, each with the common options, the given ones, and the routes made
     * for its name; each is started once the one before it listens.
     */
    List<ClusterNode> start(int n, Map<String, String> options, Function<String, RoutesBuilder> routes)
            throws Exception {
        for (int i = 1; i <= n; i++) {
            String name = "node-" + i;
            Map<String, String> all = new HashMap<>();
            all.put("jdbcUrl", database.url());
            all.put("keyFile", keyFile.toString());
            all.put("nodeName", name);
            all.put("cacheTtl", Long.toString(CACHE_TTL.toMillis()));
            all.put("dbConnectionTimeout", Long.toString(CONNECTION_TIMEOUT.toMillis()));
            all.put("auditJournalDirectory", dir.resolve(name).resolve("audit-journal").toString());
            all.putAll(options);
            Set<Integer> before = database.listenerPids();
            ClusterNode node = ClusterNode.start(name, all, routes.apply(name));
            nodes.add(node);
            Poll.until(name + " listens for change notices", LISTENING_AFTER_START,
                    () -> node.changeNotices().state() == ChangeNoticeHealth.State.LISTENING);
            Set<Integer> added = new HashSet<>(database.listenerPids());
            added.removeAll(before);
            if (added.size() != 1) {
                throw new AssertionError(name + " should have opened one listening connection ("
                                         + ClusterDatabase.LISTENER_APPLICATION + "), found " + added);
            }
            listenerPids.put(name, added.iterator().next());
        }
        return List.copyOf(nodes);
    }

    List<ClusterNode> nodes() {
        return List.copyOf(nodes);
    }

    ClusterNode node(int number) {
        return nodes.get(number - 1);
    }

    /** The backend pid of the node's listening connection as it was when the node started. */
    int listenerPid(ClusterNode node) {
        return listenerPids.get(node.name());
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            } catch (Exception e) {
                failure = e;
            }
        }
        nodes.clear();
        try {
            database.close();
        } catch (Exception e) {
            if (failure == null) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
