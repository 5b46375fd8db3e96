package io.camelksm.access;

import io.camelksm.credential.CredentialName;

/**
 * Where access rights are kept: always camel-ksm's own database, whichever store holds the secret values.
 */
public interface AccessRightsStore {

    /** The rights of a credential; {@link AccessRights#DENY_ALL} when none were granted. */
    AccessRights rightsOf(CredentialName credential);

    /** Allows a value ({@link Restriction#ANY_WORD} for anyone) in one dimension. Granting twice is harmless. */
    void grant(CredentialName credential, Dimension dimension, String value);

    /** Withdraws a value granted before; returns false if it was not granted. */
    boolean revoke(CredentialName credential, Dimension dimension, String value);

    /** Withdraws everything granted on a credential (when it is deleted). */
    void revokeAll(CredentialName credential);
}
