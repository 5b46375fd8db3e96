package io.camelksm.springboot;

import io.camelksm.component.KsmKeeperHsmConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HSM key that encrypts the Keeper client config (store=keeper), as the component keeps it in
 * {@link KsmKeeperHsmConfiguration}. One of the classes that bind the flat {@code camel.component.ksm} prefix, one per
 * option group of the component (see {@link KsmComponentConfiguration}).
 */
@ConfigurationProperties(prefix = "camel.component.ksm")
public class KsmKeeperHsmProperties {

    /**
     * The options of the HSM key of the Keeper client config (store=keeper). The
     * option is a io.camelksm.component.KsmKeeperHsmConfiguration type.
     */
    private KsmKeeperHsmConfiguration keeperHsmConfiguration;
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

    public KsmKeeperHsmConfiguration getKeeperHsmConfiguration() {
        return keeperHsmConfiguration;
    }

    public void setKeeperHsmConfiguration(KsmKeeperHsmConfiguration keeperHsmConfiguration) {
        this.keeperHsmConfiguration = keeperHsmConfiguration;
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
}
