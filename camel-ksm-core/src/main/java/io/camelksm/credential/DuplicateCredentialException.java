package io.camelksm.credential;

import io.camelksm.KsmException;

/** A credential of that name (compared case-insensitively) already exists. */
public class DuplicateCredentialException extends KsmException {

    public DuplicateCredentialException(CredentialName name) {
        super("A credential named '" + name + "' already exists (names are compared case-insensitively)");
    }
}
