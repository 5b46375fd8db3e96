package io.camelksm.hsm;

/**
 * How a config file is encrypted; its {@link #id()} is written in the file header. Both modes are authenticated: a
 * changed byte anywhere in the file makes decryption fail.
 */
public enum ConfigMechanism {

    /** AES-256 in GCM mode: 12-byte IV, 128-bit tag; the header is authenticated as additional data. */
    AES_256_GCM(1, 12, "AES/GCM/NoPadding"),

    /**
     * AES-256-CBC with PKCS#5 padding, then HMAC-SHA256 over header, IV and ciphertext (encrypt-then-MAC) with a second
     * key kept in the HSM. For providers without GCM.
     */
    AES_256_CBC_HMAC_SHA256(2, 16, "AES/CBC/PKCS5Padding");

    /** HMAC-SHA256 length, appended to the ciphertext in the CBC mode. */
    static final int MAC_LENGTH = 32;
    /** GCM tag length in bytes. */
    static final int GCM_TAG_LENGTH = 16;

    private final int id;
    private final int ivLength;
    private final String transformation;

    ConfigMechanism(int id, int ivLength, String transformation) {
        this.id = id;
        this.ivLength = ivLength;
        this.transformation = transformation;
    }

    /** The byte that names this mechanism in the file header. */
    public int id() {
        return id;
    }

    public int ivLength() {
        return ivLength;
    }

    /**
     * The JCE transformation. Deliberately not {@code AES_256/...}: JDK 17's SunPKCS11 key store reports the key size
     * wrongly and would reject the size-named form.
     */
    String transformation() {
        return transformation;
    }

    /** The smallest valid ciphertext (tag or MAC included) for an empty plaintext. */
    int minCiphertextLength() {
        return this == AES_256_GCM ? GCM_TAG_LENGTH : 16 + MAC_LENGTH;
    }

    /** The mechanism of that id, or null if unknown. */
    static ConfigMechanism byId(int id) {
        for (ConfigMechanism m : values()) {
            if (m.id == id) {
                return m;
            }
        }
        return null;
    }
}
