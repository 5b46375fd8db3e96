package io.camelksm.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditTrail;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.audit.Slf4jAuditTrail;
import io.camelksm.audit.JournalAuditTrail;
import io.camelksm.audit.JournalSettings;
import io.camelksm.audit.SequencedAuditTrail;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.CredentialValidator;
import io.camelksm.credential.Secret;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.store.jdbc.DatabaseSettings;

/**
 * camel-ksm as it runs in production by default: its own embedded H2 database with the AES key file, in a temporary
 * directory removed on close, holding one OAuth2 client credentials credential granted to every caller. Every exchange
 * through {@code ksm:} is checked against its rights and audited as the component does by default
 * ({@code auditMode=journal}: the event is appended to the audit journal before the exchange goes on, then copied into
 * an audit row and a log line by the journal's writer thread), and reads the credential through the 5 s read cache, so
 * the benchmarks include that cost.
 */
public final class KsmFixture implements AutoCloseable {

    /** The node name the component is given: the resource of every caller. */
    public static final String NODE = "bench-node";

    /** The component's default cacheTtl. */
    public static final Duration CACHE_TTL = KsmSettings.DEFAULT_CACHE_TTL;

    private static final Caller ADMIN = new Caller("bench-admin", Set.of(), "benchmarks", NODE, null);

    private final Path directory;
    private final DatabaseSettings settings;
    private final KsmRuntime runtime;
    private final JournalAuditTrail audit;
    private final List<JournalAuditTrail> journals = new java.util.ArrayList<>();
    private final GovernedCredentials governed;
    /** The runtimes of the other audit variants, over the same database. */
    private final List<KsmRuntime> variants = new java.util.ArrayList<>();
    private final List<KsmRuntime> queuedAudits = new java.util.ArrayList<>();

    public KsmFixture() {
        try {
            directory = Files.createTempDirectory("ksm-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings = DatabaseSettings.embedded(directory);
        // as the component opens its own database by default: auditMode=journal (in audit-journal next to the
        // database, default size), cacheTtl=5s
        runtime = KsmRuntime.open(variant().build());
        governed = runtime.credentials();
        audit = (JournalAuditTrail) governed.audit();
    }

    /** The runtime's defaults on this fixture's database (the write check off: benchmarks store what they need). */
    private KsmSettings.Builder variant() {
        return KsmSettings.builder().database(settings).nodeName(NODE).writeValidator(CredentialValidator.NONE);
    }

    /** Another runtime over the same database (its own connection pool), closed with this fixture. */
    private GovernedCredentials openVariant(KsmSettings.Builder settings, boolean queued) {
        KsmRuntime variant = KsmRuntime.open(settings.build());
        variants.add(variant);
        if (queued) {
            queuedAudits.add(variant);
        }
        return variant.credentials();
    }

    public GovernedCredentials governed() {
        return governed;
    }

    /** How many events the default trail has journaled so far (each one before its exchange went on). */
    public long journaled() {
        return audit.journal().lastAppended();
    }

    /**
     * The same stores and read cache, audited as the component's default {@code auditMode=journal}, with a journal of
     * its own ({@code name} in the fixture's directory) that may hold {@code maxSize} bytes not yet in the database.
     * The trail is closed with this fixture (without waiting for its database writer).
     */
    public JournalAuditTrail journal(String name, long maxSize) {
        JournalAuditTrail trail = JournalAuditTrail.open(new JournalSettings(directory.resolve(name), false, maxSize,
                JournalSettings.DEFAULT_SEGMENT_SIZE), runtime.database().auditTrail(), Slf4jAuditTrail::log);
        journals.add(trail);
        return trail;
    }

    /**
     * A diagnostic only: a journal ({@code name} in the fixture's directory, 8 GiB) whose writer thread hands the events
     * to nothing instead of the database, so a benchmark can tell what appending costs the exchange from what the
     * database writer's work on the other core costs it.
     */
    public JournalAuditTrail journalWithoutDatabase(String name) {
        JournalAuditTrail trail = JournalAuditTrail.open(new JournalSettings(directory.resolve(name), false, 8L << 30,
                JournalSettings.DEFAULT_SEGMENT_SIZE), new DiscardingTrail(), null);
        journals.add(trail);
        return trail;
    }

    /** Keeps only the last sequence it was given. */
    private static final class DiscardingTrail implements SequencedAuditTrail {
        private volatile long last;

        @Override
        public void recordAll(String journalId, long firstSequence, List<AuditEvent> events) {
            last = firstSequence + events.size() - 1;
        }

        @Override
        public void checkpoint() {
            // nothing written
        }

        @Override
        public long lastSequence(String journalId, long from) {
            return last;
        }

        @Override
        public void record(AuditEvent event) {
            // discarded on purpose: see journalWithoutDatabase
        }

        @Override
        public List<AuditEvent> tail(int count) {
            return List.of();
        }
    }

    /** Governed credentials over the stores and read cache of this fixture, audited by the given trail. */
    public GovernedCredentials governedWith(AuditTrail trail) {
        return openVariant(variant().auditTrail(trail), false);
    }

    /**
     * The same stores and read cache, audited as {@code auditMode=async} wires it (the default before the journal): the
     * event is queued in memory and written by a writer thread. Its writer is closed with this fixture.
     */
    public GovernedCredentials governedWithAsyncAudit() {
        return openVariant(variant().auditMode(AuditMode.ASYNC), true);
    }

    /**
     * A diagnostic only, never what a route gets: the same stores and read cache, but audit events are discarded, so
     * a benchmark can show what the request path costs apart from writing its audit record.
     */
    public GovernedCredentials governedWithoutAudit() {
        return governedWith(new AuditTrail() {
            @Override
            public void record(AuditEvent event) {
                // discarded on purpose: see above
            }

            @Override
            public List<AuditEvent> tail(int count) {
                return List.of();
            }
        });
    }

    /**
     * The same stores and read cache, audited as {@code auditMode=summary} wires it: identical granted reads that queue
     * up together are written as one entry with their count. Its writer is closed with this fixture.
     */
    public GovernedCredentials governedWithSummaryAudit() {
        return openVariant(variant().auditMode(AuditMode.SUMMARY), true);
    }

    /**
     * Flushes and stops the writers of {@link #governedWithSummaryAudit()} and {@link #governedWithAsyncAudit()}
     * (closing their runtimes: their governed credentials are not used after this).
     */
    public void closeSummaryAudits() {
        queuedAudits.forEach(KsmRuntime::close);
    }

    /** The decisions audited for a route, merged entries counted by their occurrences (read with plain SQL). */
    public long auditedDecisions(String routeId) {
        // the embedded database's default user, as the component connects
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), "sa", "");
             PreparedStatement sum = c.prepareStatement(
                     "SELECT COALESCE(SUM(occurrences), 0) FROM audit_event WHERE route_id = ?")) {
            sum.setString(1, routeId);
            try (ResultSet rs = sum.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the audited decisions of route " + routeId, e);
        }
    }

    /** Stores an OAuth2 client credentials credential for the token URL and grants it to anyone. */
    public void addClientCredentials(String name, String clientId, String clientSecret, String tokenUrl) {
        governed.create(Credential.builder(name, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, clientId)
                .secret(CredentialField.CLIENT_SECRET, Secret.of(clientSecret))
                .field(CredentialField.TOKEN_URL, tokenUrl).build(), ADMIN);
        grantAnyone(name);
    }

    /** Stores an OAUTH2_JWT_BEARER credential (RS256, its PKCS#8 PEM key a secret) and grants it to anyone. */
    public void addJwtBearer(String name, String issuer, String subject, String audience, String privateKeyPem,
                             String tokenUrl) {
        governed.create(Credential.builder(name, CredentialType.OAUTH2_JWT_BEARER)
                .field(CredentialField.ISSUER, issuer)
                .field(CredentialField.SUBJECT, subject)
                .field(CredentialField.AUDIENCE, audience)
                .secret(CredentialField.PRIVATE_KEY, Secret.of(privateKeyPem))
                .field(CredentialField.TOKEN_URL, tokenUrl).build(), ADMIN);
        grantAnyone(name);
    }

    /** Stores a static bearer token credential and grants it to anyone. */
    public void addBearer(String name, String token) {
        governed.create(Credential.builder(name, CredentialType.BEARER)
                .secret(CredentialField.TOKEN, Secret.of(token)).build(), ADMIN);
        grantAnyone(name);
    }

    private void grantAnyone(String name) {
        for (Dimension dimension : Dimension.values()) {
            governed.grant(CredentialName.of(name), dimension, "*", ADMIN);
        }
    }

    @Override
    public void close() {
        variants.forEach(KsmRuntime::close);
        // writes what the journal holds before the database closes; after a benchmark that filled it, what the writer
        // has not reached in 5 s stays in the (temporary) journal (the runtime would wait up to 30 s)
        audit.close(Duration.ofSeconds(5));
        // a benchmark's journals may hold gigabytes the database writer has not reached: do not wait for it
        journals.forEach(j -> j.close(Duration.ZERO));
        runtime.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
