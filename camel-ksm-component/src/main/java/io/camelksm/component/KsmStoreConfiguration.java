package io.camelksm.component;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.camelksm.credential.CredentialStore;
import io.camelksm.runtime.KeeperSettings;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.runtime.StoreKind;

/**
 * The component options of where the secret values live: camel-ksm's database, Keeper Secrets Manager (with the
 * Keeper store's files and cache) or a store of the application's own. Access rights and the audit trail always stay
 * in camel-ksm's database. The HSM key of the Keeper client config is {@link KsmKeeperHsmConfiguration}'s.
 */
@UriParams
public class KsmStoreConfiguration {

    @UriParam(label = "store", enums = "database,keeper", defaultValue = KsmSettings.DEFAULT_STORE_OPTION)
    private StoreKind store = KsmSettings.DEFAULT_STORE;
    @UriParam(label = "store,advanced")
    private CredentialStore credentialStore;
    @UriParam(label = "keeper")
    private String keeperConfigFile;
    @UriParam(label = "keeper")
    private String keeperMappingFile;
    @UriParam(label = "keeper,advanced")
    private Object keeperClientFactory;
    @UriParam(label = "keeper")
    private String keeperCacheTtl;
    @UriParam(label = "keeper")
    private String keeperCacheMaxStale;
    @UriParam(label = "keeper,advanced")
    private String keeperThrottleBackoff;
    @UriParam(label = "keeper,advanced")
    private String keeperFailureBackoff;
    @UriParam(label = "keeper")
    private String keeperPasswordUpdates;

    /** What store=keeper needs, from these options and the HSM options. */
    public KeeperSettings keeperSettings(KsmKeeperHsmConfiguration hsm) {
        return new KeeperSettings(keeperConfigFile, hsm.getKeeperHsmSettings(), hsm.pin(), keeperMappingFile,
                keeperClientFactory, hsm.toSettings(), new KeeperSettings.Cache(keeperCacheTtl, keeperCacheMaxStale,
                        keeperThrottleBackoff, keeperFailureBackoff, keeperPasswordUpdates));
    }

    public StoreKind getStore() {
        return store;
    }

    /**
     * Where the secret values live: database (camel-ksm's own encrypted store, the default) or keeper (Keeper Secrets
     * Manager, configured by the keeper options). Access rights and the audit trail are always in camel-ksm's
     * database.
     */
    public void setStore(StoreKind store) {
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

    public String getKeeperMappingFile() {
        return keeperMappingFile;
    }

    /**
     * store=keeper: a properties file that maps credential names to Keeper records,
     * keeper.credentials.NAME=RECORD-UID (or keeper://UID/field/password notation), with optional .type per
     * credential, keeper.cache.ttl, keeper.cache.max-stale, keeper.throttle.backoff, keeper.failure.backoff and
     * keeper.password-updates (the options keeperCacheTtl, keeperCacheMaxStale, keeperThrottleBackoff,
     * keeperFailureBackoff and keeperPasswordUpdates override these).
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

    public String getKeeperCacheTtl() {
        return keeperCacheTtl;
    }

    /**
     * store=keeper: how long fetched Keeper records are served without asking Keeper again, e.g. 5m, 30s or PT5M
     * (overrides keeper.cache.ttl of the mapping file; default: 5m).
     */
    public void setKeeperCacheTtl(String keeperCacheTtl) {
        this.keeperCacheTtl = keeperCacheTtl;
    }

    public String getKeeperCacheMaxStale() {
        return keeperCacheMaxStale;
    }

    /**
     * store=keeper: the oldest cached records may get while Keeper fails or throttles; after that a failure is an
     * error (overrides keeper.cache.max-stale of the mapping file; default: 24h).
     */
    public void setKeeperCacheMaxStale(String keeperCacheMaxStale) {
        this.keeperCacheMaxStale = keeperCacheMaxStale;
    }

    public String getKeeperThrottleBackoff() {
        return keeperThrottleBackoff;
    }

    /**
     * store=keeper: how long Keeper is left alone after a throttling answer that names no retry_after (overrides
     * keeper.throttle.backoff of the mapping file; default: 1m).
     */
    public void setKeeperThrottleBackoff(String keeperThrottleBackoff) {
        this.keeperThrottleBackoff = keeperThrottleBackoff;
    }

    public String getKeeperFailureBackoff() {
        return keeperFailureBackoff;
    }

    /**
     * store=keeper: how long Keeper is left alone after any other failed fetch (overrides keeper.failure.backoff of
     * the mapping file; default: 10s).
     */
    public void setKeeperFailureBackoff(String keeperFailureBackoff) {
        this.keeperFailureBackoff = keeperFailureBackoff;
    }

    public String getKeeperPasswordUpdates() {
        return keeperPasswordUpdates;
    }

    /**
     * store=keeper: true or false, whether a write may change the password of a Keeper record (overrides
     * keeper.password-updates of the mapping file; default: false). Records are never created or deleted in Keeper.
     */
    public void setKeeperPasswordUpdates(String keeperPasswordUpdates) {
        this.keeperPasswordUpdates = keeperPasswordUpdates;
    }
}
