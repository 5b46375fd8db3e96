package io.camelksm.hsm;

import java.util.Locale;

import io.camelksm.crypto.HsmKeySettings;
import io.camelksm.crypto.HsmKeyWrapper;
import io.camelksm.crypto.HsmKeyWrapperProvider;
import io.camelksm.crypto.KsmCryptoException;

/**
 * The {@link HsmKeyWrapperProvider} of camel-ksm-keeper (registered in {@code META-INF/services}): opens the HSM key
 * that wraps the data keys of encryption schemes with key location {@code HSM}, through the same JCE provider
 * selection as the Keeper configuration's HSM ({@link HsmConfigCiphers}): {@code SunPKCS11} (or {@code pkcs11}) with
 * its configuration file, {@code nCipherKM} (or {@code ncipher}) with an optional key store file, and {@code pkcs12}
 * (a software key in a PKCS#12 file, for development only; logs a warning).
 */
public final class HsmSchemeKeyWrapperProvider implements HsmKeyWrapperProvider {

    @Override
    public HsmKeyWrapper open(HsmKeySettings settings) {
        HsmSettings hsm = hsmSettings(settings);
        try {
            // GCM only: the scheme settings name one key, and the CBC + HMAC mode needs a second
            return new HsmSchemeKeyWrapper(HsmConfigCiphers.open(hsm.withMechanism(ConfigMechanism.AES_256_GCM)));
        } catch (HsmException e) {
            throw new KsmCryptoException("cannot open the HSM key '" + settings.keyAlias() + "' of provider "
                                         + settings.provider() + " for encryption schemes: " + e.getMessage(), e);
        }
    }

    /** Maps the scheme's HSM settings onto the hsm package's, by provider name. */
    static HsmSettings hsmSettings(HsmKeySettings settings) {
        String provider = settings.provider().trim().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "sunpkcs11", "pkcs11" -> {
                if (settings.pkcs11Config() == null) {
                    throw new KsmCryptoException("HSM provider " + settings.provider()
                                                 + " needs the SunPKCS11 config file (schemeHsmPkcs11Config)");
                }
                yield HsmSettings.pkcs11(settings.pkcs11Config(), settings.pin(), settings.keyAlias());
            }
            case "ncipherkm", "ncipher" -> HsmSettings.nCipher(settings.keystoreFile(), settings.pin(),
                    settings.keyAlias());
            case "pkcs12" -> {
                if (settings.keystoreFile() == null) {
                    throw new KsmCryptoException("HSM provider pkcs12 needs the key store file"
                                                 + " (schemeHsmKeystoreFile)");
                }
                yield HsmSettings.softwarePkcs12(settings.keystoreFile(), settings.pin(), settings.keyAlias());
            }
            default -> throw new KsmCryptoException("unknown HSM provider '" + settings.provider()
                                                    + "' for encryption schemes: use SunPKCS11, nCipherKM or pkcs12");
        };
    }
}
