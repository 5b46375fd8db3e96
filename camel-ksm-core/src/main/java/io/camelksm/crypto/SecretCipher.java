package io.camelksm.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

import io.camelksm.credential.Secret;

/**
 * Encrypts credential secrets with the current scheme and decrypts each stored value with whichever scheme wrote it.
 * Every value is bound to its {@link SecretLocation}. Errors name the location and scheme, never the value.
 */
public final class SecretCipher {

    private final SchemeRegistry schemes;

    public SecretCipher(SchemeRegistry schemes) {
        this.schemes = Objects.requireNonNull(schemes, "schemes");
    }

    public SchemeRegistry schemes() {
        return schemes;
    }

    public EncryptedValue encrypt(SecretLocation where, Secret secret) {
        EncryptionScheme scheme = schemes.current();
        byte[] plaintext = secret.utf8();
        byte[] payload = null;
        try {
            payload = scheme.encrypt(plaintext, where.associatedData());
            return new EncryptedValue(scheme.id(), payload);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
            if (payload != null) {
                Arrays.fill(payload, (byte) 0);
            }
        }
    }

    public Secret decrypt(SecretLocation where, EncryptedValue value) {
        EncryptionScheme scheme = schemes.find(value.schemeId()).orElseThrow(() -> new KsmCryptoException(
                "Cannot decrypt " + where + ": it was encrypted with scheme '" + value.schemeId()
                + "', which is not available here (available: " + String.join(", ", schemes.ids()) + ")"));
        byte[] plaintext = null;
        try {
            plaintext = scheme.decrypt(value.payload(), where.associatedData());
            return Secret.ofUtf8(plaintext);
        } catch (GeneralSecurityException e) {
            throw new KsmCryptoException("Cannot decrypt " + where + " with scheme '" + scheme.id()
                                         + "': the key does not match, or the stored value was altered or copied from"
                                         + " elsewhere", e);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    /** Whether a value should be re-encrypted because an older scheme wrote it. */
    public boolean isOutdated(EncryptedValue value) {
        return !value.schemeId().equals(schemes.current().id());
    }
}
