package io.camelksm.store.keeper;

/**
 * A Keeper record does not fit the credential it is mapped to: a required field is missing, {@code ksm.type} names no
 * credential type, a notation selects nothing. The message names the record UID, the credential and the field.
 */
public class KeeperRecordMappingException extends KeeperStoreException {

    public KeeperRecordMappingException(String message) {
        super(message);
    }
}
