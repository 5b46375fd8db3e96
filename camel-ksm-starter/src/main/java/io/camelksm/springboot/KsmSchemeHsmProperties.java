package io.camelksm.springboot;

import io.camelksm.component.KsmSchemeHsmConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HSM key that wraps the data keys of encryption schemes with key location HSM, as the component keeps it in
 * {@link KsmSchemeHsmConfiguration}. One of the classes that bind the flat {@code camel.component.ksm} prefix, one
 * per option group of the component (see {@link KsmComponentConfiguration}).
 */
@ConfigurationProperties(prefix = "camel.component.ksm")
public class KsmSchemeHsmProperties {

    /**
     * The options of the HSM key that wraps the data keys of encryption schemes
     * with key location HSM. The option is a
     * io.camelksm.component.KsmSchemeHsmConfiguration type.
     */
    private KsmSchemeHsmConfiguration schemeHsmConfiguration;
    /**
     * The alias (label) of the non-extractable AES-256 key in the HSM that wraps
     * the schemes' data keys.
     */
    private String schemeHsmKeyAlias;
    /**
     * The key store file of the scheme HSM key (required for pkcs12, optional for
     * ncipher).
     */
    private String schemeHsmKeystoreFile;
    /**
     * The PIN, passphrase or key store password of the scheme HSM key. Keep it out
     * of configuration files: use a placeholder such as {{env:KSM_SCHEME_HSM_PIN}}.
     */
    private String schemeHsmPin;
    /**
     * With schemeHsmProvider=pkcs11: the SunPKCS11 config file of the token.
     */
    private String schemeHsmPkcs11Config;
    /**
     * The kind of HSM that holds the key wrapping the data keys of encryption
     * schemes with key location HSM: ncipher (nShield, nCipherKM), pkcs11 (any
     * PKCS#11 token, through SunPKCS11) or pkcs12 (a software key store, for
     * development only). Needs camel-ksm-keeper on the class path.
     */
    private String schemeHsmProvider;

    public KsmSchemeHsmConfiguration getSchemeHsmConfiguration() {
        return schemeHsmConfiguration;
    }

    public void setSchemeHsmConfiguration(KsmSchemeHsmConfiguration schemeHsmConfiguration) {
        this.schemeHsmConfiguration = schemeHsmConfiguration;
    }

    public String getSchemeHsmKeyAlias() {
        return schemeHsmKeyAlias;
    }

    public void setSchemeHsmKeyAlias(String schemeHsmKeyAlias) {
        this.schemeHsmKeyAlias = schemeHsmKeyAlias;
    }

    public String getSchemeHsmKeystoreFile() {
        return schemeHsmKeystoreFile;
    }

    public void setSchemeHsmKeystoreFile(String schemeHsmKeystoreFile) {
        this.schemeHsmKeystoreFile = schemeHsmKeystoreFile;
    }

    public String getSchemeHsmPin() {
        return schemeHsmPin;
    }

    public void setSchemeHsmPin(String schemeHsmPin) {
        this.schemeHsmPin = schemeHsmPin;
    }

    public String getSchemeHsmPkcs11Config() {
        return schemeHsmPkcs11Config;
    }

    public void setSchemeHsmPkcs11Config(String schemeHsmPkcs11Config) {
        this.schemeHsmPkcs11Config = schemeHsmPkcs11Config;
    }

    public String getSchemeHsmProvider() {
        return schemeHsmProvider;
    }

    public void setSchemeHsmProvider(String schemeHsmProvider) {
        this.schemeHsmProvider = schemeHsmProvider;
    }
}
