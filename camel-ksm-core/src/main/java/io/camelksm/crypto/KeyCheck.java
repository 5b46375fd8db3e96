package io.camelksm.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A known value encrypted under a scheme's key and kept beside the scheme, so that opening a database with the wrong
 * key fails at once, with a clear error, instead of at the first credential read.
 */
public final class KeyCheck {

    private static final byte[] KNOWN = "camel-ksm key check".getBytes(StandardCharsets.US_ASCII);

    private KeyCheck() {
    }

    /** Also for the read-only 3DES-CBC scheme, which encrypts this known value and nothing else. */
    public static EncryptedValue create(EncryptionScheme scheme) {
        byte[] payload = scheme instanceof TripleDesCbcScheme legacy ? legacy.encryptKeyCheck(KNOWN)
                : scheme.encrypt(KNOWN, associatedData(scheme));
        return new EncryptedValue(scheme.id(), payload);
    }

    /** Whether the scheme's key is the one that wrote the check value. */
    public static boolean matches(EncryptionScheme scheme, EncryptedValue check) {
        if (!check.schemeId().equals(scheme.id())) {
            return false;
        }
        try {
            byte[] plaintext = scheme.decrypt(check.payload(), associatedData(scheme));
            boolean same = MessageDigest.isEqual(KNOWN, plaintext);
            Arrays.fill(plaintext, (byte) 0);
            return same;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] associatedData(EncryptionScheme scheme) {
        return ("camel-ksm/1\0key-check\0" + scheme.id()).getBytes(StandardCharsets.UTF_8);
    }
}
