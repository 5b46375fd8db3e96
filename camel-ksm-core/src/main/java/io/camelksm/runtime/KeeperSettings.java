package io.camelksm.runtime;

import io.camelksm.credential.Secret;

/**
 * What {@code store=keeper} needs: the HSM-encrypted Keeper client config, the HSM key that opens it, and the mapping of
 * credential names to Keeper records. The values are checked by the Keeper module when the store is prepared, with the
 * option's name in the error. {@code toString()} never shows the PIN.
 * <p>
 * The HSM key and the store's cache may be named by options ({@link Hsm}, {@link Cache}) or by the properties files
 * ({@code hsmSettingsFile}, {@code mappingFile}); an option that is set overrides the file's value.
 *
 * @param configFile      the HSM-encrypted Keeper client config file (option keeperConfigFile)
 * @param hsmSettingsFile the properties file that names the HSM key, or null when the HSM options say it all (option
 *                        keeperHsmSettings)
 * @param hsmPin          the PIN, passphrase or key store password of the HSM key; may be null (option keeperHsmPin)
 * @param mappingFile     the properties file mapping credential names to Keeper records (option keeperMappingFile)
 * @param clientFactory   makes the Keeper client (a {@code io.camelksm.store.keeper.KeeperClientFactory}); null for
 *                        Keeper's SDK over HTTPS. Typed {@code Object} so the core needs no Keeper class.
 * @param hsm             the HSM key options (keeperHsm*); never null
 * @param cache           the Keeper store's cache options (keeperCache*, keeper*Backoff, keeperPasswordUpdates); never
 *                        null
 */
public record KeeperSettings(String configFile, String hsmSettingsFile, Secret hsmPin, String mappingFile,
                             Object clientFactory, Hsm hsm, Cache cache) {

    public KeeperSettings {
        hsm = hsm != null ? hsm : Hsm.none();
        cache = cache != null ? cache : Cache.none();
    }

    /** Settings from the files only. */
    public KeeperSettings(String configFile, String hsmSettingsFile, Secret hsmPin, String mappingFile,
                          Object clientFactory) {
        this(configFile, hsmSettingsFile, hsmPin, mappingFile, clientFactory, Hsm.none(), Cache.none());
    }

    /** No Keeper options set. */
    public static KeeperSettings none() {
        return new KeeperSettings(null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "KeeperSettings[configFile=" + configFile + ", hsmSettingsFile=" + hsmSettingsFile + ", hsmPin="
               + (hsmPin == null ? "none" : "***") + ", mappingFile=" + mappingFile + ", " + hsm + ", " + cache + "]";
    }

    /**
     * The HSM key that opens the client config, as options; null where not set. Plain texts: the Keeper module parses
     * and checks them (its {@code HsmSettings}), naming the option.
     *
     * @param provider     ncipher, pkcs11 or pkcs12 (option keeperHsmProvider)
     * @param keyAlias     the AES key's alias (option keeperHsmKeyAlias)
     * @param pkcs11Config the SunPKCS11 config file (pkcs11; option keeperHsmPkcs11Config)
     * @param keystoreFile the key store file (pkcs12; optional for ncipher; option keeperHsmKeystoreFile)
     * @param hmacKeyAlias the HMAC-SHA256 key's alias for CBC + HMAC (option keeperHsmHmacKeyAlias)
     * @param mechanism    auto, gcm or cbc-hmac (option keeperHsmMechanism)
     */
    public record Hsm(String provider, String keyAlias, String pkcs11Config, String keystoreFile, String hmacKeyAlias,
                      String mechanism) {

        public static Hsm none() {
            return new Hsm(null, null, null, null, null, null);
        }

        @Override
        public String toString() {
            return "hsm[provider=" + provider + ", keyAlias=" + keyAlias + ", pkcs11Config=" + pkcs11Config
                   + ", keystoreFile=" + keystoreFile + ", hmacKeyAlias=" + hmacKeyAlias + ", mechanism=" + mechanism
                   + "]";
        }
    }

    /**
     * The Keeper store's cache and back-off, as options; null where not set (then the mapping file's value, else the
     * store's default). Durations as the mapping file writes them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}.
     *
     * @param ttl             option keeperCacheTtl (file: keeper.cache.ttl)
     * @param maxStale        option keeperCacheMaxStale (file: keeper.cache.max-stale)
     * @param throttleBackoff option keeperThrottleBackoff (file: keeper.throttle.backoff)
     * @param failureBackoff  option keeperFailureBackoff (file: keeper.failure.backoff)
     * @param passwordUpdates option keeperPasswordUpdates (file: keeper.password-updates): true or false
     */
    public record Cache(String ttl, String maxStale, String throttleBackoff, String failureBackoff,
                        String passwordUpdates) {

        public static Cache none() {
            return new Cache(null, null, null, null, null);
        }

        @Override
        public String toString() {
            return "cache[ttl=" + ttl + ", maxStale=" + maxStale + ", throttleBackoff=" + throttleBackoff
                   + ", failureBackoff=" + failureBackoff + ", passwordUpdates=" + passwordUpdates + "]";
        }
    }
}
