package io.camelksm.store.jdbc;

import io.camelksm.KsmException;

/**
 * A change of the encryption schemes refused by their rules (unknown or duplicate name, the default cannot be retired,
 * a scheme holding values cannot be deleted, ...): the operator's request, not the database, was wrong.
 */
public class EncryptionSchemeRefusedException extends KsmException {

    private static final long serialVersionUID = 1L;

    public EncryptionSchemeRefusedException(String message) {
        super(message);
    }
}
