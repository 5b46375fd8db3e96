package io.camelksm.crypto;

import java.util.Objects;

/** The one check every scheme's constructor makes of the key it is given: its length, named in bits. */
final class SchemeKeyLength {

    private SchemeKeyLength() {
    }

    /**
     * @param what what the key is, e.g. {@code "AES key"}
     * @throws KsmCryptoException naming the scheme and both lengths, never key bytes
     */
    static byte[] check(String schemeId, byte[] key, int keyBytes, String what) {
        Objects.requireNonNull(key, "key");
        if (key.length != keyBytes) {
            throw new KsmCryptoException("Encryption scheme '" + schemeId + "' needs a " + keyBytes * 8 + "-bit " + what
                                         + ", got " + key.length * 8 + " bits");
        }
        return key;
    }
}
