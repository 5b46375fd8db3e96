package io.camelksm.crypto;

/**
 * Opens an {@link HsmKeyWrapper}: a {@link java.util.ServiceLoader} service, so that the core needs no HSM code and
 * schemes with key location {@code HSM} work when camel-ksm-keeper is on the class path.
 */
public interface HsmKeyWrapperProvider {

    /**
     * Opens the wrapper for these settings (the same provider settings as the Keeper configuration's HSM).
     *
     * @throws KsmCryptoException naming the provider and key alias when the HSM or its key cannot be reached
     */
    HsmKeyWrapper open(HsmKeySettings settings);
}
