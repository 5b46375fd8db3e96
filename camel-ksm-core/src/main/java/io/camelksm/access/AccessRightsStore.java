package io.camelksm.access;

import io.camelksm.credential.CredentialName;

/**
 * Where access rights are kept: always camel-ksm's own database, whichever store holds the secret values. The read and
 * the write right are granted apart; nothing is allowed until granted.
 */
public interface AccessRightsStore {

    /** The rights of a credential; {@link AccessRights#DENY_ALL} when none were granted. */
    AccessRights rightsOf(CredentialName credential);

    /**
     * Allows a value ({@link Restriction#ANY_WORD} for anyone) in one dimension of the read or the write right.
     * Granting twice is harmless.
     */
    void grant(CredentialName credential, AccessMode mode, Dimension dimension, String value);

    /** Withdraws a value granted before on the read or the write right; returns false if it was not granted. */
    boolean revoke(CredentialName credential, AccessMode mode, Dimension dimension, String value);

    /** Allows a value in one dimension of the read right. */
    default void grant(CredentialName credential, Dimension dimension, String value) {
        grant(credential, AccessMode.READ, dimension, value);
    }

    /** Withdraws a value of the read right; returns false if it was not granted. */
    default boolean revoke(CredentialName credential, Dimension dimension, String value) {
        return revoke(credential, AccessMode.READ, dimension, value);
    }

    /**
     * Lets routes holding the write right change the credential's non-secret parts too (true), or only its secret
     * values (false, the default). Returns false when it was already so.
     */
    boolean allowRouteMetadataWrites(CredentialName credential, boolean allowed);

    /** Withdraws everything granted on a credential (when it is deleted). */
    void revokeAll(CredentialName credential);
}
