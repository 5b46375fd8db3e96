package io.camelksm.crypto;

import io.camelksm.KsmException;

/**
 * Encryption at rest failed: a missing, unsafe or wrong key file, an unknown encryption scheme, or a stored value that
 * does not decrypt. Messages name the key file, scheme, credential and field, never a key or a value.
 */
public class KsmCryptoException extends KsmException {

    public KsmCryptoException(String message) {
        super(message);
    }

    public KsmCryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
