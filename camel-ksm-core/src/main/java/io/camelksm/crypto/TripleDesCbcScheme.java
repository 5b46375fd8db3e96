package io.camelksm.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;

/**
 * Three-key Triple DES (DES-EDE3) in CBC mode with PKCS#5 padding, kept only to read values written by older systems
 * until they are re-encrypted with an AES scheme: it never encrypts. The payload is {@code IV(8) || ciphertext}, that
 * is the output of {@code openssl enc -des-ede3-cbc -K <key hex> -iv <iv hex>} with the IV put in front.
 * <p>
 * Legacy data carries no authentication tag, so the associated data (where a value is stored) is ignored and a wrong
 * key is noticed only when the padding happens not to match; re-encrypt these values soon.
 */
public final class TripleDesCbcScheme implements EncryptionScheme {

    public static final String ALGORITHM = "DESede/CBC/PKCS5Padding";
    public static final int KEY_BYTES = 24;
    static final int BLOCK_BYTES = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final WipeableKey key;

    /**
     * @param id  the scheme id stored with every value
     * @param key 24 key bytes (three DES keys, parity bits ignored); copied, so the caller wipes its own array
     */
    public TripleDesCbcScheme(String id, byte[] key) {
        this.id = EncryptedValue.checkSchemeId(id);
        SchemeKeyLength.check(id, key, KEY_BYTES, "3DES key");
        this.key = new WipeableKey("DESede", key);
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
    public boolean canEncrypt() {
        return false;
    }

    /** Always refused: 3DES is too weak for new values (64-bit blocks, no authentication). */
    @Override
    public byte[] encrypt(byte[] plaintext, byte[] aad) {
        throw new KsmCryptoException(SchemeAlgorithm.DES_EDE3_CBC.readOnlyMessage(id));
    }

    /**
     * Encrypts {@link KeyCheck}'s known value only, so that an imported legacy key is checked like any other (a wrong
     * key fails the check instead of decrypting legacy values to garbage).
     */
    byte[] encryptKeyCheck(byte[] known) {
        byte[] iv = new byte[BLOCK_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            byte[] ciphertext = cipher.doFinal(known);
            byte[] payload = Arrays.copyOf(iv, BLOCK_BYTES + ciphertext.length);
            System.arraycopy(ciphertext, 0, payload, BLOCK_BYTES, ciphertext.length);
            return payload;
        } catch (GeneralSecurityException e) {
            throw new KsmCryptoException("Encryption scheme '" + id + "' cannot make its key check: "
                                         + e.getMessage(), e);
        }
    }

    /** @param aad ignored: legacy values are not bound to where they are stored */
    @Override
    public byte[] decrypt(byte[] payload, byte[] aad) throws GeneralSecurityException {
        int ciphertextBytes = payload.length - BLOCK_BYTES;
        if (ciphertextBytes < BLOCK_BYTES || ciphertextBytes % BLOCK_BYTES != 0) {
            throw new IllegalBlockSizeException("payload of " + payload.length + " bytes is not a 3DES-CBC value");
        }
        Cipher cipher = Cipher.getInstance(ALGORITHM);
        cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(payload, 0, BLOCK_BYTES));
        return cipher.doFinal(payload, BLOCK_BYTES, ciphertextBytes);
    }

    @Override
    public void close() {
        key.destroy();
    }

    @Override
    public String toString() {
        return "TripleDesCbcScheme[" + id + "]";
    }
}
