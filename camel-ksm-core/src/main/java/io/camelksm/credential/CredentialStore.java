package io.camelksm.credential;

import java.util.List;
import java.util.Optional;

/**
 * Where credential values live (the embedded database, Keeper Secrets Manager, ...). Implementations decrypt on read
 * and encrypt on write; access rights and the audit trail are not their concern.
 * <p>
 * Ownership of secrets: a credential returned by {@link #find}, {@link #create} or {@link #update} belongs to the
 * caller, who wipes it ({@link Credential#destroySecrets()}) once used; so a store (or its cache) hands out fresh
 * {@link Secret} instances and keeps none of the instances passed to {@link #create} or {@link #update}.
 */
public interface CredentialStore {

    /** The credential of that name (case-insensitive), with its secrets decrypted. */
    Optional<Credential> find(CredentialName name);

    /** The names of all credentials, sorted. */
    List<CredentialName> names();

    /**
     * Stores a new credential.
     *
     * @return the stored credential, with its version
     * @throws DuplicateCredentialException if the name is taken
     */
    Credential create(Credential credential);

    /**
     * Replaces a credential, provided the store still holds the version the caller read ({@link Credential#version()}).
     *
     * @return the stored credential, with its new version
     * @throws StaleCredentialException if someone else changed or deleted it meanwhile
     * @throws CredentialNotFoundException if no such credential exists
     */
    Credential update(Credential credential);

    /**
     * Deletes a credential.
     *
     * @return false if there was none of that name
     */
    boolean delete(CredentialName name);

    /** Whether this store accepts writes. */
    default boolean isWritable() {
        return true;
    }
}
