package io.camelksm.component;

import java.nio.file.Path;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.camelksm.credential.Secret;
import io.camelksm.crypto.HsmKeySettings;

/**
 * The component options of the HSM key that wraps the data keys of encryption schemes with key location HSM (the
 * database holds only the wrapped data key; the HSM unwraps it once when the component starts). Needs
 * camel-ksm-keeper on the class path, which implements the HSM side.
 */
@UriParams
public class KsmSchemeHsmConfiguration {

    @UriParam(label = "security", enums = "ncipher,pkcs11,pkcs12")
    private String schemeHsmProvider;
    @UriParam(label = "security")
    private String schemeHsmKeyAlias;
    @UriParam(label = "security")
    private String schemeHsmPkcs11Config;
    @UriParam(label = "security")
    private String schemeHsmKeystoreFile;
    @UriParam(label = "security", secret = true)
    private String schemeHsmPin;

    /**
     * The HSM key settings, or null when neither schemeHsmProvider nor schemeHsmKeyAlias is set.
     *
     * @throws IllegalArgumentException when only one of the two is set
     */
    HsmKeySettings toSettings() {
        boolean noProvider = blank(schemeHsmProvider);
        boolean noAlias = blank(schemeHsmKeyAlias);
        if (noProvider && noAlias) {
            return null;
        }
        if (noProvider || noAlias) {
            throw new IllegalArgumentException("Set both schemeHsmProvider and schemeHsmKeyAlias for encryption"
                                               + " schemes with key location HSM (only "
                                               + (noProvider ? "schemeHsmKeyAlias" : "schemeHsmProvider")
                                               + " is set)");
        }
        return new HsmKeySettings(schemeHsmProvider.strip(), path(schemeHsmPkcs11Config),
                path(schemeHsmKeystoreFile), blank(schemeHsmPin) ? null : Secret.of(schemeHsmPin),
                schemeHsmKeyAlias.strip());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Path path(String value) {
        return blank(value) ? null : Path.of(value.strip());
    }

    public String getSchemeHsmProvider() {
        return schemeHsmProvider;
    }

    /**
     * The kind of HSM that holds the key wrapping the data keys of encryption schemes with key location HSM: ncipher
     * (nShield, nCipherKM), pkcs11 (any PKCS#11 token, through SunPKCS11) or pkcs12 (a software key store, for
     * development only). Needs camel-ksm-keeper on the class path.
     */
    public void setSchemeHsmProvider(String schemeHsmProvider) {
        this.schemeHsmProvider = schemeHsmProvider;
    }

    public String getSchemeHsmKeyAlias() {
        return schemeHsmKeyAlias;
    }

    /** The alias (label) of the non-extractable AES-256 key in the HSM that wraps the schemes' data keys. */
    public void setSchemeHsmKeyAlias(String schemeHsmKeyAlias) {
        this.schemeHsmKeyAlias = schemeHsmKeyAlias;
    }

    public String getSchemeHsmPkcs11Config() {
        return schemeHsmPkcs11Config;
    }

    /** With schemeHsmProvider=pkcs11: the SunPKCS11 config file of the token. */
    public void setSchemeHsmPkcs11Config(String schemeHsmPkcs11Config) {
        this.schemeHsmPkcs11Config = schemeHsmPkcs11Config;
    }

    public String getSchemeHsmKeystoreFile() {
        return schemeHsmKeystoreFile;
    }

    /** The key store file of the scheme HSM key (required for pkcs12, optional for ncipher). */
    public void setSchemeHsmKeystoreFile(String schemeHsmKeystoreFile) {
        this.schemeHsmKeystoreFile = schemeHsmKeystoreFile;
    }

    public String getSchemeHsmPin() {
        return schemeHsmPin;
    }

    /**
     * The PIN, passphrase or key store password of the scheme HSM key. Keep it out of configuration files: use a
     * placeholder such as {{env:KSM_SCHEME_HSM_PIN}}.
     */
    public void setSchemeHsmPin(String schemeHsmPin) {
        this.schemeHsmPin = schemeHsmPin;
    }
}
