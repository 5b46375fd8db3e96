package io.camelksm.crypto;

import java.nio.file.Path;
import java.util.Objects;

import io.camelksm.credential.Secret;

/**
 * Where the HSM key that wraps scheme data keys lives: a JCE provider ({@code nCipherKM}, or {@code SunPKCS11} with
 * its configuration file), an optional key store file, the PIN and the key's alias. {@link #toString()} never shows
 * the PIN.
 *
 * @param provider      JCE provider name, e.g. {@code nCipherKM} or {@code SunPKCS11}
 * @param pkcs11Config  the SunPKCS11 configuration file, or null
 * @param keystoreFile  a key store file (nCipherKM), or null
 * @param pin           the PIN or pass phrase, or null
 * @param keyAlias      the alias of the non-extractable AES wrapping key
 */
public record HsmKeySettings(String provider, Path pkcs11Config, Path keystoreFile, Secret pin, String keyAlias) {

    public HsmKeySettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(keyAlias, "keyAlias");
    }

    @Override
    public String toString() {
        return "HsmKeySettings[provider=" + provider + ", pkcs11Config=" + pkcs11Config + ", keystoreFile="
               + keystoreFile + ", keyAlias=" + keyAlias + "]";
    }
}
