package io.camelksm.component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.OAuthClientAuthenticationFactory;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.InetAddressUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.audit.AuditHealth;
import io.camelksm.audit.JournalSettings;
import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.auth.oauth2.RetryPolicy;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.Secret;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KeeperSettings;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.runtime.StoreKind;
import io.camelksm.store.jdbc.DatabaseSettings;


/**
 * The {@code ksm:} component: governed credentials for routes. Unless a {@link GovernedCredentials} is given (or found
 * in the registry), it opens camel-ksm's own database when it starts (embedded H2 under {@code ~/.camel-ksm} by
 * default) and closes it when it stops. Likewise, unless an {@link OAuth2TokenProvider} is given, it creates one (the
 * OAuth 2.0 HTTP client and token cache) from its OAuth 2.0 options when it starts, and closes it when it stops.
 * <p>
 * The secret values come from that database, from Keeper Secrets Manager ({@code store=keeper}, assembled by
 * {@link KeeperStoreFactory}) or from a given {@code credentialStore}; access rights and the audit trail always come
 * from the database.
 */
@Component("ksm")
public class KsmComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(KsmComponent.class);

    static final String STORE_DATABASE = "database";
    static final String STORE_KEEPER = "keeper";
    static final String AUDIT_JOURNAL = "journal";
    static final String AUDIT_ASYNC = "async";
    static final String AUDIT_SYNC = "sync";
    static final String AUDIT_SUMMARY = "summary";

    @Metadata
    private KsmConfiguration configuration = new KsmConfiguration();

    @Metadata(label = "database")
    private String jdbcUrl;
    @Metadata(label = "database")
    private String jdbcUsername;
    @Metadata(label = "database", secret = true)
    private String jdbcPassword;
    @Metadata(label = "database")
    private String databaseDirectory;
    @Metadata(label = "database")
    private String keyFile;
    @Metadata(label = "database", defaultValue = "5000", javaType = "java.time.Duration")
    private long dbConnectionTimeout = DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT.toMillis();
    @Metadata(label = "database", defaultValue = "true")
    private boolean migrateSchema = true;

    @Metadata(label = "security")
    private String nodeName;
    @Metadata(label = "security", enums = "journal,async,sync,summary", defaultValue = "journal")
    private String auditMode = AUDIT_JOURNAL;
    @Metadata(label = "security")
    private String auditJournalDirectory;
    @Metadata(label = "security", defaultValue = "false")
    private boolean auditJournalSync;
    @Metadata(label = "security,advanced", defaultValue = "1073741824")
    private long auditJournalMaxSize = JournalSettings.DEFAULT_MAX_SIZE;
    @Metadata(label = "security", defaultValue = "5000", javaType = "java.time.Duration")
    private long cacheTtl = 5_000;

    // where the secret values live; access rights and audit always stay in the database above

    @Metadata(label = "store", enums = "database,keeper", defaultValue = "database")
    private String store = STORE_DATABASE;
    @Metadata(label = "store,advanced")
    private CredentialStore credentialStore;
    @Metadata(label = "keeper")
    private String keeperConfigFile;
    @Metadata(label = "keeper")
    private String keeperHsmSettings;
    @Metadata(label = "keeper", secret = true)
    private String keeperHsmPin;
    @Metadata(label = "keeper")
    private String keeperMappingFile;
    @Metadata(label = "keeper,advanced")
    private Object keeperClientFactory;

    @Metadata(label = "advanced", autowired = true)
    private GovernedCredentials governedCredentials;
    @Metadata(label = "advanced,security", autowired = true)
    private CallerResolver callerResolver;
    @Metadata(label = "security", defaultValue = PrincipalClassRoleSource.DEFAULT_CLASSES)
    private String rolePrincipalClasses = PrincipalClassRoleSource.DEFAULT_CLASSES;
    @Metadata(label = "security", defaultValue = SpringAuthenticationRoleSource.DEFAULT_PREFIX)
    private String authorityRolePrefix = SpringAuthenticationRoleSource.DEFAULT_PREFIX;
    @Metadata(label = "advanced")
    private Clock clock;

    // OAuth 2.0: the HTTP client, retries and token cache shared by all endpoints (see OAuth2Settings)

    @Metadata(label = "oauth2,advanced", autowired = true)
    private OAuth2TokenProvider oauth2TokenProvider;
    @Metadata(label = "oauth2", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @Metadata(label = "oauth2", defaultValue = "15000", javaType = "java.time.Duration")
    private long readTimeout = 15_000;
    @Metadata(label = "oauth2", defaultValue = "15000", javaType = "java.time.Duration")
    private long writeTimeout = 15_000;
    @Metadata(label = "oauth2", defaultValue = "30000", javaType = "java.time.Duration")
    private long callTimeout = 30_000;
    @Metadata(label = "oauth2", defaultValue = "15000", javaType = "java.time.Duration")
    private long tokenEndpointTimeout = 15_000;
    @Metadata(label = "oauth2", defaultValue = "20000", javaType = "java.time.Duration")
    private long tokenFetchDeadline = 20_000;
    @Metadata(label = "oauth2", defaultValue = "60000", javaType = "java.time.Duration")
    private long clockSkew = 60_000;
    @Metadata(label = "oauth2", defaultValue = "30000", javaType = "java.time.Duration")
    private long refreshAhead = 30_000;
    @Metadata(label = "oauth2", defaultValue = "300000", javaType = "java.time.Duration")
    private long defaultExpiresIn = 300_000;
    @Metadata(label = "oauth2", defaultValue = "300000", javaType = "java.time.Duration")
    private long assertionLifetime = 300_000;
    @Metadata(label = "oauth2", defaultValue = "3")
    private int maxRetries = 3;
    @Metadata(label = "oauth2", defaultValue = "200", javaType = "java.time.Duration")
    private long initialBackoff = 200;
    @Metadata(label = "oauth2", defaultValue = "5000", javaType = "java.time.Duration")
    private long maxBackoff = 5_000;
    @Metadata(label = "oauth2", defaultValue = "0.5")
    private double backoffJitter = 0.5;
    @Metadata(label = "oauth2", defaultValue = "30000", javaType = "java.time.Duration")
    private long maxRetryAfter = 30_000;
    @Metadata(label = "oauth2", defaultValue = "262144")
    private int maxResponseBytes = 256 * 1024;
    @Metadata(label = "oauth2,security", defaultValue = "false")
    private boolean allowPlainHttp;

    /** The parts this component opened when it started (database, audit, store, token provider), closed when it stops. */
    private KsmRuntime runtime;
    /** Registered with Camel's health checks while the component runs, when health checks are on the class path. */
    private KsmAuditHealthCheck auditHealthCheck;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KsmConfiguration copy = configuration != null ? configuration.copy() : new KsmConfiguration();
        KsmEndpoint endpoint = new KsmEndpoint(uri, this, copy);
        copy.setCredentialName(remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (nodeName == null || nodeName.isBlank()) {
            nodeName = defaultNodeName();
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
        if (callerResolver == null) {
            callerResolver = new DefaultCallerResolver(
                    DefaultCallerResolver.defaultRoleSources(rolePrincipalClasses, authorityRolePrefix));
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (Boolean.TRUE.equals(getCamelContext().isLogMask())) {
            // the Authorization header we set must not show in traces when the user asked for masking
            MaskingExchangeFormatter.maskTracer(getCamelContext());
        }
        KsmSettings settings = runtimeSettings(); // checks the options before anything is opened
        runtime = KsmRuntime.open(settings);
        checkOAuthProfileProvider();
        registerAuditHealthCheck();
    }

    private void registerAuditHealthCheck() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null) {
            auditHealthCheck = new KsmAuditHealthCheck(this);
            registry.register(auditHealthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (auditHealthCheck != null) {
            HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
            if (registry != null) {
                registry.unregister(auditHealthCheck);
            }
            auditHealthCheck = null;
        }
        KsmRuntime opened = runtime;
        runtime = null;
        if (opened != null) {
            opened.close(); // only what it opened; given parts belong to whoever made them
        }
        super.doStop();
    }

    /** The settings of the runtime this component opens when it starts, from its options. */
    KsmSettings runtimeSettings() {
        DatabaseSettings database = databaseSettings();
        return KsmSettings.builder()
                .database(database)
                .auditMode(auditMode())
                .journal(journalSettings())
                .cacheTtl(Duration.ofMillis(cacheTtl))
                .store(storeKind())
                .credentialStore(credentialStore)
                .keeper(new KeeperSettings(keeperConfigFile, keeperHsmSettings,
                        keeperHsmPin == null || keeperHsmPin.isEmpty() ? null : Secret.of(keeperHsmPin),
                        keeperMappingFile, keeperClientFactory))
                .oauth2(oauth2Settings())
                .clock(clock)
                .nodeName(nodeName)
                .givenCredentials(governedCredentials)
                .givenTokenProvider(oauth2TokenProvider)
                .build();
    }

    private StoreKind storeKind() {
        String kind = store == null || store.isBlank() ? STORE_DATABASE : store.strip();
        if (!STORE_DATABASE.equals(kind) && !STORE_KEEPER.equals(kind)) {
            throw new IllegalArgumentException("Unknown store '" + kind + "': use store=database or store=keeper");
        }
        return STORE_KEEPER.equals(kind) ? StoreKind.KEEPER : StoreKind.DATABASE;
    }

    private AuditMode auditMode() {
        String mode = auditMode == null || auditMode.isBlank() ? AUDIT_JOURNAL : auditMode.strip();
        for (AuditMode m : AuditMode.values()) {
            if (m.option().equals(mode)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown auditMode '" + mode + "': use auditMode=journal,"
                                           + " auditMode=async, auditMode=sync or auditMode=summary");
    }

    /**
     * The audit journal of auditMode=journal: auditJournalDirectory, or audit-journal next to the embedded database
     * (next to the key file when the database is elsewhere).
     */
    public JournalSettings journalSettings() {
        Path dir;
        if (auditJournalDirectory != null && !auditJournalDirectory.isBlank()) {
            dir = Path.of(auditJournalDirectory.strip());
        } else if (jdbcUrl == null || jdbcUrl.isBlank()) {
            dir = (databaseDirectory != null ? Path.of(databaseDirectory) : DatabaseSettings.defaultHome())
                    .resolve("audit-journal");
        } else {
            Path key = databaseSettings().keyFile().toAbsolutePath();
            dir = key.getParent().resolve("audit-journal");
        }
        return new JournalSettings(dir, auditJournalSync, auditJournalMaxSize, JournalSettings.DEFAULT_SEGMENT_SIZE);
    }

    /**
     * Whether the audit trail can record decisions (a health check reads it): false when auditMode=journal cannot
     * write its journal, so every request is refused. True while the component is not started.
     */
    public boolean isAuditHealthy() {
        return getAuditHealth().canRecord();
    }

    /** The audit trail's health: UP, DEGRADED (journal records, database writer failing or behind) or DOWN. */
    public AuditHealth getAuditHealth() {
        KsmRuntime r = runtime;
        return r == null ? AuditHealth.up("not started") : r.auditHealth();
    }

    /** The database the component opens when no GovernedCredentials is given, from the database options. */
    public DatabaseSettings databaseSettings() {
        Secret password = jdbcPassword == null ? null : Secret.of(jdbcPassword);
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            Path key = keyFile != null ? Path.of(keyFile) : DatabaseSettings.defaultHome().resolve("ksm.key");
            return new DatabaseSettings(jdbcUrl, jdbcUsername, password, key, Duration.ofMillis(dbConnectionTimeout),
                    migrateSchema);
        }
        DatabaseSettings embedded = databaseDirectory != null
                ? DatabaseSettings.embedded(Path.of(databaseDirectory)) : DatabaseSettings.embeddedDefaults();
        return new DatabaseSettings(embedded.jdbcUrl(), jdbcUsername, password,
                keyFile != null ? Path.of(keyFile) : embedded.keyFile(), Duration.ofMillis(dbConnectionTimeout),
                migrateSchema);
    }

    /** The settings of the token provider the component creates when none is given, from the OAuth 2.0 options. */
    public OAuth2Settings oauth2Settings() {
        return OAuth2Settings.builder()
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .readTimeout(Duration.ofMillis(readTimeout))
                .writeTimeout(Duration.ofMillis(writeTimeout))
                .callTimeout(Duration.ofMillis(callTimeout))
                .tokenEndpointTimeout(Duration.ofMillis(tokenEndpointTimeout))
                .tokenFetchDeadline(Duration.ofMillis(tokenFetchDeadline))
                .clockSkew(Duration.ofMillis(clockSkew))
                .refreshAhead(Duration.ofMillis(refreshAhead))
                .defaultExpiresIn(Duration.ofMillis(defaultExpiresIn))
                .assertionLifetime(Duration.ofMillis(assertionLifetime))
                .retryPolicy(new RetryPolicy(maxRetries, Duration.ofMillis(initialBackoff),
                        Duration.ofMillis(maxBackoff), backoffJitter, Duration.ofMillis(maxRetryAfter)))
                .maxResponseBytes(maxResponseBytes)
                .allowPlainHttp(allowPlainHttp)
                .clock(clock != null ? clock : Clock.systemUTC())
                .build();
    }

    /**
     * Camel reads exactly one {@code oauth-client-authentication-factory} service file: when another one (camel-oauth's)
     * comes first on the class path, Camel components with an {@code oauthProfile} do not get ksm credentials.
     */
    private void checkOAuthProfileProvider() {
        try {
            Optional<Class<?>> provider = getCamelContext().getCamelContextExtension().getBootstrapFactoryFinder()
                    .findOptionalClass(OAuthClientAuthenticationFactory.FACTORY);
            if (provider.isPresent() && provider.get() != KsmOAuthClientAuthenticationFactory.class) {
                LOG.warn("Camel components with an oauthProfile get their tokens from {}, not from camel-ksm: it comes"
                         + " before camel-ksm on the class path", provider.get().getName());
            }
        } catch (RuntimeException e) {
            LOG.debug("Cannot tell which OAuthClientAuthenticationFactory Camel uses: {}", e.toString());
        }
    }

    static String defaultNodeName() {
        String host = InetAddressUtil.getLocalHostNameSafe();
        return host == null || host.isBlank() ? "localhost" : host;
    }

    public KsmConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The default options of every endpoint; each endpoint gets its own copy.
     */
    public void setConfiguration(KsmConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getJdbcUrl() {
        return jdbcUrl;
    }

    /**
     * JDBC URL of camel-ksm's own database (credentials, access rights, audit trail), for example
     * jdbc:postgresql://db:5432/ksm. By default an embedded H2 file database in databaseDirectory.
     */
    public void setJdbcUrl(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public String getJdbcUsername() {
        return jdbcUsername;
    }

    /**
     * User name for camel-ksm's database.
     */
    public void setJdbcUsername(String jdbcUsername) {
        this.jdbcUsername = jdbcUsername;
    }

    public String getJdbcPassword() {
        return jdbcPassword;
    }

    /**
     * Password for camel-ksm's database.
     */
    public void setJdbcPassword(String jdbcPassword) {
        this.jdbcPassword = jdbcPassword;
    }

    public String getDatabaseDirectory() {
        return databaseDirectory;
    }

    /**
     * Directory of the embedded H2 database and its key file, when no jdbcUrl is set. Default: .camel-ksm in the
     * user's home directory.
     */
    public void setDatabaseDirectory(String databaseDirectory) {
        this.databaseDirectory = databaseDirectory;
    }

    public String getKeyFile() {
        return keyFile;
    }

    /**
     * The AES-256 key file that encrypts secrets in the database; kept outside the database and created with
     * owner-only permissions on first use. Default: ksm.key in the database directory.
     */
    public void setKeyFile(String keyFile) {
        this.keyFile = keyFile;
    }

    public long getDbConnectionTimeout() {
        return dbConnectionTimeout;
    }

    /**
     * How long a database call waits for a connection to camel-ksm's database before the exchange fails with an error
     * naming the database and this timeout (database down or unreachable, all connections busy); the pool reconnects
     * by itself when the database is back. At least 250 ms. Default: 5 seconds.
     */
    public void setDbConnectionTimeout(long dbConnectionTimeout) {
        this.dbConnectionTimeout = dbConnectionTimeout;
    }

    public boolean isMigrateSchema() {
        return migrateSchema;
    }

    /**
     * Whether the component creates and migrates camel-ksm's schema when it opens the database (default). Set it to
     * false when the application's database role may only use the tables (for example may only INSERT and SELECT
     * audit rows) and the schema owner's role runs the migrations: the component then only checks that the schema is
     * up to date and refuses to start otherwise.
     */
    public void setMigrateSchema(boolean migrateSchema) {
        this.migrateSchema = migrateSchema;
    }

    public String getNodeName() {
        return nodeName;
    }

    /**
     * The name of this node: the resource that access rights are checked against. Default: the host name.
     */
    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public String getAuditMode() {
        return auditMode;
    }

    /**
     * How audit events are written when the component opens its own database. journal (default): before the request
     * goes on, its decision is appended to a journal file in auditJournalDirectory (a memory-mapped file, so the event
     * is in the operating system's page cache and survives a crash or kill of the JVM); one background thread copies
     * the journal into the database in order, and a start copies whatever a previous run left (each event once). If
     * the journal cannot record, the request is refused. sync: every request writes its audit row to the database
     * before it goes on, at the cost of a database insert per request. async: the request thread queues the event and
     * one background thread writes the queue in batches; if the JVM dies, events still queued are lost. summary: as
     * async, but the writer merges the granted reads (authorize, get) of each batch it takes off the queue (about every
     * 2 ms) that are identical in everything but time and exchange into one entry with occurrences (how many), the
     * first time and exchange, and lastTime and lastExchangeId; denied and failed decisions and every change are
     * written one by one, in order; not journaled either.
     */
    public void setAuditMode(String auditMode) {
        this.auditMode = auditMode;
    }

    public String getAuditJournalDirectory() {
        return auditJournalDirectory;
    }

    /**
     * The directory of the audit journal (auditMode=journal), created owner-only; one process at a time. Default:
     * audit-journal in databaseDirectory, or next to the key file when jdbcUrl is set.
     */
    public void setAuditJournalDirectory(String auditJournalDirectory) {
        this.auditJournalDirectory = auditJournalDirectory;
    }

    public boolean isAuditJournalSync() {
        return auditJournalSync;
    }

    /**
     * Whether each journaled audit event is forced to the storage device before the request goes on (auditMode=journal).
     * Off by default: the event is then in the operating system's page cache, which survives a crash or kill of the
     * JVM but not a power loss or a crash of the operating system. On, it survives those too, at the cost of a device
     * flush per decision.
     */
    public void setAuditJournalSync(boolean auditJournalSync) {
        this.auditJournalSync = auditJournalSync;
    }

    public long getAuditJournalMaxSize() {
        return auditJournalMaxSize;
    }

    /**
     * How many bytes of journaled audit events may wait for the database (auditMode=journal), at least 32 MiB. When the
     * database writer falls that far behind (the database is down), requests wait, and are refused after 10 s.
     */
    public void setAuditJournalMaxSize(long auditJournalMaxSize) {
        this.auditJournalMaxSize = auditJournalMaxSize;
    }

    public long getCacheTtl() {
        return cacheTtl;
    }

    /**
     * How long a credential and its access rights, once read by a route, are reused before the database is asked
     * again (0 disables the cache). Changes made through this component apply at once; changes made elsewhere (the
     * CLI, another node), including a revoked access right, take effect within this time. Expiry and validity are still
     * checked on every request.
     */
    public void setCacheTtl(long cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    public GovernedCredentials getGovernedCredentials() {
        KsmRuntime r = runtime;
        return r != null ? r.credentials() : governedCredentials;
    }

    /**
     * The governed credentials service to use instead of opening the database from the database options.
     */
    public void setGovernedCredentials(GovernedCredentials governedCredentials) {
        this.governedCredentials = governedCredentials;
    }

    public String getStore() {
        return store;
    }

    /**
     * Where the secret values live: database (camel-ksm's own encrypted store, the default) or keeper (Keeper Secrets
     * Manager, configured by the keeper options). Access rights and the audit trail are always in camel-ksm's
     * database.
     */
    public void setStore(String store) {
        this.store = store;
    }

    public CredentialStore getCredentialStore() {
        return credentialStore;
    }

    /**
     * A credential store of your own to take the secret values from instead of the database, e.g.
     * #bean:myKeeperStore (not autowired: a store bean in the registry never replaces the database by surprise). It
     * stays its owner's to close. Access rights and the audit trail are still camel-ksm's database.
     */
    public void setCredentialStore(CredentialStore credentialStore) {
        this.credentialStore = credentialStore;
    }

    public String getKeeperConfigFile() {
        return keeperConfigFile;
    }

    /**
     * store=keeper: the Keeper client config file, encrypted by the HSM key (made by ksm-admin config init with a
     * one-time token). The Keeper SDK rewrites it when Keeper rotates its keys.
     */
    public void setKeeperConfigFile(String keeperConfigFile) {
        this.keeperConfigFile = keeperConfigFile;
    }

    public String getKeeperHsmSettings() {
        return keeperHsmSettings;
    }

    /**
     * store=keeper: a properties file that names the HSM key of the client config: provider (ncipher, pkcs11 or
     * pkcs12), key-alias, and pkcs11-config, keystore-file, hmac-key-alias, mechanism as the provider needs.
     */
    public void setKeeperHsmSettings(String keeperHsmSettings) {
        this.keeperHsmSettings = keeperHsmSettings;
    }

    public String getKeeperHsmPin() {
        return keeperHsmPin;
    }

    /**
     * store=keeper: the PIN, passphrase or key store password of the HSM key. Keep it out of configuration files:
     * use a placeholder such as {{env:KSM_HSM_PIN}}.
     */
    public void setKeeperHsmPin(String keeperHsmPin) {
        this.keeperHsmPin = keeperHsmPin;
    }

    public String getKeeperMappingFile() {
        return keeperMappingFile;
    }

    /**
     * store=keeper: a properties file that maps credential names to Keeper records,
     * keeper.credentials.NAME=RECORD-UID (or keeper://UID/field/password notation), with optional .type per
     * credential, keeper.cache.ttl, keeper.cache.max-stale, keeper.throttle.backoff, keeper.failure.backoff and
     * keeper.password-updates.
     */
    public void setKeeperMappingFile(String keeperMappingFile) {
        this.keeperMappingFile = keeperMappingFile;
    }

    public Object getKeeperClientFactory() {
        return keeperClientFactory;
    }

    /**
     * store=keeper: makes the Keeper client on the opened client config (an io.camelksm.store.keeper.KeeperClientFactory
     * from camel-ksm-keeper), to reach Keeper through a proxy or a test double. Default: Keeper's SDK over HTTPS.
     */
    public void setKeeperClientFactory(Object keeperClientFactory) {
        this.keeperClientFactory = keeperClientFactory;
    }

    public CallerResolver getCallerResolver() {
        return callerResolver;
    }

    /**
     * Establishes the caller (roles, process, resource) of each request from trusted sources. Default: the route id,
     * the node name and the role principals (rolePrincipalClasses, Spring Security ROLE_ authorities) of the Subject in
     * the CamelAuthentication header.
     */
    public void setCallerResolver(CallerResolver callerResolver) {
        this.callerResolver = callerResolver;
    }

    public String getRolePrincipalClasses() {
        return rolePrincipalClasses;
    }

    /**
     * The principal classes (comma-separated, fully qualified) whose principals in the authenticated Subject are the
     * caller's roles; subclasses count. Any other principal, such as the user's own, is never a role. Default: camel-ksm's
     * RolePrincipal and the JDK's UNIX and Windows group principals. Used by the default caller resolver only.
     */
    public void setRolePrincipalClasses(String rolePrincipalClasses) {
        this.rolePrincipalClasses = rolePrincipalClasses;
    }

    public String getAuthorityRolePrefix() {
        return authorityRolePrefix;
    }

    /**
     * The prefix of the Spring Security granted authorities that are roles, when the Subject holds an authenticated
     * Spring Security Authentication (as camel-spring-security expects it): ROLE_ops is the role ops; other
     * authorities (FACTOR_PASSWORD, SCOPE_x) are not roles. Empty takes every authority as a role. Used by the default
     * caller resolver only.
     */
    public void setAuthorityRolePrefix(String authorityRolePrefix) {
        this.authorityRolePrefix = authorityRolePrefix;
    }

    public OAuth2TokenProvider getOauth2TokenProvider() {
        KsmRuntime r = runtime;
        return r != null ? r.tokenProvider() : oauth2TokenProvider;
    }

    /**
     * The OAuth 2.0 token provider (HTTP client and token cache) to use instead of creating one from the OAuth 2.0
     * options; it stays its owner's to close. Default: one created when the component starts, closed when it stops.
     */
    public void setOauth2TokenProvider(OAuth2TokenProvider oauth2TokenProvider) {
        this.oauth2TokenProvider = oauth2TokenProvider;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * OAuth 2.0 HTTP client: the longest time to establish a TCP/TLS connection to an authorization server.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    /**
     * OAuth 2.0 HTTP client: the longest silence while reading a response.
     */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public long getWriteTimeout() {
        return writeTimeout;
    }

    /**
     * OAuth 2.0 HTTP client: the longest stall while writing a request.
     */
    public void setWriteTimeout(long writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    /**
     * OAuth 2.0 HTTP client: the limit of a whole call of the shared HTTP client.
     */
    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public long getTokenEndpointTimeout() {
        return tokenEndpointTimeout;
    }

    /**
     * The limit of one whole attempt against an authorization server's token endpoint (connect, send, read), usually
     * shorter than the API's timeouts. Retries come on top, as maxRetries says, within the tokenFetchDeadline.
     */
    public void setTokenEndpointTimeout(long tokenEndpointTimeout) {
        this.tokenEndpointTimeout = tokenEndpointTimeout;
    }

    public long getTokenFetchDeadline() {
        return tokenFetchDeadline;
    }

    /**
     * The limit of a whole token fetch: all attempts, retries and back-off waits together. An attempt gets at most what
     * is left of it, and no retry starts that could not begin before it, so a hung authorization server holds an
     * exchange for this long at most (with the defaults: one 15 s attempt and quick retries fit, instead of four
     * attempts of 15 s plus back-off). Keep it below the timeouts of whoever waits for the exchange.
     */
    public void setTokenFetchDeadline(long tokenFetchDeadline) {
        this.tokenFetchDeadline = tokenFetchDeadline;
    }

    public long getClockSkew() {
        return clockSkew;
    }

    /**
     * How long before its expires_in an access token stops being handed out, so that it does not expire on its way to
     * the API (at most a quarter of a short token's lifetime).
     */
    public void setClockSkew(long clockSkew) {
        this.clockSkew = clockSkew;
    }

    public long getRefreshAhead() {
        return refreshAhead;
    }

    /**
     * How long before a token stops being handed out the first exchange already fetches its successor, while the other
     * exchanges keep using the still valid token. Zero turns refresh-ahead off. At most a tenth of the token's usable
     * lifetime.
     */
    public void setRefreshAhead(long refreshAhead) {
        this.refreshAhead = refreshAhead;
    }

    public long getDefaultExpiresIn() {
        return defaultExpiresIn;
    }

    /**
     * The lifetime assumed for an access token whose token response has no expires_in.
     */
    public void setDefaultExpiresIn(long defaultExpiresIn) {
        this.defaultExpiresIn = defaultExpiresIn;
    }

    public long getAssertionLifetime() {
        return assertionLifetime;
    }

    /**
     * The lifetime of signed JWT assertions (private_key_jwt client assertions; JWT bearer grants whose credential sets
     * no assertionLifetime).
     */
    public void setAssertionLifetime(long assertionLifetime) {
        this.assertionLifetime = assertionLifetime;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times a token request is retried after a server error (5xx, 408), rate limiting (429) or a transport
     * failure (0 to 20; 0 = no retry). Rejections (400, 401, 403) are never retried.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getInitialBackoff() {
        return initialBackoff;
    }

    /**
     * The wait before the first retry of a token request; it doubles with each further retry, up to maxBackoff.
     */
    public void setInitialBackoff(long initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public long getMaxBackoff() {
        return maxBackoff;
    }

    /**
     * The longest wait between two retries of a token request (unless a Retry-After asks for longer).
     */
    public void setMaxBackoff(long maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public double getBackoffJitter() {
        return backoffJitter;
    }

    /**
     * The share of each backoff that is random, from 0 (none) to 1, so that many clients do not retry in step.
     */
    public void setBackoffJitter(double backoffJitter) {
        this.backoffJitter = backoffJitter;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The longest Retry-After of a 429 or 503 answer that is honoured; a server asking for longer fails the request
     * at once rather than hold the exchange.
     */
    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public int getMaxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * The most bytes of a token endpoint response that are read (at least 256); a longer response is an error.
     */
    public void setMaxResponseBytes(int maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public boolean isAllowPlainHttp() {
        return allowPlainHttp;
    }

    /**
     * Whether token URLs may use plain http on hosts other than loopback. Off by default: token requests carry client
     * secrets and signed assertions, so only https is accepted, and http to loopback for tests and development:
     * localhost, an IP literal in 127.0.0.0/8 or [::1] (a DNS name such as 127.example.com is not loopback). Turn it on only for a trusted network in development.
     */
    public void setAllowPlainHttp(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }

    public Clock getClock() {
        return clock;
    }

    /**
     * The clock that decides expiry and stamps audit events, when the component builds its own governed credentials,
     * and that times access tokens, when it builds its own token provider. Default: the system clock (UTC).
     */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    /**
     * What this component opened when it started (database, audit, store, token provider), or null before it starts
     * and after it stops: code that is not a route reads credentials through its {@link KsmRuntime#forProcess}.
     */
    public KsmRuntime runtime() {
        return runtime;
    }
}
