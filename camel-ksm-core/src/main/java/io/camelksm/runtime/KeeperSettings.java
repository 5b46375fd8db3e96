package io.camelksm.runtime;

import io.camelksm.credential.Secret;

/**
 * What {@code store=keeper} needs: the HSM-encrypted Keeper client config, the HSM key that opens it, and the mapping of
 * credential names to Keeper records. The values are checked by the Keeper module when the store is prepared, with the
 * option's name in the error. {@code toString()} never shows the PIN.
 *
 * @param configFile      the HSM-encrypted Keeper client config file (option keeperConfigFile)
 * @param hsmSettingsFile the properties file that names the HSM key (option keeperHsmSettings)
 * @param hsmPin          the PIN, passphrase or key store password of the HSM key; may be null (option keeperHsmPin)
 * @param mappingFile     the properties file mapping credential names to Keeper records (option keeperMappingFile)
 * @param clientFactory   makes the Keeper client (a {@code io.camelksm.store.keeper.KeeperClientFactory}); null for
 *                        Keeper's SDK over HTTPS. Typed {@code Object} so the core needs no Keeper class.
 */
public record KeeperSettings(String configFile, String hsmSettingsFile, Secret hsmPin, String mappingFile,
                             Object clientFactory) {

    /** No Keeper options set. */
    public static KeeperSettings none() {
        return new KeeperSettings(null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "KeeperSettings[configFile=" + configFile + ", hsmSettingsFile=" + hsmSettingsFile + ", hsmPin="
               + (hsmPin == null ? "none" : "***") + ", mappingFile=" + mappingFile + "]";
    }
}
