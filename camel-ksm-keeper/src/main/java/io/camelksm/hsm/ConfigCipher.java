package io.camelksm.hsm;

/**
 * The HSM operations the config storage needs, behind an interface of ours: authenticated encryption under a key
 * addressed by alias. {@link HsmConfigCiphers#open(HsmSettings)} gives the JCE implementation (nCipherKM, SunPKCS11
 * or a software PKCS#12 key). Implementations are thread-safe.
 */
public interface ConfigCipher extends AutoCloseable {

    /** The mechanism used for new writes. */
    ConfigMechanism mechanism();

    /** The alias of the encryption key; written in the file header so a file names the key it needs. */
    String keyAlias();

    /** Whether this cipher can decrypt data written with that mechanism (CBC mode also needs the HMAC key). */
    boolean supports(ConfigMechanism mechanism);

    /**
     * Encrypts with {@link #mechanism()} and a fresh random IV.
     *
     * @param aad authenticated but not encrypted (the file header)
     * @throws HsmException if the HSM fails
     */
    Sealed encrypt(byte[] plaintext, byte[] aad);

    /**
     * Decrypts and authenticates.
     *
     * @throws ConfigAuthenticationException if the data does not authenticate: wrong key, or changed bytes
     * @throws HsmException                  if the HSM fails or the mechanism is not supported
     */
    byte[] decrypt(ConfigMechanism mechanism, byte[] iv, byte[] ciphertext, byte[] aad);

    /** Where the key lives, for messages, e.g. {@code SunPKCS11-SoftHSM key 'ksm-config-key' (AES_256_GCM)}. */
    String description();

    /** Forgets the keys (destroys software key material where the provider allows it). */
    @Override
    void close();

    /** The output of one encryption. */
    record Sealed(byte[] iv, byte[] ciphertext) {
    }
}
