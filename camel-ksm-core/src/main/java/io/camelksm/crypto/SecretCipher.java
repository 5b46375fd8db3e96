package io.camelksm.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

import io.camelksm.credential.Secret;

/**
 * Encrypts credential secrets with the current scheme and decrypts each stored value with whichever scheme wrote it.
 * Every value is bound to its {@link SecretLocation}. Errors name the location and scheme, never the value.
 */
public final class SecretCipher {

    private final Supplier<SchemeRegistry> schemes;

    public SecretCipher(SchemeRegistry schemes) {
        Objects.requireNonNull(schemes, "schemes");
        this.schemes = () -> schemes;
    }

    /** With the registry of the moment: the database's schemes are rebuilt when the default scheme changes. */
    public SecretCipher(Supplier<SchemeRegistry> schemes) {
        this.schemes = Objects.requireNonNull(schemes, "schemes");
    }

    public SchemeRegistry schemes() {
        return schemes.get();
    }

    public EncryptedValue encrypt(SecretLocation where, Secret secret) {
        EncryptionScheme scheme = schemes.get().current();
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
        SchemeRegistry schemes = this.schemes.get();
        EncryptionScheme scheme = schemes.find(value.schemeId()).orElseThrow(() -> new KsmCryptoException(
                "Cannot decrypt " + where + ": it was encrypted with scheme '" + value.schemeId()
                + "', which is not available here (available: " + String.join(", ", schemes.ids()) + ")"));
        if (scheme instanceof UnavailableScheme unavailable) {
            throw new KsmCryptoException("Cannot decrypt " + where + ": " + unavailable.reason());
        }
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
        return !value.schemeId().equals(schemes.get().current().id());
    }
}
