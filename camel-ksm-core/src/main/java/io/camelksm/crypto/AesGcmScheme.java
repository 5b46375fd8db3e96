package io.camelksm.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256 in GCM mode: a fresh random 96-bit IV per value and a 128-bit tag. The payload is {@code IV || ciphertext ||
 * tag}. Random IVs keep a key safe for about 2^32 values (NIST SP 800-38D); rotate to a new scheme long before that.
 */
public final class AesGcmScheme implements EncryptionScheme {

    public static final String ALGORITHM = "AES/GCM/NoPadding";
    public static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final WipeableKey key;

    /**
     * @param id  the scheme id stored with every value
     * @param key 32 key bytes; copied, so the caller wipes its own array
     */
    public AesGcmScheme(String id, byte[] key) {
        this.id = EncryptedValue.checkSchemeId(id);
        SchemeKeyLength.check(id, key, KEY_BYTES, "AES key");
        this.key = new WipeableKey("AES", key);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] aad) {
        byte[] out = new byte[IV_BYTES + plaintext.length + TAG_BYTES];
        RANDOM.nextBytes(out); // the first IV_BYTES are the IV; the rest is overwritten below
        try {
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, out, 0, IV_BYTES));
            cipher.updateAAD(aad);
            int written = cipher.doFinal(plaintext, 0, plaintext.length, out, IV_BYTES);
            if (written != plaintext.length + TAG_BYTES) {
                throw new IllegalStateException("AES-GCM wrote " + written + " bytes");
            }
            return out;
        } catch (GeneralSecurityException e) {
            Arrays.fill(out, (byte) 0);
            throw new KsmCryptoException("Encryption scheme '" + id + "' cannot encrypt: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decrypt(byte[] payload, byte[] aad) throws GeneralSecurityException {
        if (payload.length < IV_BYTES + TAG_BYTES) {
            throw new AEADBadTagException("payload of " + payload.length + " bytes is too short for AES-GCM");
        }
        Cipher cipher = Cipher.getInstance(ALGORITHM);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, payload, 0, IV_BYTES));
        cipher.updateAAD(aad);
        return cipher.doFinal(payload, IV_BYTES, payload.length - IV_BYTES);
    }

    @Override
    public void close() {
        key.destroy();
    }

    @Override
    public String toString() {
        return "AesGcmScheme[" + id + "]";
    }
}
