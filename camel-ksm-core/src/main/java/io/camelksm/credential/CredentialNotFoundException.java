package io.camelksm.credential;

import io.camelksm.KsmException;

/** No credential of that name exists in the store. */
public class CredentialNotFoundException extends KsmException {

    private final transient CredentialName credentialName;

    public CredentialNotFoundException(CredentialName credentialName) {
        super("Unknown credential '" + credentialName + "'");
        this.credentialName = credentialName;
    }

    public CredentialName getCredentialName() {
        return credentialName;
    }
}
