package io.camelksm.component;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.InetAddressUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.access.GovernedCredentials;
import io.camelksm.access.Slf4jAuditTrail;
import io.camelksm.credential.Secret;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * The {@code ksm:} component: governed credentials for routes. Unless a {@link GovernedCredentials} is given (or found
 * in the registry), it opens camel-ksm's own database when it starts (embedded H2 under {@code ~/.camel-ksm} by
 * default) and closes it when it stops.
 */
@Component("ksm")
public class KsmComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(KsmComponent.class);

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

    @Metadata(label = "security")
    private String nodeName;

    @Metadata(label = "advanced", autowired = true)
    private GovernedCredentials governedCredentials;
    @Metadata(label = "advanced,security", autowired = true)
    private CallerResolver callerResolver;
    @Metadata(label = "advanced")
    private Clock clock;

    /** The database this component opened itself, and so closes when it stops. */
    private KsmDatabase database;

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
            callerResolver = new DefaultCallerResolver();
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (Boolean.TRUE.equals(getCamelContext().isLogMask())) {
            // the Authorization header we set must not show in traces when the user asked for masking
            MaskingExchangeFormatter.maskTracer(getCamelContext());
        }
        if (governedCredentials == null) {
            DatabaseSettings settings = databaseSettings();
            LOG.info("Opening the camel-ksm database {}", settings);
            database = KsmDatabase.open(settings);
            try {
                governedCredentials = new GovernedCredentials(database.credentials(), database.accessRights(),
                        new Slf4jAuditTrail(database.auditTrail()), clock);
            } catch (RuntimeException e) {
                database.close();
                database = null;
                throw e;
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (database != null) {
            // only what we opened ourselves; a given GovernedCredentials belongs to whoever made it
            governedCredentials = null;
            try {
                database.close();
            } finally {
                database = null;
            }
        }
        super.doStop();
    }

    /** The database the component opens when no GovernedCredentials is given, from the database options. */
    public DatabaseSettings databaseSettings() {
        Secret password = jdbcPassword == null ? null : Secret.of(jdbcPassword);
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            Path key = keyFile != null ? Path.of(keyFile) : DatabaseSettings.defaultHome().resolve("ksm.key");
            return new DatabaseSettings(jdbcUrl, jdbcUsername, password, key);
        }
        DatabaseSettings embedded = databaseDirectory != null
                ? DatabaseSettings.embedded(Path.of(databaseDirectory)) : DatabaseSettings.embeddedDefaults();
        return new DatabaseSettings(embedded.jdbcUrl(), jdbcUsername, password,
                keyFile != null ? Path.of(keyFile) : embedded.keyFile());
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

    public String getNodeName() {
        return nodeName;
    }

    /**
     * The name of this node: the resource that access rights are checked against. Default: the host name.
     */
    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public GovernedCredentials getGovernedCredentials() {
        return governedCredentials;
    }

    /**
     * The governed credentials service to use instead of opening the database from the database options.
     */
    public void setGovernedCredentials(GovernedCredentials governedCredentials) {
        this.governedCredentials = governedCredentials;
    }

    public CallerResolver getCallerResolver() {
        return callerResolver;
    }

    /**
     * Establishes the caller (roles, process, resource) of each request from trusted sources. Default: the route id,
     * the node name and the principals of the Subject in the CamelAuthentication header.
     */
    public void setCallerResolver(CallerResolver callerResolver) {
        this.callerResolver = callerResolver;
    }

    public Clock getClock() {
        return clock;
    }

    /**
     * The clock that decides expiry and stamps audit events, when the component builds its own governed credentials.
     * Default: the system clock (UTC).
     */
    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
