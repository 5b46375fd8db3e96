package io.camelksm.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The algorithms an encryption scheme can use. (Placeholder on branch schemes-store with AES-256-GCM only; branch
 * schemes-algorithms brings the full enum with the same methods.)
 */
public enum SchemeAlgorithm {

    AES_256_GCM("AES-256-GCM", AesGcmScheme.KEY_BYTES);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String displayName;
    private final int keyBytes;

    SchemeAlgorithm(String displayName, int keyBytes) {
        this.displayName = displayName;
        this.keyBytes = keyBytes;
    }

    public String displayName() {
        return displayName;
    }

    public int keyBytes() {
        return keyBytes;
    }

    public boolean canEncrypt() {
        return true;
    }

    /** The algorithm of a name, case-insensitive; the error lists the names. */
    public static SchemeAlgorithm of(String name) {
        for (SchemeAlgorithm a : values()) {
            if (a.displayName.equalsIgnoreCase(name == null ? "" : name.trim())
                || a.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return a;
            }
        }
        throw new KsmCryptoException("Unknown encryption algorithm '" + name + "'; known: "
                                     + Arrays.stream(values()).map(SchemeAlgorithm::displayName)
                                             .collect(Collectors.joining(", ")));
    }

    /** A scheme of this algorithm; the key is copied, the caller wipes its array. */
    public EncryptionScheme open(String schemeId, byte[] key) {
        return new AesGcmScheme(schemeId, key);
    }

    /** A new random key of {@link #keyBytes()}; the caller wipes it. */
    public byte[] generateKey() {
        byte[] key = new byte[keyBytes];
        RANDOM.nextBytes(key);
        return key;
    }

    @Override
    public String toString() {
        return displayName.toUpperCase(Locale.ROOT);
    }
}
