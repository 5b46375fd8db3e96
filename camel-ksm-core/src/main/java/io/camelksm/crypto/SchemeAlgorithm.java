package io.camelksm.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The algorithms an encryption scheme can use, by the names operators type ({@code --algorithm AES-256-GCM}) and the
 * database stores. AES-256-GCM is the default; AES-256-CBC-HMAC-SHA256 is for platforms that mandate CBC; 3DES-CBC
 * only reads legacy values.
 */
public enum SchemeAlgorithm {

    AES_256_GCM("AES-256-GCM", AesGcmScheme.KEY_BYTES, AesGcmScheme.ALGORITHM) {
        @Override
        EncryptionScheme create(String schemeId, byte[] key) {
            return new AesGcmScheme(schemeId, key);
        }
    },
    AES_256_CBC_HMAC_SHA256("AES-256-CBC-HMAC-SHA256", AesCbcHmacScheme.KEY_BYTES, AesCbcHmacScheme.ALGORITHM) {
        @Override
        EncryptionScheme create(String schemeId, byte[] key) {
            return new AesCbcHmacScheme(schemeId, key);
        }
    },
    DES_EDE3_CBC("3DES-CBC", TripleDesCbcScheme.KEY_BYTES, TripleDesCbcScheme.ALGORITHM) {
        @Override
        EncryptionScheme create(String schemeId, byte[] key) {
            return new TripleDesCbcScheme(schemeId, key);
        }

        @Override
        public boolean canEncrypt() {
            return false;
        }
    };

    /** The algorithm of new schemes unless the operator names another. */
    public static final SchemeAlgorithm DEFAULT = AES_256_GCM;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String displayName;
    private final int keyBytes;
    private final String transformation;

    SchemeAlgorithm(String displayName, int keyBytes, String transformation) {
        this.displayName = displayName;
        this.keyBytes = keyBytes;
        this.transformation = transformation;
    }

    /** The name operators type and the database stores, e.g. {@code AES-256-GCM}. */
    public String displayName() {
        return displayName;
    }

    /** The length of a key of this algorithm, in bytes. */
    public int keyBytes() {
        return keyBytes;
    }

    /** False for legacy algorithms that only decrypt. */
    public boolean canEncrypt() {
        return true;
    }

    /**
     * The algorithm by its name, case-insensitive: the display name ({@code AES-256-GCM}), the constant name
     * ({@code AES_256_GCM}) or the JCE transformation its schemes report ({@code AES/GCM/NoPadding}, as stored by
     * databases created before schemes had algorithm names).
     */
    public static SchemeAlgorithm of(String name) {
        String wanted = name == null ? "" : name.trim();
        for (SchemeAlgorithm algorithm : values()) {
            if (algorithm.displayName.equalsIgnoreCase(wanted) || algorithm.name().equalsIgnoreCase(wanted)
                || algorithm.transformation.equalsIgnoreCase(wanted)) {
                return algorithm;
            }
        }
        throw new KsmCryptoException("Unknown encryption algorithm '" + name + "': use one of " + names());
    }

    /** The display names, comma-separated, for help texts and errors. */
    public static String names() {
        return Arrays.stream(values()).map(SchemeAlgorithm::displayName).collect(Collectors.joining(", "));
    }

    /**
     * A scheme of this algorithm with the given key.
     *
     * @param key copied, so the caller wipes its own array
     */
    public EncryptionScheme open(String schemeId, byte[] key) {
        if (key == null || key.length != keyBytes) {
            throw new KsmCryptoException("Encryption scheme '" + schemeId + "' of algorithm " + displayName
                                         + " needs a key of " + keyBytes + " bytes, got "
                                         + (key == null ? "none" : key.length + " bytes"));
        }
        return create(schemeId, key);
    }

    abstract EncryptionScheme create(String schemeId, byte[] key);

    /**
     * A new random key for a scheme of this algorithm; the caller wipes it. Refused for read-only algorithms: their
     * keys are only ever imported.
     */
    public byte[] generateKey() {
        if (!canEncrypt()) {
            throw new KsmCryptoException(readOnlyMessage(null));
        }
        byte[] key = new byte[keyBytes];
        RANDOM.nextBytes(key);
        return key;
    }

    String readOnlyMessage(String schemeId) {
        return displayName + " is kept only to read legacy values: "
               + (schemeId == null ? "a new scheme" : "scheme '" + schemeId + "'")
               + " cannot encrypt; import its key to read old values and write with "
               + Arrays.stream(values()).filter(SchemeAlgorithm::canEncrypt).map(SchemeAlgorithm::displayName)
                       .collect(Collectors.joining(" or "));
    }

    @Override
    public String toString() {
        return displayName;
    }
}
