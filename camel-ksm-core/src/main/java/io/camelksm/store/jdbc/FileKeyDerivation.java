package io.camelksm.store.jdbc;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.camelksm.crypto.KsmCryptoException;

/**
 * Keys derived from the key file's key with HKDF-SHA256 (RFC 5869), one 32-byte block, each under a label of its own:
 * never stored, different from the encryption key and from each other, and the same on every node holding the key
 * file.
 */
final class FileKeyDerivation {

    private static final String HMAC = "HmacSHA256";

    private FileKeyDerivation() {
    }

    /** HKDF-Extract with {@code salt}, then HKDF-Expand to 32 bytes with {@code info}; the caller wipes both keys. */
    static byte[] derive(byte[] fileKey, byte[] salt, byte[] info) {
        byte[] prk = hmac(salt, fileKey);
        try {
            byte[] block = Arrays.copyOf(info, info.length + 1);
            block[info.length] = 1;
            return hmac(prk, block);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new KsmCryptoException("HMAC-SHA256 is not available to derive keys: " + e.getMessage(), e);
        }
    }
}
