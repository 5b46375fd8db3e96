package io.camelksm.springboot;

import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.component.CallerResolver;
import io.camelksm.component.KsmAuditConfiguration;
import io.camelksm.component.KsmCallerConfiguration;
import io.camelksm.component.KsmConfiguration;
import io.camelksm.component.KsmDatabaseConfiguration;
import io.camelksm.component.KsmKeeperHsmConfiguration;
import io.camelksm.component.KsmOAuth2Configuration;
import io.camelksm.component.KsmOperation;
import io.camelksm.component.KsmStoreConfiguration;
import io.camelksm.credential.CredentialStore;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.StoreKind;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Governed credentials for routes: resolve named credentials, check access rights, audit every decision and build
 * authentication headers.
 *
 * The {@code camel.component.ksm.*} properties: one per component option of the catalog (ksm.json), with its
 * description and default, in the shape camel-package-maven-plugin writes for Camel's own starters (durations are
 * milliseconds as in Camel; object options take a bean of their type or a {@code #bean:name} reference, see
 * {@link KsmComponentConverter}). {@code KsmComponentConfigurationCatalogTest} fails when an option is missing here.
 */
@ConfigurationProperties(prefix = "camel.component.ksm")
public class KsmComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the ksm component. This is
     * enabled by default.
     */
    private Boolean enabled;
    /**
     * The options of the audit writer and journal. The option is a
     * io.camelksm.component.KsmAuditConfiguration type.
     */
    private KsmAuditConfiguration auditConfiguration;
    /**
     * The options of the node name, the read cache, the default caller resolver
     * and the expiry warnings. The option is a
     * io.camelksm.component.KsmCallerConfiguration type.
     */
    private KsmCallerConfiguration callerConfiguration;
    /**
     * The default options of every endpoint; each endpoint gets its own copy. The
     * option is a io.camelksm.component.KsmConfiguration type.
     */
    private KsmConfiguration configuration;
    /**
     * The options of camel-ksm's database. The option is a
     * io.camelksm.component.KsmDatabaseConfiguration type.
     */
    private KsmDatabaseConfiguration databaseConfiguration;
    /**
     * For operation=set: write only this field (for example password), taking its
     * new value from the CamelKsmValue header or the message body. Without it,
     * operation=set takes a map of field values from the CamelKsmFields header or
     * the body.
     */
    private String field;
    /**
     * For operation=get: the exchange property that receives the credential's
     * fields, as a KsmCredentialFields object (the password stays a Secret: call
     * reveal() where it is needed).
     */
    private String fieldsProperty = "KsmCredential";
    /**
     * For operation=authorize: the message header that receives the authentication
     * value. Change it for API-key style headers such as X-API-Key.
     */
    private String headerName = "Authorization";
    /**
     * For operation=authorize: whether the header value starts with the
     * authentication scheme (Basic or Bearer). Turn it off for API-key style
     * headers that carry the bare token.
     */
    private Boolean includeScheme = true;
    /**
     * The options of the HSM key of the Keeper client config (store=keeper). The
     * option is a io.camelksm.component.KsmKeeperHsmConfiguration type.
     */
    private KsmKeeperHsmConfiguration keeperHsmConfiguration;
    /**
     * Whether the producer should be started lazy (on the first message). By
     * starting lazy you can use this to allow CamelContext and routes to startup
     * in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then
     * the startup failure can be handled during routing messages via Camel's
     * routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the
     * total processing time of the processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * The options of the OAuth 2.0 token provider the component creates when none
     * is given. The option is a io.camelksm.component.KsmOAuth2Configuration type.
     */
    private KsmOAuth2Configuration oauth2Configuration;
    /**
     * What to do with the credential: authorize (put the authentication header on
     * the message), get (hand the fields of a GENERAL or DATA_GATEWAY credential
     * over in an exchange property), set (write new field values) or setProperty
     * (write one additional property). Every operation is checked against the
     * credential's access rights and audited.
     */
    private KsmOperation operation = KsmOperation.authorize;
    /**
     * For operation=setProperty (required there): the name of the additional
     * property to write; its new value comes from the CamelKsmValue header or the
     * message body.
     */
    private String propertyName;
    /**
     * For operation=setProperty: whether the property written is secret (encrypted
     * at rest and masked in every display).
     */
    private Boolean propertySecret = true;
    /**
     * The options of where the secret values live (database, Keeper or a store of
     * your own). The option is a io.camelksm.component.KsmStoreConfiguration type.
     */
    private KsmStoreConfiguration storeConfiguration;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options
     * (the option must be marked as autowired) by looking up in the registry to
     * find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC
     * data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * The clock that decides expiry and stamps audit events, when the component
     * builds its own governed credentials, and that times access tokens, when it
     * builds its own token provider. Default: the system clock (UTC). The option
     * is a java.time.Clock type.
     */
    private Clock clock;
    /**
     * The governed credentials service to use instead of opening the database from
     * the database options. The option is a
     * io.camelksm.governance.GovernedCredentials type.
     */
    private GovernedCredentials governedCredentials;
    /**
     * Directory of the embedded H2 database and its key file, when no jdbcUrl is
     * set. Default: .camel-ksm in the user's home directory.
     */
    private String databaseDirectory;
    /**
     * The application's own DataSource to keep camel-ksm's tables in, instead of a
     * connection pool of camel-ksm's own, as a bean reference such as
     * #bean:dataSource (not autowired: an application's DataSource in the registry
     * never replaces the embedded database by surprise). camel-ksm's tables and
     * its Flyway history table (ksm_schema_history) go into their own schema
     * (databaseSchema, default ksm), apart from the application's tables and its
     * own Flyway history. camel-ksm borrows connections and never closes the
     * DataSource; jdbcUrl, jdbcUsername, jdbcPassword and dbConnectionTimeout are
     * not used with it. The option is a javax.sql.DataSource type.
     */
    private DataSource dataSource;
    /**
     * The schema of camel-ksm's tables and its history table, created by the
     * migration if missing: a plain SQL name. Default: ksm with a dataSource;
     * otherwise the connection's default schema (where databases made before this
     * option keep their tables).
     */
    private String databaseSchema;
    /**
     * How long a database call waits for a connection to camel-ksm's database
     * before the exchange fails with an error naming the database and this timeout
     * (database down or unreachable, all connections busy); the pool reconnects by
     * itself when the database is back. At least 250 ms. The option is a long
     * type.
     */
    private Long dbConnectionTimeout = 5000L;
    /**
     * Password for camel-ksm's database.
     */
    private String jdbcPassword;
    /**
     * JDBC URL of camel-ksm's own database (credentials, access rights, audit
     * trail), for example jdbc:postgresql://db:5432/ksm. By default an embedded H2
     * file database in databaseDirectory.
     */
    private String jdbcUrl;
    /**
     * User name for camel-ksm's database.
     */
    private String jdbcUsername;
    /**
     * The AES-256 key file that encrypts secrets in the database; kept outside the
     * database and created with owner-only permissions on first use. Default:
     * ksm.key in the database directory.
     */
    private String keyFile;
    /**
     * Whether the component creates and migrates camel-ksm's schema when it opens
     * the database (default). Set it to false when the application's database role
     * may only use the tables (for example may only INSERT and SELECT audit rows)
     * and the schema owner's role runs the migrations: the component then only
     * checks that the schema is up to date and refuses to start otherwise.
     */
    private Boolean migrateSchema = true;
    /**
     * Directory of the key files of encryption schemes with key location SERVER,
     * one per scheme named after it (scheme id.key, owner-only). A node without a
     * scheme's file cannot read that scheme's values (the error names the scheme
     * and the missing file). Default: the directory of keyFile.
     */
    private String schemeKeyDirectory;
    /**
     * store=keeper: the oldest cached records may get while Keeper fails or
     * throttles; after that a failure is an error (overrides
     * keeper.cache.max-stale of the mapping file; default: 24h).
     */
    private String keeperCacheMaxStale;
    /**
     * store=keeper: how long fetched Keeper records are served without asking
     * Keeper again, e.g. 5m, 30s or PT5M (overrides keeper.cache.ttl of the
     * mapping file; default: 5m).
     */
    private String keeperCacheTtl;
    /**
     * store=keeper: the Keeper client config file, encrypted by the HSM key (made
     * by ksm-admin config init with a one-time token). The Keeper SDK rewrites it
     * when Keeper rotates its keys.
     */
    private String keeperConfigFile;
    /**
     * store=keeper: the alias (label) of the AES key that encrypts the client
     * config. Overrides key-alias in keeperHsmSettings.
     */
    private String keeperHsmKeyAlias;
    /**
     * store=keeper: the key store file (required for pkcs12, optional for
     * ncipher). Overrides keystore-file in keeperHsmSettings.
     */
    private String keeperHsmKeystoreFile;
    /**
     * store=keeper: the PIN, passphrase or key store password of the HSM key. Keep
     * it out of configuration files: use a placeholder such as
     * {{env:KSM_HSM_PIN}}.
     */
    private String keeperHsmPin;
    /**
     * store=keeper with keeperHsmProvider=pkcs11: the SunPKCS11 config file of the
     * token. Overrides pkcs11-config in keeperHsmSettings.
     */
    private String keeperHsmPkcs11Config;
    /**
     * store=keeper: the kind of HSM that holds the key of the client config:
     * ncipher (nShield), pkcs11 (any PKCS#11 token, through SunPKCS11) or pkcs12
     * (a software key store, for development). Overrides provider in
     * keeperHsmSettings.
     */
    private String keeperHsmProvider;
    /**
     * store=keeper: a properties file that names the HSM key of the client config:
     * provider (ncipher, pkcs11 or pkcs12), key-alias, and pkcs11-config,
     * keystore-file, hmac-key-alias, mechanism as the provider needs. Not needed
     * when keeperHsmProvider and keeperHsmKeyAlias (and what the provider needs)
     * are set; an option that is set overrides the file's value.
     */
    private String keeperHsmSettings;
    /**
     * store=keeper: a properties file that maps credential names to Keeper
     * records, keeper.credentials.NAME=RECORD-UID (or keeper://UID/field/password
     * notation), with optional .type per credential, keeper.cache.ttl,
     * keeper.cache.max-stale, keeper.throttle.backoff, keeper.failure.backoff and
     * keeper.password-updates (the options keeperCacheTtl, keeperCacheMaxStale,
     * keeperThrottleBackoff, keeperFailureBackoff and keeperPasswordUpdates
     * override these).
     */
    private String keeperMappingFile;
    /**
     * store=keeper: true or false, whether a write may change the password of a
     * Keeper record (overrides keeper.password-updates of the mapping file;
     * default: false). Records are never created or deleted in Keeper.
     */
    private String keeperPasswordUpdates;
    /**
     * store=keeper: makes the Keeper client on the opened client config (an
     * io.camelksm.store.keeper.KeeperClientFactory from camel-ksm-keeper), to
     * reach Keeper through a proxy or a test double. Default: Keeper's SDK over
     * HTTPS. The option is a java.lang.Object type.
     */
    private Object keeperClientFactory;
    /**
     * store=keeper: how long Keeper is left alone after any other failed fetch
     * (overrides keeper.failure.backoff of the mapping file; default: 10s).
     */
    private String keeperFailureBackoff;
    /**
     * store=keeper: the alias of an HMAC-SHA256 key, needed for the CBC-HMAC
     * mechanism. Overrides hmac-key-alias in keeperHsmSettings.
     */
    private String keeperHsmHmacKeyAlias;
    /**
     * store=keeper: how the client config is encrypted: auto (AES-GCM where the
     * HSM offers it, else CBC-HMAC), gcm or cbc-hmac. Overrides mechanism in
     * keeperHsmSettings.
     */
    private String keeperHsmMechanism;
    /**
     * store=keeper: how long Keeper is left alone after a throttling answer that
     * names no retry_after (overrides keeper.throttle.backoff of the mapping file;
     * default: 1m).
     */
    private String keeperThrottleBackoff;
    /**
     * The lifetime of signed JWT assertions (private_key_jwt client assertions;
     * JWT bearer grants whose credential sets no assertionLifetime). The option is
     * a long type.
     */
    private Long assertionLifetime = 300000L;
    /**
     * For operation=authorize on an OAuth 2.0 credential: the audience to request
     * instead of the credential's own (the audience form parameter of the client
     * credentials grant, the aud claim of a JWT bearer assertion).
     */
    private String audience;
    /**
     * The share of each backoff that is random, from 0 (none) to 1, so that many
     * clients do not retry in step.
     */
    private Double backoffJitter = 0.5;
    /**
     * OAuth 2.0 HTTP client: the limit of a whole call of the shared HTTP client.
     * The option is a long type.
     */
    private Long callTimeout = 30000L;
    /**
     * How long before its expires_in an access token stops being handed out, so
     * that it does not expire on its way to the API (at most a quarter of a short
     * token's lifetime). The option is a long type.
     */
    private Long clockSkew = 60000L;
    /**
     * OAuth 2.0 HTTP client: the longest time to establish a TCP/TLS connection to
     * an authorization server. The option is a long type.
     */
    private Long connectTimeout = 10000L;
    /**
     * The lifetime assumed for an access token whose token response has no
     * expires_in. The option is a long type.
     */
    private Long defaultExpiresIn = 300000L;
    /**
     * For operation=authorize on an OAuth 2.0 credential: when the exchange ends
     * with an HTTP 401 (an HttpOperationFailedException with status 401, or the
     * CamelHttpResponseCode header 401), drop the access token it carried, so that
     * the next exchange gets a fresh one (on by default: a token the API rejects,
     * revoked for instance, is not handed out again until it expires; many
     * exchanges rejected with the same token cause one new token request). To
     * retry the same exchange with a fresh token, use KsmOAuth2.evictToken() in
     * onRedelivery (see the documentation).
     */
    // no initializer (default true, see the additional metadata): a given value makes every endpoint with another
    // operation fail its options check, so it is only copied onto the component when set
    private Boolean evictTokenOn401;
    /**
     * The wait before the first retry of a token request; it doubles with each
     * further retry, up to maxBackoff. The option is a long type.
     */
    private Long initialBackoff = 200L;
    /**
     * The longest wait between two retries of a token request (unless a
     * Retry-After asks for longer). The option is a long type.
     */
    private Long maxBackoff = 5000L;
    /**
     * The most bytes of a token endpoint response that are read (at least 256); a
     * longer response is an error.
     */
    private Integer maxResponseBytes = 262144;
    /**
     * How many times a token request is retried after a server error (5xx, 408),
     * rate limiting (429) or a transport failure (0 to 20; 0 = no retry).
     * Rejections (400, 401, 403) are never retried.
     */
    private Integer maxRetries = 3;
    /**
     * The longest Retry-After of a 429 or 503 answer that is honoured; a server
     * asking for longer fails the request at once rather than hold the exchange.
     * The option is a long type.
     */
    private Long maxRetryAfter = 30000L;
    /**
     * OAuth 2.0 HTTP client: the longest silence while reading a response. The
     * option is a long type.
     */
    private Long readTimeout = 15000L;
    /**
     * How long before a token stops being handed out the first exchange already
     * fetches its successor, while the other exchanges keep using the still valid
     * token. Zero turns refresh-ahead off. At most a tenth of the token's usable
     * lifetime. The option is a long type.
     */
    private Long refreshAhead = 30000L;
    /**
     * For operation=authorize on an OAuth 2.0 credential: the RFC 8707 resource
     * indicator to request instead of the credential's form.resource property.
     */
    private String resource;
    /**
     * For operation=authorize on an OAuth 2.0 credential: the space-separated
     * scopes to request instead of the credential's own scope. Tokens are cached
     * per scope, so a route asking for a narrow scope never gets another route's
     * broader token.
     */
    private String scope;
    /**
     * For operation=authorize on an OAUTH2_JWT_BEARER credential: the subject (sub
     * claim, the user acted for) instead of the credential's own subject.
     */
    private String subject;
    /**
     * The limit of one whole attempt against an authorization server's token
     * endpoint (connect, send, read), usually shorter than the API's timeouts.
     * Retries come on top, as maxRetries says, within the tokenFetchDeadline. The
     * option is a long type.
     */
    private Long tokenEndpointTimeout = 15000L;
    /**
     * The limit of a whole token fetch: all attempts, retries and back-off waits
     * together. An attempt gets at most what is left of it, and no retry starts
     * that could not begin before it, so a hung authorization server holds an
     * exchange for this long at most (with the defaults: one 15 s attempt and
     * quick retries fit, instead of four attempts of 15 s plus back-off). Keep it
     * below the timeouts of whoever waits for the exchange. The option is a long
     * type.
     */
    private Long tokenFetchDeadline = 20000L;
    /**
     * For operation=authorize on an OAuth 2.0 credential: the token endpoint to ask
     * instead of the credential's own tokenUrl (for instance a tenant's endpoint).
     * Accepted only on a host the credential's allowedHosts property names, or, for a
     * credential without allowedHosts, on the scheme, host and port of its own token
     * URL: the client's secret goes with the request, so a route cannot send it
     * anywhere else.
     */
    private String tokenUrl;
    /**
     * OAuth 2.0 HTTP client: the longest stall while writing a request. The option
     * is a long type.
     */
    private Long writeTimeout = 15000L;
    /**
     * The OAuth 2.0 token provider (HTTP client and token cache) to use instead of
     * creating one from the OAuth 2.0 options; it stays its owner's to close.
     * Default: one created when the component starts, closed when it stops. The
     * option is a io.camelksm.auth.oauth2.OAuth2TokenProvider type.
     */
    private OAuth2TokenProvider oauth2TokenProvider;
    /**
     * Whether token URLs may use plain http on hosts other than loopback. Off by
     * default: token requests carry client secrets and signed assertions, so only
     * https is accepted, and http to loopback for tests and development:
     * localhost, an IP literal in 127.0.0.0/8 or ::1 (a DNS name such as
     * 127.example.com is not loopback). Turn it on only for a trusted network in
     * development.
     */
    private Boolean allowPlainHttp = false;
    /**
     * The directory of the audit journal (auditMode=journal), created owner-only;
     * one process at a time. Default: audit-journal in databaseDirectory, or next
     * to the key file when jdbcUrl is set.
     */
    private String auditJournalDirectory;
    /**
     * Whether each journaled audit event is forced to the storage device before
     * the request goes on (auditMode=journal). Off by default: the event is then
     * in the operating system's page cache, which survives a crash or kill of the
     * JVM but not a power loss or a crash of the operating system. On, it survives
     * those too, at the cost of a device flush per decision.
     */
    private Boolean auditJournalSync = false;
    /**
     * How audit events are written when the component opens its own database.
     * journal (default): before the request goes on, its decision is appended to a
     * journal file in auditJournalDirectory (a memory-mapped file, so the event is
     * in the operating system's page cache and survives a crash or kill of the
     * JVM); one background thread copies the journal into the database in order,
     * and a start copies whatever a previous run left (each event once). If the
     * journal cannot record, the request is refused. sync: every request writes
     * its audit row to the database before it goes on, at the cost of a database
     * insert per request. async: the request thread queues the event and one
     * background thread writes the queue in batches; if the JVM dies, events still
     * queued are lost. summary: as async, but the writer merges the granted reads
     * (authorize, get) of each batch it takes off the queue (about every 2 ms)
     * that are identical in everything but time and exchange into one entry with
     * occurrences (how many), the first time and exchange, and lastTime and
     * lastExchangeId; denied and failed decisions and every change are written one
     * by one, in order; not journaled either.
     */
    private AuditMode auditMode = AuditMode.JOURNAL;
    /**
     * The prefix of the Spring Security granted authorities that are roles, when
     * the Subject holds an authenticated Spring Security Authentication (as
     * camel-spring-security expects it): ROLE_ops is the role ops; other
     * authorities (FACTOR_PASSWORD, SCOPE_x) are not roles. Empty takes every
     * authority as a role. Used by the default caller resolver only.
     */
    private String authorityRolePrefix = "ROLE_";
    /**
     * How long a credential and its access rights, once read by a route, are
     * reused before the database is asked again (0 disables the cache). Changes
     * made through this component apply at once; changes made elsewhere (the CLI,
     * another node), including a revoked access right, take effect within this
     * time. Expiry and validity are still checked on every request. The option is
     * a long type.
     */
    private Long cacheTtl = 5000L;
    /**
     * Establishes the caller (roles, process, resource) of each request from
     * trusted sources. Default: the route id, the node name and the role
     * principals (rolePrincipalClasses, Spring Security ROLE_ authorities) of the
     * Subject in the CamelAuthentication header. The option is a
     * io.camelksm.component.CallerResolver type.
     */
    private CallerResolver callerResolver;
    /**
     * How long before its expiry a credential in use warns (for example 14d): a
     * WARN line on the logger camel.ksm.expiry once a day per credential, and a
     * detail of the health check camel-ksm/ksm-expiry. Default 14 days, time to
     * renew a credential through a change process of a week or two; 0 turns the
     * warnings off. The option is a long type.
     */
    private Long expiryWarning = 1209600000L;
    /**
     * For operation=get: also put the fields in clear text into the
     * CamelKsmUsername, CamelKsmPassword, CamelKsmTarget and CamelKsmProperties
     * headers. Off by default: headers are easily logged or sent on.
     */
    private Boolean fieldsAsHeaders = false;
    /**
     * The name of this node: the resource that access rights are checked against.
     * Default: the host name.
     */
    private String nodeName;
    /**
     * The process this endpoint acts as when access rights are checked. By default
     * the id of the route that calls the endpoint. It is part of the route's code,
     * never taken from the message.
     */
    private String process;
    /**
     * The principal classes (comma-separated, fully qualified) whose principals in
     * the authenticated Subject are the caller's roles; subclasses count. Any
     * other principal, such as the user's own, is never a role. Default:
     * camel-ksm's RolePrincipal and the JDK's UNIX and Windows group principals.
     * Used by the default caller resolver only.
     */
    private String rolePrincipalClasses = "io.camelksm.component.RolePrincipal,com.sun.security.auth.UnixNumericGroupPrincipal,com.sun.security.auth.NTSidGroupPrincipal,com.sun.security.auth.NTSidPrimaryGroupPrincipal";
    /**
     * How many bytes of journaled audit events may wait for the database
     * (auditMode=journal), at least 32 MiB. When the database writer falls that
     * far behind (the database is down), requests wait, and are refused after 10
     * s.
     */
    private Long auditJournalMaxSize = 1073741824L;
    /**
     * Where the secret values live: database (camel-ksm's own encrypted store, the
     * default) or keeper (Keeper Secrets Manager, configured by the keeper
     * options). Access rights and the audit trail are always in camel-ksm's
     * database.
     */
    private StoreKind store = StoreKind.DATABASE;
    /**
     * A credential store of your own to take the secret values from instead of the
     * database, e.g. #bean:myKeeperStore (not autowired: a store bean in the
     * registry never replaces the database by surprise). It stays its owner's to
     * close. Access rights and the audit trail are still camel-ksm's database. The
     * option is a io.camelksm.credential.CredentialStore type.
     */
    private CredentialStore credentialStore;

    public KsmAuditConfiguration getAuditConfiguration() {
        return auditConfiguration;
    }

    public void setAuditConfiguration(KsmAuditConfiguration auditConfiguration) {
        this.auditConfiguration = auditConfiguration;
    }

    public KsmCallerConfiguration getCallerConfiguration() {
        return callerConfiguration;
    }

    public void setCallerConfiguration(KsmCallerConfiguration callerConfiguration) {
        this.callerConfiguration = callerConfiguration;
    }

    public KsmConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KsmConfiguration configuration) {
        this.configuration = configuration;
    }

    public KsmDatabaseConfiguration getDatabaseConfiguration() {
        return databaseConfiguration;
    }

    public void setDatabaseConfiguration(KsmDatabaseConfiguration databaseConfiguration) {
        this.databaseConfiguration = databaseConfiguration;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String getFieldsProperty() {
        return fieldsProperty;
    }

    public void setFieldsProperty(String fieldsProperty) {
        this.fieldsProperty = fieldsProperty;
    }

    public String getHeaderName() {
        return headerName;
    }

    public void setHeaderName(String headerName) {
        this.headerName = headerName;
    }

    public Boolean getIncludeScheme() {
        return includeScheme;
    }

    public void setIncludeScheme(Boolean includeScheme) {
        this.includeScheme = includeScheme;
    }

    public KsmKeeperHsmConfiguration getKeeperHsmConfiguration() {
        return keeperHsmConfiguration;
    }

    public void setKeeperHsmConfiguration(KsmKeeperHsmConfiguration keeperHsmConfiguration) {
        this.keeperHsmConfiguration = keeperHsmConfiguration;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public KsmOAuth2Configuration getOauth2Configuration() {
        return oauth2Configuration;
    }

    public void setOauth2Configuration(KsmOAuth2Configuration oauth2Configuration) {
        this.oauth2Configuration = oauth2Configuration;
    }

    public KsmOperation getOperation() {
        return operation;
    }

    public void setOperation(KsmOperation operation) {
        this.operation = operation;
    }

    public String getPropertyName() {
        return propertyName;
    }

    public void setPropertyName(String propertyName) {
        this.propertyName = propertyName;
    }

    public Boolean getPropertySecret() {
        return propertySecret;
    }

    public void setPropertySecret(Boolean propertySecret) {
        this.propertySecret = propertySecret;
    }

    public KsmStoreConfiguration getStoreConfiguration() {
        return storeConfiguration;
    }

    public void setStoreConfiguration(KsmStoreConfiguration storeConfiguration) {
        this.storeConfiguration = storeConfiguration;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Clock getClock() {
        return clock;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public GovernedCredentials getGovernedCredentials() {
        return governedCredentials;
    }

    public void setGovernedCredentials(GovernedCredentials governedCredentials) {
        this.governedCredentials = governedCredentials;
    }

    public String getDatabaseDirectory() {
        return databaseDirectory;
    }

    public void setDatabaseDirectory(String databaseDirectory) {
        this.databaseDirectory = databaseDirectory;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getDatabaseSchema() {
        return databaseSchema;
    }

    public void setDatabaseSchema(String databaseSchema) {
        this.databaseSchema = databaseSchema;
    }

    public Long getDbConnectionTimeout() {
        return dbConnectionTimeout;
    }

    public void setDbConnectionTimeout(Long dbConnectionTimeout) {
        this.dbConnectionTimeout = dbConnectionTimeout;
    }

    public String getJdbcPassword() {
        return jdbcPassword;
    }

    public void setJdbcPassword(String jdbcPassword) {
        this.jdbcPassword = jdbcPassword;
    }

    public String getJdbcUrl() {
        return jdbcUrl;
    }

    public void setJdbcUrl(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public String getJdbcUsername() {
        return jdbcUsername;
    }

    public void setJdbcUsername(String jdbcUsername) {
        this.jdbcUsername = jdbcUsername;
    }

    public String getKeyFile() {
        return keyFile;
    }

    public void setKeyFile(String keyFile) {
        this.keyFile = keyFile;
    }

    public Boolean getMigrateSchema() {
        return migrateSchema;
    }

    public void setMigrateSchema(Boolean migrateSchema) {
        this.migrateSchema = migrateSchema;
    }

    public String getSchemeKeyDirectory() {
        return schemeKeyDirectory;
    }

    public void setSchemeKeyDirectory(String schemeKeyDirectory) {
        this.schemeKeyDirectory = schemeKeyDirectory;
    }

    public String getKeeperCacheMaxStale() {
        return keeperCacheMaxStale;
    }

    public void setKeeperCacheMaxStale(String keeperCacheMaxStale) {
        this.keeperCacheMaxStale = keeperCacheMaxStale;
    }

    public String getKeeperCacheTtl() {
        return keeperCacheTtl;
    }

    public void setKeeperCacheTtl(String keeperCacheTtl) {
        this.keeperCacheTtl = keeperCacheTtl;
    }

    public String getKeeperConfigFile() {
        return keeperConfigFile;
    }

    public void setKeeperConfigFile(String keeperConfigFile) {
        this.keeperConfigFile = keeperConfigFile;
    }

    public String getKeeperHsmKeyAlias() {
        return keeperHsmKeyAlias;
    }

    public void setKeeperHsmKeyAlias(String keeperHsmKeyAlias) {
        this.keeperHsmKeyAlias = keeperHsmKeyAlias;
    }

    public String getKeeperHsmKeystoreFile() {
        return keeperHsmKeystoreFile;
    }

    public void setKeeperHsmKeystoreFile(String keeperHsmKeystoreFile) {
        this.keeperHsmKeystoreFile = keeperHsmKeystoreFile;
    }

    public String getKeeperHsmPin() {
        return keeperHsmPin;
    }

    public void setKeeperHsmPin(String keeperHsmPin) {
        this.keeperHsmPin = keeperHsmPin;
    }

    public String getKeeperHsmPkcs11Config() {
        return keeperHsmPkcs11Config;
    }

    public void setKeeperHsmPkcs11Config(String keeperHsmPkcs11Config) {
        this.keeperHsmPkcs11Config = keeperHsmPkcs11Config;
    }

    public String getKeeperHsmProvider() {
        return keeperHsmProvider;
    }

    public void setKeeperHsmProvider(String keeperHsmProvider) {
        this.keeperHsmProvider = keeperHsmProvider;
    }

    public String getKeeperHsmSettings() {
        return keeperHsmSettings;
    }

    public void setKeeperHsmSettings(String keeperHsmSettings) {
        this.keeperHsmSettings = keeperHsmSettings;
    }

    public String getKeeperMappingFile() {
        return keeperMappingFile;
    }

    public void setKeeperMappingFile(String keeperMappingFile) {
        this.keeperMappingFile = keeperMappingFile;
    }

    public String getKeeperPasswordUpdates() {
        return keeperPasswordUpdates;
    }

    public void setKeeperPasswordUpdates(String keeperPasswordUpdates) {
        this.keeperPasswordUpdates = keeperPasswordUpdates;
    }

    public Object getKeeperClientFactory() {
        return keeperClientFactory;
    }

    public void setKeeperClientFactory(Object keeperClientFactory) {
        this.keeperClientFactory = keeperClientFactory;
    }

    public String getKeeperFailureBackoff() {
        return keeperFailureBackoff;
    }

    public void setKeeperFailureBackoff(String keeperFailureBackoff) {
        this.keeperFailureBackoff = keeperFailureBackoff;
    }

    public String getKeeperHsmHmacKeyAlias() {
        return keeperHsmHmacKeyAlias;
    }

    public void setKeeperHsmHmacKeyAlias(String keeperHsmHmacKeyAlias) {
        this.keeperHsmHmacKeyAlias = keeperHsmHmacKeyAlias;
    }

    public String getKeeperHsmMechanism() {
        return keeperHsmMechanism;
    }

    public void setKeeperHsmMechanism(String keeperHsmMechanism) {
        this.keeperHsmMechanism = keeperHsmMechanism;
    }

    public String getKeeperThrottleBackoff() {
        return keeperThrottleBackoff;
    }

    public void setKeeperThrottleBackoff(String keeperThrottleBackoff) {
        this.keeperThrottleBackoff = keeperThrottleBackoff;
    }

    public Long getAssertionLifetime() {
        return assertionLifetime;
    }

    public void setAssertionLifetime(Long assertionLifetime) {
        this.assertionLifetime = assertionLifetime;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public Double getBackoffJitter() {
        return backoffJitter;
    }

    public void setBackoffJitter(Double backoffJitter) {
        this.backoffJitter = backoffJitter;
    }

    public Long getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public Long getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Long clockSkew) {
        this.clockSkew = clockSkew;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Long getDefaultExpiresIn() {
        return defaultExpiresIn;
    }

    public void setDefaultExpiresIn(Long defaultExpiresIn) {
        this.defaultExpiresIn = defaultExpiresIn;
    }

    public Boolean getEvictTokenOn401() {
        return evictTokenOn401;
    }

    public void setEvictTokenOn401(Boolean evictTokenOn401) {
        this.evictTokenOn401 = evictTokenOn401;
    }

    public Long getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Long initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Long getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Long maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Integer getMaxResponseBytes() {
        return maxResponseBytes;
    }

    public void setMaxResponseBytes(Integer maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Long getRefreshAhead() {
        return refreshAhead;
    }

    public void setRefreshAhead(Long refreshAhead) {
        this.refreshAhead = refreshAhead;
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public Long getTokenEndpointTimeout() {
        return tokenEndpointTimeout;
    }

    public void setTokenEndpointTimeout(Long tokenEndpointTimeout) {
        this.tokenEndpointTimeout = tokenEndpointTimeout;
    }

    public Long getTokenFetchDeadline() {
        return tokenFetchDeadline;
    }

    public void setTokenFetchDeadline(Long tokenFetchDeadline) {
        this.tokenFetchDeadline = tokenFetchDeadline;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public Long getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(Long writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public OAuth2TokenProvider getOauth2TokenProvider() {
        return oauth2TokenProvider;
    }

    public void setOauth2TokenProvider(OAuth2TokenProvider oauth2TokenProvider) {
        this.oauth2TokenProvider = oauth2TokenProvider;
    }

    public Boolean getAllowPlainHttp() {
        return allowPlainHttp;
    }

    public void setAllowPlainHttp(Boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }

    public String getAuditJournalDirectory() {
        return auditJournalDirectory;
    }

    public void setAuditJournalDirectory(String auditJournalDirectory) {
        this.auditJournalDirectory = auditJournalDirectory;
    }

    public Boolean getAuditJournalSync() {
        return auditJournalSync;
    }

    public void setAuditJournalSync(Boolean auditJournalSync) {
        this.auditJournalSync = auditJournalSync;
    }

    public AuditMode getAuditMode() {
        return auditMode;
    }

    public void setAuditMode(AuditMode auditMode) {
        this.auditMode = auditMode;
    }

    public String getAuthorityRolePrefix() {
        return authorityRolePrefix;
    }

    public void setAuthorityRolePrefix(String authorityRolePrefix) {
        this.authorityRolePrefix = authorityRolePrefix;
    }

    public Long getCacheTtl() {
        return cacheTtl;
    }

    public void setCacheTtl(Long cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    public CallerResolver getCallerResolver() {
        return callerResolver;
    }

    public void setCallerResolver(CallerResolver callerResolver) {
        this.callerResolver = callerResolver;
    }

    public Long getExpiryWarning() {
        return expiryWarning;
    }

    public void setExpiryWarning(Long expiryWarning) {
        this.expiryWarning = expiryWarning;
    }

    public Boolean getFieldsAsHeaders() {
        return fieldsAsHeaders;
    }

    public void setFieldsAsHeaders(Boolean fieldsAsHeaders) {
        this.fieldsAsHeaders = fieldsAsHeaders;
    }

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public String getProcess() {
        return process;
    }

    public void setProcess(String process) {
        this.process = process;
    }

    public String getRolePrincipalClasses() {
        return rolePrincipalClasses;
    }

    public void setRolePrincipalClasses(String rolePrincipalClasses) {
        this.rolePrincipalClasses = rolePrincipalClasses;
    }

    public Long getAuditJournalMaxSize() {
        return auditJournalMaxSize;
    }

    public void setAuditJournalMaxSize(Long auditJournalMaxSize) {
        this.auditJournalMaxSize = auditJournalMaxSize;
    }

    public StoreKind getStore() {
        return store;
    }

    public void setStore(StoreKind store) {
        this.store = store;
    }

    public CredentialStore getCredentialStore() {
        return credentialStore;
    }

    public void setCredentialStore(CredentialStore credentialStore) {
        this.credentialStore = credentialStore;
    }
}
