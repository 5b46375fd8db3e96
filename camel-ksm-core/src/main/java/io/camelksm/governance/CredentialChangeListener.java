package io.camelksm.governance;

import io.camelksm.credential.CredentialName;

/**
 * Told by {@link GovernedCredentials} after a credential was written or deleted through it, so that whatever was
 * derived from the old values (cached OAuth 2.0 access tokens) can be dropped at once.
 */
@FunctionalInterface
public interface CredentialChangeListener {

    /** The credential was changed, updated or deleted. Must be quick and must not throw. */
    void credentialChanged(CredentialName name);
}
