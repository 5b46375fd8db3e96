package io.camelksm.crypto;

/**
 * A scheme whose key this node cannot open (its key file is missing, the HSM is not configured): it stands in the
 * registry so that the values it wrote fail with the reason, never with garbage or a generic "unknown scheme".
 */
public final class UnavailableScheme implements EncryptionScheme {

    private final String id;
    private final String algorithm;
    private final String reason;

    /** @param reason why the key is not here, e.g. "scheme 'x' needs its key file /k/x.key, which is missing ..." */
    public UnavailableScheme(String id, String algorithm, String reason) {
        this.id = EncryptedValue.checkSchemeId(id);
        this.algorithm = algorithm;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public boolean canEncrypt() {
        return false;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] aad) {
        throw new KsmCryptoException(reason);
    }

    @Override
    public byte[] decrypt(byte[] payload, byte[] aad) {
        throw new KsmCryptoException(reason);
    }

    @Override
    public void close() {
        // no key
    }
}
