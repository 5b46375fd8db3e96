package io.camelksm.component;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.OAuthClientAuthenticationFactory;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.InetAddressUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.audit.AuditHealth;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.credential.CredentialName;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;

/**
 * The {@code ksm:} component: governed credentials for routes. When it starts it opens a {@link KsmRuntime} from its
 * options (camel-ksm's database, audit writer, secret store, governed credentials and token provider, unless they are
 * given) and closes it when it stops. The options live in configuration classes by concern: the endpoint defaults
 * ({@link KsmConfiguration}), the database, audit, caller, store, Keeper HSM and OAuth 2.0 client; each turns its
 * options into its part of the {@link KsmSettings} ({@link KsmComponentSettings}).
 */
@Component("ksm")
public class KsmComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(KsmComponent.class);

    @Metadata
    private KsmConfiguration configuration = new KsmConfiguration();
    @Metadata
    private KsmDatabaseConfiguration databaseConfiguration = new KsmDatabaseConfiguration();
    @Metadata
    private KsmAuditConfiguration auditConfiguration = new KsmAuditConfiguration();
    @Metadata
    private KsmCallerConfiguration callerConfiguration = new KsmCallerConfiguration();
    @Metadata
    private KsmStoreConfiguration storeConfiguration = new KsmStoreConfiguration();
    @Metadata
    private KsmKeeperHsmConfiguration keeperHsmConfiguration = new KsmKeeperHsmConfiguration();
    @Metadata
    private KsmSchemeHsmConfiguration schemeHsmConfiguration = new KsmSchemeHsmConfiguration();
    @Metadata
    private KsmOAuth2Configuration oauth2Configuration = new KsmOAuth2Configuration();

    @Metadata(label = "advanced", autowired = true)
    private GovernedCredentials governedCredentials;
    @Metadata(label = "advanced,security", autowired = true)
    private CallerResolver callerResolver;
    @Metadata(label = "oauth2,advanced", autowired = true)
    private OAuth2TokenProvider oauth2TokenProvider;
    @Metadata(label = "advanced")
    private Clock clock;

    /** The parts this component opened when it started (database, audit, store, token provider), closed when it stops. */
    private KsmRuntime runtime;
    /** Registered with Camel's health checks while the component runs, when health checks are on the class path. */
    private final KsmHealthChecks healthChecks = new KsmHealthChecks();
    /** Registers where the started routes use credentials while the component runs. */
    private volatile RouteReferences routeReferences;

    /**
     * Guards where bound credentials go ({@link KsmSendGuard}). Normally {@link KsmSendGuardPlugin} did it when the
     * context was built; if not, endpoints of routes made before this component may not be guarded: say so.
     */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (!KsmSendGuard.installedIn(getCamelContext())) {
            KsmSendGuard.install(getCamelContext());
            LOG.warn("camel-ksm guards where credentials bound to hosts (property sendTo) are sent from now on; endpoints"
                     + " of routes made before the ksm component may not be guarded (Camel did not load {})",
                     KsmSendGuardPlugin.class.getName());
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KsmConfiguration copy = configuration != null ? configuration.copy() : new KsmConfiguration();
        KsmEndpoint endpoint = new KsmEndpoint(uri, this, copy);
        copy.setCredentialName(remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /**
     * Fills in the defaults the options left open. At start, not at init: Camel Spring Boot's customizer initialises
     * the component before it copies the properties onto it, and autowiring only fills options that are still null.
     */
    private void applyDefaults() {
        String node = callerConfiguration.getNodeName();
        if (node == null || node.isBlank()) {
            callerConfiguration.setNodeName(defaultNodeName());
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
        if (callerResolver == null) {
            callerResolver = callerConfiguration.defaultCallerResolver();
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        applyDefaults();
        if (Boolean.TRUE.equals(getCamelContext().isLogMask())) {
            // the Authorization header we set must not show in traces when the user asked for masking
            MaskingExchangeFormatter.maskTracer(getCamelContext());
        }
        KsmSettings settings = runtimeSettings(); // checks the options before anything is opened
        runtime = KsmRuntime.open(settings);
        checkOAuthProfileProvider();
        healthChecks.register(getCamelContext(), this, runtime);
        routeReferences = RouteReferences.start(getCamelContext(), runtime.references());
    }

    @Override
    protected void doStop() throws Exception {
        healthChecks.unregister(getCamelContext());
        RouteReferences references = routeReferences;
        routeReferences = null;
        if (references != null) {
            references.stop(getCamelContext()); // the runtime's close marks stopped what is still registered
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
        return KsmComponentSettings.of(this);
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
        return host == null || host.isBlank() ? KsmSettings.FALLBACK_NODE_NAME : host;
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

    /** An endpoint served an exchange of the route: registers the use if the route's start did not (run-time names). */
    void routeUsed(KsmEndpoint endpoint, String routeId) {
        RouteReferences references = routeReferences;
        if (references != null) {
            references.used(endpoint, routeId);
        }
    }

    /** This node's name: the resource that access rights are checked against (the host name unless set). */
    public String getNodeName() {
        return callerConfiguration.getNodeName();
    }

    public KsmConfiguration getConfiguration() {
        return configuration;
    }

    /** The default options of every endpoint; each endpoint gets its own copy. */
    public void setConfiguration(KsmConfiguration configuration) {
        this.configuration = configuration;
    }

    public KsmDatabaseConfiguration getDatabaseConfiguration() {
        return databaseConfiguration;
    }

    /** The options of camel-ksm's database. */
    public void setDatabaseConfiguration(KsmDatabaseConfiguration databaseConfiguration) {
        this.databaseConfiguration = databaseConfiguration;
    }

    public KsmAuditConfiguration getAuditConfiguration() {
        return auditConfiguration;
    }

    /** The options of the audit writer and journal. */
    public void setAuditConfiguration(KsmAuditConfiguration auditConfiguration) {
        this.auditConfiguration = auditConfiguration;
    }

    public KsmCallerConfiguration getCallerConfiguration() {
        return callerConfiguration;
    }

    /** The options of the node name, the read cache, the default caller resolver and the expiry warnings. */
    public void setCallerConfiguration(KsmCallerConfiguration callerConfiguration) {
        this.callerConfiguration = callerConfiguration;
    }

    public KsmStoreConfiguration getStoreConfiguration() {
        return storeConfiguration;
    }

    /** The options of where the secret values live (database, Keeper or a store of your own). */
    public void setStoreConfiguration(KsmStoreConfiguration storeConfiguration) {
        this.storeConfiguration = storeConfiguration;
    }

    public KsmKeeperHsmConfiguration getKeeperHsmConfiguration() {
        return keeperHsmConfiguration;
    }

    /** The options of the HSM key of the Keeper client config (store=keeper). */
    public void setKeeperHsmConfiguration(KsmKeeperHsmConfiguration keeperHsmConfiguration) {
        this.keeperHsmConfiguration = keeperHsmConfiguration;
    }

    public KsmSchemeHsmConfiguration getSchemeHsmConfiguration() {
        return schemeHsmConfiguration;
    }

    /** The options of the HSM key that wraps the data keys of encryption schemes with key location HSM. */
    public void setSchemeHsmConfiguration(KsmSchemeHsmConfiguration schemeHsmConfiguration) {
        this.schemeHsmConfiguration = schemeHsmConfiguration;
    }

    public KsmOAuth2Configuration getOauth2Configuration() {
        return oauth2Configuration;
    }

    /** The options of the OAuth 2.0 token provider the component creates when none is given. */
    public void setOauth2Configuration(KsmOAuth2Configuration oauth2Configuration) {
        this.oauth2Configuration = oauth2Configuration;
    }

    public GovernedCredentials getGovernedCredentials() {
        KsmRuntime r = runtime;
        return r != null ? r.credentials() : governedCredentials;
    }

    /** Logs once per credential (per runtime) that it names no sendTo; {@code usedBy} says who uses it. */
    public void warnIfUnbound(String credentialName, String usedBy) {
        GovernedCredentials governed = getGovernedCredentials();
        if (governed != null) {
            governed.warnIfUnbound(CredentialName.of(credentialName), usedBy);
        }
    }

    /** The governed credentials service to use instead of opening the database from the database options. */
    public void setGovernedCredentials(GovernedCredentials governedCredentials) {
        this.governedCredentials = governedCredentials;
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
