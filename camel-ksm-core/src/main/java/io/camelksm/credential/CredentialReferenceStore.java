package io.camelksm.credential;

import java.util.List;

/**
 * Where the places that use credentials are kept ({@link CredentialReference}): camel-ksm's database, so that
 * {@code ksm-admin} in another process sees what the nodes registered (running, or stopped at their last run), or
 * memory when there is none.
 */
public interface CredentialReferenceStore {

    /** Keeps the place as running; registering it again renews its time and makes a stopped place running again. */
    void add(CredentialReference reference);

    /** Marks the running place (credential, kind, location, route and node) stopped now; true if there was one. */
    boolean markStopped(CredentialReference reference);

    /** Forgets the places the node left stopped (at its last run); running ones stay. Returns how many went. */
    int removeStopped(String node);

    /** Every place that uses the credential (compared case-insensitively), with its last use, oldest first. */
    List<CredentialReference> of(CredentialName credential);
}
