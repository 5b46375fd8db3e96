package io.camelksm.crypto;

/**
 * Wraps and unwraps an encryption scheme's data key with a key that never leaves a hardware security module (key
 * location {@code HSM}): the database holds only the wrapped data key, the HSM unwraps it once per process. Implemented
 * outside the core (camel-ksm-keeper's {@code hsm} package: nShield {@code nCipherKM}, any PKCS#11 HSM through
 * SunPKCS11, SoftHSM2 in tests) and found through {@link HsmKeyWrapperProvider}.
 */
public interface HsmKeyWrapper extends AutoCloseable {

    /**
     * The wrapped form of a data key, to store in the database.
     *
     * @param dataKey the key; not modified, the caller wipes it
     */
    byte[] wrap(byte[] dataKey);

    /**
     * The data key of a wrapped form.
     *
     * @return the key; the caller wipes it
     * @throws KsmCryptoException naming the HSM key, never key bytes, when the HSM cannot unwrap it
     */
    byte[] unwrap(byte[] wrapped);

    /** What the wrapping key is, for messages: e.g. {@code SunPKCS11-SoftHSM key 'ksm-scheme-wrap'}. */
    String describe();

    /** Releases the HSM session. */
    @Override
    void close();
}
