package io.camelksm.credential;

import java.util.List;

/**
 * Where the places that use credentials are kept ({@link CredentialReference}): camel-ksm's database, so that
 * {@code ksm-admin} in another process sees what the running nodes registered, or memory when there is none.
 */
public interface CredentialReferenceStore {

    /** Keeps the place; registering it again only renews its time. */
    void add(CredentialReference reference);

    /** Forgets the place (credential, kind, location, route and node); true if it was kept. */
    boolean remove(CredentialReference reference);

    /** Every place that uses the credential (compared case-insensitively), with its last use, oldest first. */
    List<CredentialReference> of(CredentialName credential);
}
