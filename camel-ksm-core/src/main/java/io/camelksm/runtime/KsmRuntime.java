package io.camelksm.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.camelksm.KsmException;
import io.camelksm.PartHealth;
import io.camelksm.audit.AuditHealth;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.credential.CredentialStore;
import io.camelksm.governance.CredentialChangeListener;
import io.camelksm.governance.ExpiryWatch;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.auth.oauth2.SharedTokens;
import io.camelksm.store.jdbc.ChangeNoticeHealth;
import io.camelksm.store.jdbc.ChangeNotices;
import io.camelksm.store.jdbc.KsmDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens camel-ksm's parts from one {@link KsmSettings} (the database, the audit writer, the store
 * of secret values, the governed credentials, the OAuth 2.0 token provider) and closes them again, in reverse order.
 * The component, the CLI, the examples and the tests all start here; nothing else builds these parts by hand.
 * <p>
 * Parts given in the settings ({@link KsmSettings#givenCredentials()}, {@link KsmSettings#givenTokenProvider()},
 * {@link KsmSettings#credentialStore()}, {@link KsmSettings#auditTrail()}) are used, never closed: they stay their
 * maker's. Code that is not a route reads through {@link #forProcess(String)}.
 */
public final class KsmRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KsmRuntime.class);

    private final KsmSettings settings;
    private final KsmDatabase database;
    private final OpenedAudit audit;
    private final SecretStoreProvider.Session secretStore;
    private final GovernedCredentials credentials;
    private final OAuth2TokenProvider tokenProvider;
    private final boolean ownsTokenProvider;
    /** Drops the tokens of credentials written or deleted through the governed credentials. */
    private final CredentialChangeListener evictTokensOnChange;
    private final KsmStatistics statistics = new KsmStatistics(this);
    private final CredentialReferences references;
    /** The tokens shared with the other nodes (tokenSharing=cluster), or null. */
    private final SharedTokens sharedTokens;
    /** The listener for the changes other nodes commit (PostgreSQL, changeNotices=true), or null. */
    private volatile ChangeNotices changeNotices;
    private volatile boolean closed;

    private KsmRuntime(KsmSettings settings, KsmDatabase database, OpenedAudit audit,
                       SecretStoreProvider.Session secretStore, GovernedCredentials credentials,
                       OAuth2TokenProvider tokenProvider, boolean ownsTokenProvider, SharedTokens sharedTokens) {
        this.settings = settings;
        this.sharedTokens = sharedTokens;
        this.database = database;
        this.audit = audit;
        this.secretStore = secretStore;
        this.credentials = credentials;
        this.tokenProvider = tokenProvider;
        this.ownsTokenProvider = ownsTokenProvider;
        this.evictTokensOnChange = tokenProvider::evict;
        this.references = new CredentialReferences(database != null ? database.references()
                : new MemoryCredentialReferenceStore(settings.clock()), settings.nodeName());
        credentials.addChangeListener(evictTokensOnChange);
    }

    /**
     * Opens every part the settings name. Options are checked before anything is opened; if a later step fails, what
     * was opened is closed again before the error is thrown.
     */
    public static KsmRuntime open(KsmSettings settings) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            KsmDatabase database = null;
            OpenedAudit audit = null;
            SecretStoreProvider.Session keeper = null;
            GovernedCredentials credentials = settings.givenCredentials();
            if (credentials == null) {
                keeper = prepareSecretStore(settings); // checks the Keeper options before anything is opened
                LOG.info("Opening the camel-ksm database {}", settings.database());
                database = KsmDatabase.open(settings.database(), settings.schemes());
                opened.add(database);
                if (keeper != null) {
                    opened.add(keeper);
                }
                audit = OpenedAudit.open(settings, database);
                opened.add(audit);
                credentials = new GovernedCredentials(secretStore(settings, database, keeper),
                        database.accessRights(), audit.trail(), settings.clock(), settings.cacheTtl());
                // set / setProperty refuse a credential that would fail at its first exchange
                credentials.setWriteValidator(settings.writeValidator());
                credentials.expiries().setWarning(settings.expiryWarning());
                opened.add(credentials);
            }
            SharedTokens shared = sharedTokens(settings, database);
            if (shared != null) {
                opened.add(shared);
            }
            OAuth2TokenProvider provider = settings.givenTokenProvider();
            boolean ownsProvider = provider == null;
            if (ownsProvider) {
                LOG.debug("Creating the OAuth 2.0 token provider with {}", settings.oauth2());
                provider = OAuth2TokenProvider.create(settings.oauth2(), shared);
                opened.add(provider);
            }
            KsmRuntime runtime = new KsmRuntime(settings, database, audit, keeper, credentials, provider, ownsProvider,
                    shared);
            if (database != null && settings.changeNotices()) {
                // the cache serves only once the listener hears: until then every request reads the database
                credentials.suspendCache();
                runtime.changeNotices = database.listenForChanges(
                        new ChangeDispatch(credentials, provider, database.schemes())).orElse(null);
                if (runtime.changeNotices == null) {
                    credentials.resumeCache(); // H2: one process, nothing to hear
                }
            }
            return runtime;
        } catch (RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    /** The tokens shared through the database (tokenSharing=cluster), or null; refused where nothing can share. */
    private static SharedTokens sharedTokens(KsmSettings settings, KsmDatabase database) {
        if (settings.tokenSharing() != TokenSharing.CLUSTER) {
            return null;
        }
        if (settings.givenTokenProvider() != null) {
            throw new KsmException("tokenSharing=cluster shares the tokens of camel-ksm's own token provider, but a"
                                   + " token provider was given: drop one of the two");
        }
        if (database == null || !database.isPostgresql()) {
            throw new KsmException("tokenSharing=cluster needs the nodes to share a PostgreSQL database (database"
                                   + " url jdbc:postgresql://...): " + (database == null
                    ? "this runtime was given governed credentials and has no database of its own"
                    : "the embedded H2 database serves one process"));
        }
        return database.sharedTokens(settings.nodeName());
    }

    private static SecretStoreProvider.Session prepareSecretStore(KsmSettings settings) {
        if (settings.store() != StoreKind.KEEPER) {
            return null;
        }
        SecretStoreProvider provider = SecretStoreProvider.find(StoreKind.KEEPER).orElseThrow(() -> new KsmException(
                "store=keeper needs the Keeper module on the class path: add the dependency"
                + " io.camelksm:camel-ksm-keeper"));
        return provider.prepare(settings.keeper(), settings.clock());
    }

    /** Where the secret values come from: a given store, Keeper (store=keeper), or the database itself. */
    private static CredentialStore secretStore(KsmSettings settings, KsmDatabase database,
                                               SecretStoreProvider.Session keeper) {
        if (settings.credentialStore() != null) {
            LOG.info("Credentials come from {}; access rights and audit from the camel-ksm database",
                    settings.credentialStore());
            return settings.credentialStore();
        }
        if (keeper != null) {
            CredentialStore store = keeper.open();
            LOG.info("Credentials come from Keeper Secrets Manager ({}); access rights and audit from the camel-ksm"
                     + " database", store);
            return store;
        }
        return database.credentials();
    }

    public KsmSettings settings() {
        return settings;
    }

    /** Every governed read and write of credentials: access checked, decision audited. */
    public GovernedCredentials credentials() {
        return credentials;
    }

    /**
     * The entry point for code that is not a route: governed, audited reads as the named process on this node
     * ({@link KsmSettings#nodeName()}), without roles.
     */
    public ProcessCredentials forProcess(String process) {
        return ProcessCredentials.of(credentials, tokenProvider, process, settings.nodeName());
    }

    /** The credentials in use with their expiry, and the warnings before they lapse ({@link KsmSettings#expiryWarning}). */
    public ExpiryWatch expiries() {
        return credentials.expiries();
    }

    /**
     * Where credentials are used: the places this node registers (routes' {@code ksm:} endpoints, connectors,
     * Kamelets) and those of every node sharing the database, running or stopped at that node's last run, each with
     * its last use from the audit trail. Without a database (governed credentials given) they are kept in this process
     * only. Opening a runtime changes no row: a node's stopped rows go when it starts registering
     * ({@link CredentialReferences#start()}), so {@code ksm-admin} reads them without touching them.
     */
    public CredentialReferences references() {
        return references;
    }

    /** The OAuth 2.0 token provider (HTTP client and token cache). */
    public OAuth2TokenProvider tokenProvider() {
        return tokenProvider;
    }

    /**
     * The database's encryption schemes, to create, import, list, make default, retire and delete (audited).
     *
     * @throws IllegalStateException when governed credentials were given (no database of the runtime's own)
     */
    public EncryptionSchemes schemes() {
        if (database == null) {
            throw new IllegalStateException("This camel-ksm runtime has no database of its own (governed credentials"
                                            + " were given): its encryption schemes are managed by their maker");
        }
        return new EncryptionSchemes(database.schemes(), credentials.audit(), settings.clock());
    }

    /** The database this runtime opened, or null when governed credentials were given. */
    public KsmDatabase database() {
        return database;
    }

    /**
     * Forced re-encryption of the secret values stored in the database to its current default scheme.
     *
     * @throws KsmException when governed credentials were given (no database)
     */
    public Reencryption reencryption() {
        if (database == null) {
            throw new KsmException("Re-encryption needs camel-ksm's database, but this runtime was given governed"
                                   + " credentials instead");
        }
        return new Reencryption(database.reencryptor());
    }

    /** The audit trail's health: UP, DEGRADED or DOWN (nothing can record, every request is refused). */
    public AuditHealth auditHealth() {
        if (closed) {
            return AuditHealth.up("closed");
        }
        return audit != null ? audit.health() : AuditHealth.up("governed credentials given: audited by their maker");
    }

    /** The database's health (answers, key check matches), or empty when governed credentials were given. */
    public Optional<PartHealth> databaseHealth() {
        return database == null || closed ? Optional.empty() : Optional.of(database.health());
    }

    /** The health of a store in a module of its own (Keeper: fresh records), or empty for other stores. */
    public Optional<PartHealth> secretStoreHealth() {
        return secretStore == null || closed ? Optional.empty() : Optional.of(secretStore.storeHealth());
    }

    /** Whether the HSM key of the Keeper client config is usable, or empty when there is none. */
    public Optional<PartHealth> secretStoreKeyHealth() {
        return secretStore == null || closed ? Optional.empty() : secretStore.keyHealth();
    }

    /**
     * Whether this node hears the changes other nodes commit: LISTENING, RECONNECTING (every request reads the database
     * meanwhile) or OFF (H2, changeNotices=false, or no database of its own).
     */
    public ChangeNoticeHealth changeNoticeHealth() {
        ChangeNotices notices = changeNotices;
        if (notices == null || closed) {
            return ChangeNoticeHealth.off(database == null ? "no database of its own (governed credentials given)"
                    : !database.isPostgresql() ? "embedded H2: one process, nothing to hear"
                    : !settings.changeNotices() ? "changeNotices=false: changes made elsewhere apply within cacheTtl ("
                                                  + settings.cacheTtl().toMillis() + " ms)"
                    : "closed");
        }
        return notices.health();
    }

    /** Whether OAuth 2.0 tokens are shared with the other nodes of the cluster (tokenSharing=cluster). */
    public boolean sharesTokens() {
        return sharedTokens != null;
    }

    /** Whether token requests fail lately, from the token provider's statistics (no endpoint is called). */
    public PartHealth tokenEndpointHealth() {
        return TokenEndpointHealth.of(tokenProvider.statistics(), settings.clock().instant());
    }

    /** What this runtime counts (decisions, tokens, the secret store, the audit backlog), read live, for metrics. */
    public KsmStatistics statistics() {
        return statistics;
    }

    Optional<java.time.Instant> auditOldestUnwritten() {
        return audit == null || closed ? Optional.empty() : audit.oldestUnwritten();
    }

    boolean hasSecretStoreSession() {
        return secretStore != null;
    }

    SecretStoreStatistics secretStoreStatistics() {
        return secretStore == null ? SecretStoreStatistics.NONE : secretStore.statistics();
    }

    /**
     * Closes what this runtime opened, in reverse order: the references it registered (marked stopped), token
     * provider, credentials, audit, Keeper, database.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        credentials.removeChangeListener(evictTokensOnChange);
        List<AutoCloseable> parts = new ArrayList<>();
        if (database != null) {
            parts.add(database);
            if (sharedTokens != null) {
                parts.add(sharedTokens);
            }
            if (secretStore != null) {
                parts.add(secretStore);
            }
            parts.add(audit);
            parts.add(credentials);
        }
        if (ownsTokenProvider) {
            parts.add(tokenProvider);
        }
        parts.add(references); // first: its rows are marked stopped while the database is still open
        if (changeNotices != null) {
            parts.add(changeNotices); // before anything else: no notice reaches a part being closed
        }
        closeAll(parts, null);
    }

    /** Closes the parts in reverse order; every part is closed even when one fails. */
    private static void closeAll(List<AutoCloseable> parts, RuntimeException cause) {
        RuntimeException failure = cause;
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException re ? re : new KsmException("Closing " + parts.get(i)
                            + " failed: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (cause == null && failure != null) {
            throw failure;
        }
    }
}
