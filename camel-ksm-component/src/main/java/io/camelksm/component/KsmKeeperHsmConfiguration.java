package io.camelksm.component;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.camelksm.credential.Secret;
import io.camelksm.runtime.KeeperSettings;

/**
 * The component options of the HSM key that encrypts the Keeper client config (store=keeper): either these options or
 * a properties file (keeperHsmSettings), whose values the options override.
 */
@UriParams
public class KsmKeeperHsmConfiguration {

    @UriParam(label = "keeper")
    private String keeperHsmSettings;
    @UriParam(label = "keeper", secret = true)
    private String keeperHsmPin;
    @UriParam(label = "keeper", enums = "ncipher,pkcs11,pkcs12")
    private String keeperHsmProvider;
    @UriParam(label = "keeper")
    private String keeperHsmKeyAlias;
    @UriParam(label = "keeper")
    private String keeperHsmPkcs11Config;
    @UriParam(label = "keeper")
    private String keeperHsmKeystoreFile;
    @UriParam(label = "keeper,advanced")
    private String keeperHsmHmacKeyAlias;
    @UriParam(label = "keeper,advanced", enums = "auto,gcm,cbc-hmac")
    private String keeperHsmMechanism;

    /** The HSM options that are set (null where not). */
    KeeperSettings.Hsm toSettings() {
        return new KeeperSettings.Hsm(keeperHsmProvider, keeperHsmKeyAlias, keeperHsmPkcs11Config,
                keeperHsmKeystoreFile, keeperHsmHmacKeyAlias, keeperHsmMechanism);
    }

    /** The PIN as a secret, or null when none is set. */
    Secret pin() {
        return keeperHsmPin == null || keeperHsmPin.isEmpty() ? null : Secret.of(keeperHsmPin);
    }

    public String getKeeperHsmSettings() {
        return keeperHsmSettings;
    }

    /**
     * store=keeper: a properties file that names the HSM key of the client config: provider (ncipher, pkcs11 or
     * pkcs12), key-alias, and pkcs11-config, keystore-file, hmac-key-alias, mechanism as the provider needs. Not needed
     * when keeperHsmProvider and keeperHsmKeyAlias (and what the provider needs) are set; an option that is set
     * overrides the file's value.
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

    public String getKeeperHsmProvider() {
        return keeperHsmProvider;
    }

    /**
     * store=keeper: the kind of HSM that holds the key of the client config: ncipher (nShield), pkcs11 (any PKCS#11
     * token, through SunPKCS11) or pkcs12 (a software key store, for development). Overrides provider in
     * keeperHsmSettings.
     */
    public void setKeeperHsmProvider(String keeperHsmProvider) {
        this.keeperHsmProvider = keeperHsmProvider;
    }

    public String getKeeperHsmKeyAlias() {
        return keeperHsmKeyAlias;
    }

    /**
     * store=keeper: the alias (label) of the AES key that encrypts the client config. Overrides key-alias in
     * keeperHsmSettings.
     */
    public void setKeeperHsmKeyAlias(String keeperHsmKeyAlias) {
        this.keeperHsmKeyAlias = keeperHsmKeyAlias;
    }

    public String getKeeperHsmPkcs11Config() {
        return keeperHsmPkcs11Config;
    }

    /**
     * store=keeper with keeperHsmProvider=pkcs11: the SunPKCS11 config file of the token. Overrides pkcs11-config in
     * keeperHsmSettings.
     */
    public void setKeeperHsmPkcs11Config(String keeperHsmPkcs11Config) {
        this.keeperHsmPkcs11Config = keeperHsmPkcs11Config;
    }

    public String getKeeperHsmKeystoreFile() {
        return keeperHsmKeystoreFile;
    }

    /**
     * store=keeper: the key store file (required for pkcs12, optional for ncipher). Overrides keystore-file in
     * keeperHsmSettings.
     */
    public void setKeeperHsmKeystoreFile(String keeperHsmKeystoreFile) {
        this.keeperHsmKeystoreFile = keeperHsmKeystoreFile;
    }

    public String getKeeperHsmHmacKeyAlias() {
        return keeperHsmHmacKeyAlias;
    }

    /**
     * store=keeper: the alias of an HMAC-SHA256 key, needed for the CBC-HMAC mechanism. Overrides hmac-key-alias in
     * keeperHsmSettings.
     */
    public void setKeeperHsmHmacKeyAlias(String keeperHsmHmacKeyAlias) {
        this.keeperHsmHmacKeyAlias = keeperHsmHmacKeyAlias;
    }

    public String getKeeperHsmMechanism() {
        return keeperHsmMechanism;
    }

    /**
     * store=keeper: how the client config is encrypted: auto (AES-GCM where the HSM offers it, else CBC-HMAC), gcm
     * or cbc-hmac. Overrides mechanism in keeperHsmSettings.
     */
    public void setKeeperHsmMechanism(String keeperHsmMechanism) {
        this.keeperHsmMechanism = keeperHsmMechanism;
    }
}
