package io.camelksm.crypto;

import java.security.GeneralSecurityException;

/**
 * One way of encrypting values at rest: an algorithm with one key, known by a stable id that is stored beside every
 * value it wrote. Because each value names its scheme, schemes can be added, retired and rotated (values re-encrypted
 * in batches) without migrating data.
 */
public interface EncryptionScheme extends AutoCloseable {

    /** The id stored with every value this scheme encrypted, e.g. {@code aes256-gcm-file-1}. */
    String id();

    /** The JCE transformation, e.g. {@code AES/GCM/NoPadding}. */
    String algorithm();

    /** False for legacy schemes kept only to read old values (they are re-encrypted with a current scheme). */
    default boolean canEncrypt() {
        return true;
    }

    /**
     * Encrypts and authenticates a value.
     *
     * @param plaintext the value; not modified, the caller wipes it
     * @param aad       associated data the value is bound to (where it is stored), authenticated but not encrypted
     * @return everything needed to decrypt besides the key and the associated data (IV, ciphertext, tag)
     */
    byte[] encrypt(byte[] plaintext, byte[] aad);

    /**
     * Decrypts a value written by {@link #encrypt}.
     *
     * @return the plaintext; the caller wipes it
     * @throws GeneralSecurityException if the key, the associated data or the stored bytes do not match (a different
     *                                  key, a tampered value or a value moved to another place)
     */
    byte[] decrypt(byte[] payload, byte[] aad) throws GeneralSecurityException;

    /** Wipes the key; the scheme cannot be used afterwards. */
    @Override
    void close();
}
