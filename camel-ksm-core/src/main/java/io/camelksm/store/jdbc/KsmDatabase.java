package io.camelksm.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.KsmException;
import io.camelksm.PartHealth;
import io.camelksm.access.AccessRightsStore;
import io.camelksm.audit.SequencedAuditTrail;
import io.camelksm.auth.oauth2.SharedTokens;
import io.camelksm.credential.CredentialReferenceStore;
import io.camelksm.credential.CredentialStore;
import io.camelksm.crypto.AesGcmScheme;
import io.camelksm.crypto.EncryptionScheme;
import io.camelksm.crypto.KeyCheck;
import io.camelksm.crypto.KeyFile;
import io.camelksm.crypto.KsmCryptoException;
import io.camelksm.crypto.SecretCipher;

/**
 * camel-ksm's own database: opens the connection pool (or borrows the application's DataSource), migrates the schema
 * with Flyway and hands out the credential store, the access-rights store and the audit trail that live in it.
 * <p>
 * Secrets are encrypted with the scheme marked default in {@code encryption_scheme} (at first the original scheme
 * {@value #DEFAULT_SCHEME_ID}, AES-256-GCM under the key in {@link DatabaseSettings#keyFile()}), and each value is read
 * with the scheme that wrote it ({@link DatabaseSchemes}). The key file is created on first use; once the database
 * holds a check value for that key, a missing or different key file is refused when the database is opened, so no new
 * key silently replaces the one the stored values need. It also wraps the keys of DATABASE schemes.
 */
public final class KsmDatabase implements AutoCloseable {

    /**
     * The encryption scheme seeded by the schema: AES-256-GCM with the key from the server's key file (key location
     * SERVER, its key file being the database's key file). It is the default until another scheme is made the default.
     */
    public static final String DEFAULT_SCHEME_ID = "aes256-gcm-file-1";

    private static final Logger LOG = LoggerFactory.getLogger(KsmDatabase.class);
    private static final byte[] TOKEN_FINGERPRINT_SALT = "camel-ksm oauth_token".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TOKEN_FINGERPRINT_INFO =
            "camel-ksm oauth_token fingerprint key v1".getBytes(StandardCharsets.US_ASCII);

    private final ConnectionPool pool;
    private final DatabaseSchemes schemes;
    private final JdbcCredentialStore credentials;
    private final JdbcAccessRightsStore accessRights;
    private final JdbcAuditTrail auditTrail;
    private final JdbcCredentialReferenceStore references;
    private final AuditMac auditMac;
    private final DatabaseHealthCheck healthCheck;
    private final DatabaseVendor vendor;
    /**
     * The key of the secret fingerprints in shared token keys: derived from the key file's key on PostgreSQL (null on
     * H2, which shares nothing), wiped at close.
     */
    private final byte[] tokenFingerprintKey;
    /** Where a listening connection comes from (PostgreSQL), or null. */
    private final ListeningConnection.Source listeningSource;

    private KsmDatabase(ConnectionPool pool, DatabaseVendor vendor, DatabaseSchemes schemes, AuditMac auditMac,
                        byte[] tokenFingerprintKey, Clock clock, DatabaseHealthCheck healthCheck,
                        ListeningConnection.Source listeningSource) {
        this.pool = pool;
        this.tokenFingerprintKey = tokenFingerprintKey;
        this.vendor = vendor;
        this.listeningSource = listeningSource;
        this.schemes = schemes;
        this.auditMac = auditMac;
        this.healthCheck = healthCheck;
        this.credentials = new JdbcCredentialStore(pool.dataSource(), new SecretCipher(schemes::registry), clock);
        this.accessRights = new JdbcAccessRightsStore(pool.dataSource(), clock);
        this.auditTrail = new JdbcAuditTrail(pool.dataSource(), clock, auditMac);
        this.references = new JdbcCredentialReferenceStore(pool.dataSource(), clock);
    }

    /** Opens (creating and migrating if needed) the database described by the settings. */
    public static KsmDatabase open(DatabaseSettings settings) {
        return open(settings, SchemeSettings.DEFAULTS);
    }

    /** Opens the database, with the keys of its encryption schemes where the scheme settings say. */
    public static KsmDatabase open(DatabaseSettings settings, SchemeSettings schemeSettings) {
        Objects.requireNonNull(schemeSettings, "scheme settings");
        Objects.requireNonNull(settings, "database settings");
        if (settings.keyFile() == null) {
            throw new KsmException("The key file of the camel-ksm database is not configured");
        }
        DatabaseVendor vendor;
        String url;
        ConnectionPool pool;
        if (settings.dataSource() != null) {
            GivenDataSource given = GivenDataSource.inspect(settings.dataSource());
            vendor = given.vendor();
            url = given.description();
            pool = ConnectionPool.given(settings);
        } else {
            vendor = DatabaseVendor.of(settings.jdbcUrl());
            url = JdbcUrls.redact(settings.jdbcUrl());
            prepareEmbeddedFiles(vendor, settings.jdbcUrl());
            pool = ConnectionPool.open(settings, vendor);
            vendor.embeddedFile(settings.jdbcUrl()).ifPresent(EmbeddedDatabaseFiles::tightenFiles);
        }
        String schema = settings.effectiveSchema().orElse(null);
        try {
            if (settings.migrate()) {
                SchemaMigration.migrate(pool.unboundDataSource(), schema, vendor, url);
            } else {
                SchemaMigration.validate(pool.unboundDataSource(), schema, vendor, url);
            }
            EncryptionSchemeTable schemeTable = new EncryptionSchemeTable(new Jdbc(pool.dataSource()));
            KeyFile keyFile = new KeyFile(settings.keyFile());
            EncryptionSchemeTable.SchemeRow original = schemeTable.require(DEFAULT_SCHEME_ID);
            // read once: the original scheme, the audit chain's MAC key and the wrapping of DATABASE keys all use it
            byte[] fileKey = loadFileKey(original, keyFile, url);
            AesGcmScheme scheme = null;
            AuditMac auditMac = null;
            SchemeKeyOpener keys = null;
            DatabaseSchemes schemes;
            byte[] tokenFingerprintKey = null;
            try {
                scheme = new AesGcmScheme(DEFAULT_SCHEME_ID, fileKey);
                auditMac = AuditMac.fromFileKey(fileKey);
                checkFileKey(schemeTable, original, scheme, keyFile, url);
                keys = new SchemeKeyOpener(fileKey, schemeSettings.keyDirectoryFor(settings.keyFile()),
                        schemeSettings.hsm());
                schemes = new DatabaseSchemes(schemeTable, keys, scheme, Clock.systemUTC());
                if (vendor == DatabaseVendor.POSTGRESQL) { // only nodes sharing PostgreSQL can share tokens
                    tokenFingerprintKey = FileKeyDerivation.derive(fileKey, TOKEN_FINGERPRINT_SALT,
                            TOKEN_FINGERPRINT_INFO);
                }
            } catch (RuntimeException e) {
                if (keys != null) {
                    keys.close();
                }
                if (auditMac != null) {
                    auditMac.close();
                }
                if (scheme != null) {
                    scheme.close();
                }
                throw e;
            } finally {
                Arrays.fill(fileKey, (byte) 0);
            }
            ListeningConnection.Source listeningSource = vendor != DatabaseVendor.POSTGRESQL ? null
                    : settings.dataSource() != null ? ListeningConnection.borrowed(pool.dataSource(), url)
                    : ListeningConnection.own(settings);
            KsmDatabase database = new KsmDatabase(pool, vendor, schemes, auditMac, tokenFingerprintKey,
                    Clock.systemUTC(), new DatabaseHealthCheck(url, schemeTable, keyFile, scheme), listeningSource);
            LOG.info("Opened the camel-ksm database {} (key file {})", url, settings.keyFile().toAbsolutePath());
            return database;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The directory and file of an embedded H2 database, owner-only: it holds the audit trail and rights too. */
    private static void prepareEmbeddedFiles(DatabaseVendor vendor, String jdbcUrl) {
        vendor.embeddedFile(jdbcUrl).ifPresent(EmbeddedDatabaseFiles::prepare);
    }

    /**
     * The key in the key file; created if the database holds no key check yet, refused as missing once it does (a new
     * key could not decrypt the stored values). The caller wipes it.
     */
    private static byte[] loadFileKey(EncryptionSchemeTable.SchemeRow original, KeyFile keyFile, String url) {
        if (original.keyCheck().isPresent() && !keyFile.exists()) {
            throw new KsmCryptoException("Key file " + keyFile.path() + " does not exist, but the camel-ksm database "
                                         + url + " holds values encrypted with the key that was in it (scheme '"
                                         + DEFAULT_SCHEME_ID + "'): restore that key file; a new key could not"
                                         + " decrypt them");
        }
        return original.keyCheck().isPresent() ? keyFile.load() : keyFile.loadOrCreate();
    }

    /** Records the key check on first use; refuses a key file that is not the one the database was created with. */
    private static void checkFileKey(EncryptionSchemeTable table, EncryptionSchemeTable.SchemeRow original,
                                     EncryptionScheme scheme, KeyFile keyFile, String url) {
        var check = original.keyCheck();
        if (check.isEmpty() && !table.recordKeyCheck(DEFAULT_SCHEME_ID, KeyCheck.create(scheme))) {
            check = table.require(DEFAULT_SCHEME_ID).keyCheck(); // another process recorded it first
        }
        if (check.isPresent() && !KeyCheck.matches(scheme, check.get())) {
            throw new KsmCryptoException("Key file " + keyFile.path() + " does not hold the key of encryption"
                                         + " scheme '" + DEFAULT_SCHEME_ID + "' in the camel-ksm database " + url
                                         + ": use the key file this database was created with");
        }
    }

    /** Whether this is PostgreSQL, which several nodes may share (H2 serves one process). */
    public boolean isPostgresql() {
        return vendor == DatabaseVendor.POSTGRESQL;
    }

    /**
     * Starts listening for the changes other nodes and {@code ksm-admin} commit ({@link ChangeNotice}), on a connection
     * of its own (never one of the pool's; with an application's DataSource, one connection borrowed and kept),
     * reconnecting when it is lost; empty on H2 (one process). It connects in the background: the listener hears
     * {@link ChangeNoticeListener#listening()} once it listens. The caller closes what it gets, before the database.
     */
    public Optional<ChangeNotices> listenForChanges(ChangeNoticeListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (listeningSource == null) {
            return Optional.empty();
        }
        return Optional.of(ChangeNotices.start(listeningSource, listener));
    }

    /**
     * The OAuth 2.0 tokens shared through this database by the nodes of a cluster (PostgreSQL only), fetched by this
     * node under its name. The caller closes what it gets (the database stays open).
     *
     * @throws io.camelksm.KsmException on H2: one process has nothing to share with
     */
    public SharedTokens sharedTokens(String nodeName) {
        if (!isPostgresql()) {
            throw new KsmException("OAuth 2.0 tokens can only be shared through a PostgreSQL database that the nodes"
                                   + " share (tokenSharing=cluster); the embedded H2 database serves one process:"
                                   + " use tokenSharing=node");
        }
        return new JdbcSharedTokens(new Jdbc(pool.dataSource()),
                new OAuthTokenTable(new SecretCipher(schemes::registry)), nodeName, tokenFingerprintKey);
    }

    /** The encryption schemes of this database, opened on this node. */
    public DatabaseSchemes schemes() {
        return schemes;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    /** Moves the stored secret values to the current default scheme, batch by batch. */
    public JdbcReencryptor reencryptor() {
        return new JdbcReencryptor(pool.dataSource(), new SecretCipher(schemes::registry));
    }

    public AccessRightsStore accessRights() {
        return accessRights;
    }

    /** Where credentials are used: what the nodes registered, with the last use of each from the audit trail. */
    public CredentialReferenceStore references() {
        return references;
    }

    /**
     * The durable, append-only audit trail (wrap it in {@code Slf4jAuditTrail} to also log); journaled events keep their
     * journal key.
     */
    public SequencedAuditTrail auditTrail() {
        return auditTrail;
    }

    /** Checks the audit trail's MAC chain: the first gap, change or reorder, if any. */
    public AuditVerification verifyAuditTrail() {
        return auditTrail.verify();
    }

    /**
     * Whether the database answers and its key check still matches both the key in use and the key file (a swapped
     * key file would fail the next start). For health checks; the message names the database, never a key.
     */
    public PartHealth health() {
        return healthCheck.check();
    }

    /** Closes the connections (not those of an application's DataSource: its owner closes it) and wipes the keys. */
    @Override
    public void close() {
        try {
            if (tokenFingerprintKey != null) {
                Arrays.fill(tokenFingerprintKey, (byte) 0);
            }
            auditMac.close();
            schemes.close();
            if (listeningSource != null) {
                listeningSource.close();
            }
        } finally {
            pool.close();
        }
    }
}
