package io.camelksm.store.jdbc;

import io.camelksm.audit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.crypto.KeyFile;
import io.camelksm.store.jdbc.AuditVerification.Kind;
import io.camelksm.store.jdbc.AuditVerification.Problem;

/**
 * The audit trail's MAC chain on an embedded H2 database, tampered with the way its owner could: triggers dropped,
 * rows deleted, changed, swapped, the table truncated and refilled. Each time verify names the first place it breaks.
 */
class AuditChainTest {

    /** Every column but the id: what a tamperer copies when moving rows around. */
    private static final String ROW = AuditColumns.NAMES + ", chain_seq, chain_mac";

    @TempDir
    Path dir;

    private String url;
    private DatabaseSettings settings;
    private KsmDatabase db;

    @BeforeEach
    void open() {
        url = "jdbc:h2:file:" + dir.resolve("db/ksm");
        settings = new DatabaseSettings(url, null, null, dir.resolve("keys/ksm.key"));
        db = KsmDatabase.open(settings);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection(url, ConnectionPool.H2_DEFAULT_USER, "");
    }

    private static AuditEvent event(int n) {
        return new AuditEvent(Instant.parse("2025-03-04T05:06:07.123456Z").plusSeconds(n), "Api", "authorize",
                "route-1", "exchange-" + n, "alice", Set.of("ops", "a,b"), "invoices", "node-a",
                n % 2 == 0 ? AuditOutcome.GRANTED : AuditOutcome.DENIED, "event " + n);
    }

    /** Five single events: seq 1..5 at ids 1..5. */
    private void recordFive() {
        for (int i = 1; i <= 5; i++) {
            db.auditTrail().record(event(i));
        }
    }

    /** Drops the append-only trigger, as the database owner can. */
    private static void dropGuard(Statement s) throws SQLException {
        s.execute("DROP TRIGGER audit_event_append_only");
    }

    private long idOf(Connection c, long seq) throws SQLException {
        return Long.parseLong(KsmDatabaseContractTest.selectString(c,
                "SELECT id FROM audit_event WHERE chain_seq = " + seq));
    }

    private static Problem problem(AuditVerification v) {
        assertThat(v.intact()).as("tampering detected: %s", v).isFalse();
        return v.firstProblem();
    }

    @Test
    void anIntactTrailVerifies() {
        recordFive();
        db.auditTrail().recordAll(List.of(event(6), event(7), event(8)));

        AuditVerification v = db.verifyAuditTrail();

        assertThat(v.intact()).as("%s", v).isTrue();
        assertThat(v.chainedRows()).isEqualTo(8);
        assertThat(v.lastSeq()).isEqualTo(8);
        assertThat(v.legacyRows()).isZero();
        assertThat(v.lastMac()).hasSize(64);
        assertThat(db.auditTrail().tail(8)).extracting(AuditEvent::reason).containsExactly("event 1", "event 2",
                "event 3", "event 4", "event 5", "event 6", "event 7", "event 8");
    }

    @Test
    void aDeletedRowIsAGapAtItsSequenceNumber() throws SQLException {
        recordFive();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            dropGuard(s);
            long next = idOf(c, 4);
            s.execute("DELETE FROM audit_event WHERE chain_seq = 3");

            Problem p = problem(db.verifyAuditTrail());
            assertThat(p.kind()).isEqualTo(Kind.GAP);
            assertThat(p.seq()).isEqualTo(3);
            assertThat(p.id()).isEqualTo(next);
            assertThat(p.description()).contains("seq 3 missing");
        }
    }

    @Test
    void anUpdatedRowIsChangedAtItsSequenceNumber() throws SQLException {
        recordFive();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            dropGuard(s);
            s.execute("UPDATE audit_event SET outcome = 'GRANTED' WHERE chain_seq = 3");

            Problem p = problem(db.verifyAuditTrail());
            assertThat(p.kind()).isEqualTo(Kind.CHANGED);
            assertThat(p.seq()).isEqualTo(3);
            assertThat(p.id()).isEqualTo(idOf(c, 3));
        }
    }

    @Test
    void swappedRowsAreReordered() throws SQLException {
        recordFive();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            dropGuard(s);
            long id2 = idOf(c, 2);
            long id3 = idOf(c, 3);
            // every column but the id, so each row still matches its own MAC: only the order is wrong
            List<Object[]> rows = copyRows(c, "WHERE id IN (" + id2 + ", " + id3 + ") ORDER BY id");
            s.execute("DELETE FROM audit_event WHERE id IN (" + id2 + ", " + id3 + ")");
            insertRows(c, List.of(withId(rows.get(1), id2), withId(rows.get(0), id3)));

            Problem p = problem(db.verifyAuditTrail());
            assertThat(p.kind()).isEqualTo(Kind.REORDERED);
            assertThat(p.seq()).isEqualTo(3);
            assertThat(p.id()).isEqualTo(id2);
        }
    }

    @Test
    void swappedContentsAreAChangeAtTheFirstOfThem() throws SQLException {
        recordFive();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            dropGuard(s);
            s.execute("UPDATE audit_event SET reason = CASE chain_seq WHEN 2 THEN 'event 3' ELSE 'event 2' END,"
                      + " exchange_id = CASE chain_seq WHEN 2 THEN 'exchange-3' ELSE 'exchange-2' END"
                      + " WHERE chain_seq IN (2, 3)");

            Problem p = problem(db.verifyAuditTrail());
            assertThat(p.kind()).isEqualTo(Kind.CHANGED);
            assertThat(p.seq()).isEqualTo(2);
        }
    }

    @Test
    void truncatedAndRefilledWithoutOneRowIsAGap() throws SQLException {
        recordFive();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            List<Object[]> rows = copyRows(c, "ORDER BY id");
            s.execute("TRUNCATE TABLE audit_event"); // H2 fires no trigger on TRUNCATE
            rows.remove(2);
            insertRows(c, rows);

            Problem p = problem(db.verifyAuditTrail());
            assertThat(p.kind()).isEqualTo(Kind.GAP);
            assertThat(p.seq()).isEqualTo(3);
        }
    }

    @Test
    void truncatedAndRefilledInAnotherOrderIsReordered() throws SQLException {
        recordFive();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            List<Object[]> rows = copyRows(c, "ORDER BY id");
            s.execute("TRUNCATE TABLE audit_event");
            insertRows(c, List.of(rows.get(0), rows.get(1), rows.get(3), rows.get(2), rows.get(4)));

            Problem p = problem(db.verifyAuditTrail());
            assertThat(p.kind()).isEqualTo(Kind.REORDERED);
            assertThat(p.seq()).isEqualTo(4);
        }
    }

    @Test
    void truncatedAndRefilledWithForgedRowsIsCaughtByTheHead() throws SQLException {
        recordFive();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE audit_event");
            s.execute("INSERT INTO audit_event (event_time, credential, operation, roles, outcome, reason)"
                      + " VALUES (CURRENT_TIMESTAMP, 'Api', 'authorize', '', 'DENIED', 'looks legacy')");

            Problem p = problem(db.verifyAuditTrail());
            assertThat(p.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(p.seq()).isEqualTo(1);
            assertThat(p.description()).contains("records seq 5");
        }
    }

    @Test
    void deletingTheNewestRowsIsCaughtByTheHead() throws SQLException {
        recordFive();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            dropGuard(s);
            s.execute("DELETE FROM audit_event WHERE chain_seq >= 4");

            Problem p = problem(db.verifyAuditTrail());
            assertThat(p.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(p.seq()).isEqualTo(4);
        }
    }

    @Test
    void aRowInsertedBehindCamelKsmsBackIsUnchained() throws SQLException {
        recordFive();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO audit_event (event_time, credential, operation, roles, outcome, reason)"
                      + " VALUES (CURRENT_TIMESTAMP, 'Api', 'grant', '', 'GRANTED', 'forged')");
            long forged = Long.parseLong(KsmDatabaseContractTest.selectString(c, "SELECT MAX(id) FROM audit_event"));
            db.auditTrail().record(event(6));

            Problem p = problem(db.verifyAuditTrail());
            assertThat(p.kind()).isEqualTo(Kind.UNCHAINED);
            assertThat(p.seq()).isEqualTo(6);
            assertThat(p.id()).isEqualTo(forged);
        }
    }

    @Test
    void aRowForgedWithAKeyFromTheDatabaseIsChanged() throws SQLException {
        recordFive();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            dropGuard(s);
            // the best a database-only attacker has: everything stored, e.g. the key check value, as key material
            String keyCheck = KsmDatabaseContractTest.selectString(c,
                    "SELECT key_check FROM encryption_scheme WHERE id = '" + KsmDatabase.DEFAULT_SCHEME_ID + "'");
            try (AuditMac guessed = AuditMac.fromFileKey(keyCheck.getBytes(StandardCharsets.UTF_8))) {
                Object[] row2 = copyRows(c, "WHERE chain_seq = 2").get(0);
                Object[] values = java.util.Arrays.copyOf(copyRows(c, "WHERE chain_seq = 3").get(0),
                        AuditColumns.ALL.size());
                values[java.util.Arrays.asList(AuditColumns.NAMES.split(", ")).indexOf("reason")] = "event 99";
                byte[] mac = guessed.mac(HexFormat.of().parseHex((String) row2[row2.length - 1]), 3, values);
                try (PreparedStatement update = c.prepareStatement("UPDATE audit_event SET reason = ?, chain_mac = ?"
                                                                   + " WHERE chain_seq = 3")) {
                    update.setString(1, "event 99");
                    update.setString(2, AuditMac.hex(mac));
                    update.executeUpdate();
                }
            }

            Problem p = problem(db.verifyAuditTrail());
            assertThat(p.kind()).isEqualTo(Kind.CHANGED);
            assertThat(p.seq()).isEqualTo(3);
        }
    }

    @Test
    void theMacKeyIsDerivedFromTheKeyFileAndStoredNowhereInTheDatabase() throws Exception {
        recordFive();
        byte[] fileKey = new KeyFile(settings.keyFile()).load();
        byte[] macKey = hkdfSha256(fileKey, "camel-ksm audit chain", "camel-ksm audit_event MAC key v1");

        try (Connection c = raw(); Statement s = c.createStatement()) {
            // an independent HKDF (RFC 5869) of the key file's key reproduces the stored MAC of seq 1
            Object[] row1 = copyRows(c, "WHERE chain_seq = 1").get(0);
            Object[] values = java.util.Arrays.copyOf(row1, AuditColumns.ALL.size());
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            byte[] expected = hmac.doFinal(AuditMac.encode(AuditMac.GENESIS, 1, AuditColumns.ALL, values));
            assertThat(row1[row1.length - 1]).isEqualTo(HexFormat.of().formatHex(expected));

            // and neither that key nor the key file's is anywhere in the database (H2's SCRIPT dumps all of it)
            StringBuilder dump = new StringBuilder();
            try (ResultSet rs = s.executeQuery("SCRIPT")) {
                while (rs.next()) {
                    dump.append(rs.getString(1)).append('\n');
                }
            }
            String all = dump.toString().toLowerCase();
            assertThat(all).contains("audit_chain_head").contains(((String) row1[row1.length - 1]).toLowerCase());
            for (byte[] key : List.of(fileKey, macKey)) {
                assertThat(all).doesNotContain(HexFormat.of().formatHex(key))
                        .doesNotContain(Base64.getEncoder().encodeToString(key).toLowerCase());
            }
        }
        java.util.Arrays.fill(fileKey, (byte) 0);
    }

    @Test
    void rowsFromBeforeTheChainAreUnchainedLegacyRows() throws SQLException {
        db.close();
        db = null;
        String legacyUrl = "jdbc:h2:file:" + dir.resolve("legacy/ksm");
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(legacyUrl, ConnectionPool.H2_DEFAULT_USER, "")
                .locations(SchemaMigration.LOCATION + "common", SchemaMigration.LOCATION + "h2")
                .table(SchemaMigration.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
                .target("3").load().migrate();
        try (Connection c = DriverManager.getConnection(legacyUrl, ConnectionPool.H2_DEFAULT_USER, "");
             Statement s = c.createStatement()) {
            for (int i = 0; i < 2; i++) {
                s.execute("INSERT INTO audit_event (event_time, credential, operation, roles, outcome, reason)"
                          + " VALUES (CURRENT_TIMESTAMP, 'Old', 'get', '', 'DENIED', 'before V5')");
            }
        }
        url = legacyUrl;
        db = KsmDatabase.open(new DatabaseSettings(legacyUrl, null, null, dir.resolve("keys/ksm.key")));
        recordFive();

        AuditVerification v = db.verifyAuditTrail();

        assertThat(v.intact()).as("%s", v).isTrue();
        assertThat(v.legacyRows()).isEqualTo(2);
        assertThat(v.chainedRows()).isEqualTo(5);
        assertThat(db.auditTrail().tail(7)).extracting(AuditEvent::reason).startsWith("before V5", "before V5");
    }

    @Test
    void concurrentWritersNeverForkTheChain() throws Exception {
        int threads = 8;
        int singles = 20;
        int batches = 5;
        int batchSize = 10;
        // a second trail with its own connections, as a second node would have: the two meet at the head lock
        org.h2.jdbcx.JdbcDataSource second = new org.h2.jdbcx.JdbcDataSource();
        second.setURL(url);
        second.setUser(ConnectionPool.H2_DEFAULT_USER);
        byte[] fileKey = new KeyFile(settings.keyFile()).load();
        AuditMac secondMac = AuditMac.fromFileKey(fileKey);
        java.util.Arrays.fill(fileKey, (byte) 0);
        List<io.camelksm.audit.AuditTrail> trails = List.of(db.auditTrail(),
                new JdbcAuditTrail(second, java.time.Clock.systemUTC(), secondMac));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                io.camelksm.audit.AuditTrail trail = trails.get(t % 2);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < singles; i++) {
                        trail.record(event(i));
                        if (i % (singles / batches) == 0) {
                            List<AuditEvent> batch = new ArrayList<>();
                            for (int j = 0; j < batchSize; j++) {
                                batch.add(event(100 + j));
                            }
                            trail.recordAll(batch);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            secondMac.close();
        }

        AuditVerification v = db.verifyAuditTrail();

        long total = (long) threads * (singles + batches * batchSize);
        assertThat(v.intact()).as("%s", v).isTrue();
        assertThat(v.chainedRows()).isEqualTo(total);
        try (Connection c = raw()) {
            assertThat(KsmDatabaseContractTest.selectString(c, "SELECT COUNT(*) FROM audit_event"))
                    .isEqualTo(String.valueOf(total));
        }
    }

    /** Every column but the id of the selected rows (the MAC last). */
    private static List<Object[]> copyRows(Connection c, String where) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + ROW + " FROM audit_event "
                                                                              + where)) {
            int n = AuditColumns.ALL.size();
            while (rs.next()) {
                Object[] row = java.util.Arrays.copyOf(AuditColumns.read(rs), n + 2);
                row[n] = rs.getLong("chain_seq");
                row[n + 1] = rs.getString("chain_mac");
                rows.add(row);
            }
        }
        return rows;
    }

    /** The row with an explicit id as its first element. */
    private static Object[] withId(Object[] row, long id) {
        Object[] out = new Object[row.length + 1];
        out[0] = id;
        System.arraycopy(row, 0, out, 1, row.length);
        return out;
    }

    /** Inserts copied rows as they were; rows made by {@link #withId} keep that id. */
    private static void insertRows(Connection c, List<Object[]> rows) throws SQLException {
        int n = AuditColumns.ALL.size();
        for (Object[] row : rows) {
            boolean id = row.length == n + 3;
            String sql = "INSERT INTO audit_event (" + (id ? "id, " : "") + ROW + ") VALUES ("
                         + "?, ".repeat(n + (id ? 2 : 1)) + "?)";
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                int offset = id ? 1 : 0;
                if (id) {
                    insert.setLong(1, (Long) row[0]);
                }
                Object[] values = java.util.Arrays.copyOfRange(row, offset, offset + n);
                AuditColumns.bind(insert, offset + 1, values);
                insert.setLong(offset + n + 1, (Long) row[offset + n]);
                insert.setString(offset + n + 2, (String) row[offset + n + 1]);
                insert.executeUpdate();
            }
        }
    }

    /** HKDF-SHA256 (RFC 5869) with one output block, written out here independently of AuditMac. */
    private static byte[] hkdfSha256(byte[] ikm, String salt, String info) throws Exception {
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(salt.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        byte[] prk = extract.doFinal(ikm);
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(prk, "HmacSHA256"));
        expand.update(info.getBytes(StandardCharsets.US_ASCII));
        expand.update((byte) 1);
        return expand.doFinal();
    }
}
