package io.camelksm.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES-256 in CBC mode with PKCS#5 padding, authenticated by HMAC-SHA-256 (encrypt-then-MAC). The 64-byte key is two
 * independent keys: the first 32 bytes encrypt, the last 32 authenticate. The payload is {@code IV(16) || ciphertext
 * || tag(32)}; the tag covers {@code length(AAD) as 8 bytes big-endian || AAD || IV || ciphertext}, so neither the
 * value nor where it is stored can be changed unnoticed, and it is checked in constant time before anything is
 * decrypted (no padding oracle).
 */
public final class AesCbcHmacScheme implements EncryptionScheme {

    public static final String ALGORITHM = "AES/CBC/PKCS5Padding+HmacSHA256";
    public static final int KEY_BYTES = 64;
    static final int HALF_KEY_BYTES = 32;
    static final int IV_BYTES = 16;
    static final int TAG_BYTES = 32;
    private static final String CIPHER = "AES/CBC/PKCS5Padding";
    private static final String MAC = "HmacSHA256";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final WipeableKey encryptionKey;
    private final WipeableKey macKey;

    /**
     * @param id  the scheme id stored with every value
     * @param key 64 key bytes (32 to encrypt, then 32 to authenticate); copied, so the caller wipes its own array
     */
    public AesCbcHmacScheme(String id, byte[] key) {
        this.id = EncryptedValue.checkSchemeId(id);
        SchemeKeyLength.check(id, key, KEY_BYTES, "key (256 bits AES + 256 bits HMAC)");
        this.encryptionKey = new WipeableKey("AES", key, 0, HALF_KEY_BYTES);
        this.macKey = new WipeableKey(MAC, key, HALF_KEY_BYTES, HALF_KEY_BYTES);
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
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] ciphertext = null;
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new IvParameterSpec(iv));
            ciphertext = cipher.doFinal(plaintext);
            byte[] tag = tag(aad, iv, ciphertext, 0, ciphertext.length);
            return ByteBuffer.allocate(IV_BYTES + ciphertext.length + TAG_BYTES)
                    .put(iv).put(ciphertext).put(tag).array();
        } catch (GeneralSecurityException e) {
            throw new KsmCryptoException("Encryption scheme '" + id + "' cannot encrypt: " + e.getMessage(), e);
        } finally {
            if (ciphertext != null) {
                Arrays.fill(ciphertext, (byte) 0);
            }
        }
    }

    @Override
    public byte[] decrypt(byte[] payload, byte[] aad) throws GeneralSecurityException {
        int ciphertextBytes = payload.length - IV_BYTES - TAG_BYTES;
        if (ciphertextBytes < IV_BYTES || ciphertextBytes % IV_BYTES != 0) {
            throw new AEADBadTagException("payload of " + payload.length
                                          + " bytes is not an AES-CBC-HMAC-SHA256 value");
        }
        byte[] iv = Arrays.copyOfRange(payload, 0, IV_BYTES);
        byte[] expected = tag(aad, iv, payload, IV_BYTES, ciphertextBytes);
        byte[] actual = Arrays.copyOfRange(payload, IV_BYTES + ciphertextBytes, payload.length);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new AEADBadTagException("HMAC-SHA256 tag mismatch");
        }
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new IvParameterSpec(iv));
        return cipher.doFinal(payload, IV_BYTES, ciphertextBytes);
    }

    private byte[] tag(byte[] aad, byte[] iv, byte[] source, int offset, int length)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance(MAC);
        mac.init(macKey);
        mac.update(ByteBuffer.allocate(Long.BYTES).putLong(aad.length).array());
        mac.update(aad);
        mac.update(iv);
        mac.update(source, offset, length);
        return mac.doFinal();
    }

    @Override
    public void close() {
        encryptionKey.destroy();
        macKey.destroy();
    }

    @Override
    public String toString() {
        return "AesCbcHmacScheme[" + id + "]";
    }
}
