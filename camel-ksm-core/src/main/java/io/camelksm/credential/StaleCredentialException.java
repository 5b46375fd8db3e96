package io.camelksm.credential;

import io.camelksm.KsmException;

/**
 * Optimistic locking failed: the credential was changed (or deleted) by someone else since it was read. Re-read it and
 * apply the change again.
 */
public class StaleCredentialException extends KsmException {

    public StaleCredentialException(CredentialName name, long expectedVersion, Long actualVersion) {
        super(actualVersion == null
                ? "Credential '" + name + "' was deleted concurrently (expected version " + expectedVersion + ")"
                : "Credential '" + name + "' was changed concurrently: expected version " + expectedVersion
                  + " but the store has version " + actualVersion);
    }
}
