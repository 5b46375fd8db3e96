package io.camelksm.springboot;

import io.camelksm.component.KsmStoreConfiguration;
import io.camelksm.credential.CredentialStore;
import io.camelksm.runtime.StoreKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the secret values live (the database, Keeper or a store of the application) and the Keeper store's own
 * options, as the component keeps them in {@link KsmStoreConfiguration}. One of the classes that bind the flat
 * {@code camel.component.ksm} prefix, one per option group of the component (see {@link KsmComponentConfiguration}).
 */
@ConfigurationProperties(prefix = "camel.component.ksm")
public class KsmStoreProperties {

    /**
     * The options of where the secret values live (database, Keeper or a store of
     * your own). The option is a io.camelksm.component.KsmStoreConfiguration type.
     */
    private KsmStoreConfiguration storeConfiguration;
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
     * store=keeper: how long Keeper is left alone after a throttling answer that
     * names no retry_after (overrides keeper.throttle.backoff of the mapping file;
     * default: 1m).
     */
    private String keeperThrottleBackoff;
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

    public KsmStoreConfiguration getStoreConfiguration() {
        return storeConfiguration;
    }

    public void setStoreConfiguration(KsmStoreConfiguration storeConfiguration) {
        this.storeConfiguration = storeConfiguration;
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

    public String getKeeperThrottleBackoff() {
        return keeperThrottleBackoff;
    }

    public void setKeeperThrottleBackoff(String keeperThrottleBackoff) {
        this.keeperThrottleBackoff = keeperThrottleBackoff;
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
