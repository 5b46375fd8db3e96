package io.camelksm.credential;

import io.camelksm.KsmException;

/** The credential exists but must not be handed out: it is expired or marked invalid. */
public class CredentialUnavailableException extends KsmException {

    private final transient CredentialName credentialName;

    public CredentialUnavailableException(CredentialName credentialName, String message) {
        super(message);
        this.credentialName = credentialName;
    }

    public CredentialName getCredentialName() {
        return credentialName;
    }
}
