package io.camelksm.access;

import java.util.List;

import io.camelksm.KsmException;
import io.camelksm.credential.CredentialName;

/** The caller may not use the credential. Names the credential, the caller and the restrictions that failed. */
public class KsmAccessDeniedException extends KsmException {

    private final transient CredentialName credentialName;
    private final transient Caller caller;
    private final transient List<Dimension> failed;

    public KsmAccessDeniedException(CredentialName credentialName, String operation, Caller caller,
                                    AccessDecision decision) {
        super("Access to credential '" + credentialName + "' (" + operation + ") denied for " + caller + ": "
              + decision.reason());
        this.credentialName = credentialName;
        this.caller = caller;
        this.failed = decision.failed();
    }

    public CredentialName getCredentialName() {
        return credentialName;
    }

    public Caller getCaller() {
        return caller;
    }

    /** The restrictions that did not allow the caller. */
    public List<Dimension> getFailedRestrictions() {
        return failed;
    }
}
