package io.camelksm.store.keeper;

import io.camelksm.KsmException;

/**
 * The Keeper store could not serve a request: Keeper could not be reached or refused, a record is missing, or a record
 * does not fit the credential it is mapped to. Messages name record UIDs, credentials and fields, never values.
 */
public class KeeperStoreException extends KsmException {

    public KeeperStoreException(String message) {
        super(message);
    }

    public KeeperStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
