package io.camelksm.access;

import java.util.List;

import io.camelksm.KsmException;
import io.camelksm.credential.CredentialName;

/**
 * The caller may not use (or write) the credential. Names the credential, the caller, the right asked for and the
 * restrictions that failed.
 */
public class KsmAccessDeniedException extends KsmException {

    private final transient CredentialName credentialName;
    private final transient Caller caller;
    private final transient List<Dimension> failed;
    private final AccessMode accessMode;

    public KsmAccessDeniedException(CredentialName credentialName, String operation, Caller caller,
                                    AccessDecision decision) {
        this(credentialName, caller, decision.failed(), decision.mode(),
                (decision.mode() == AccessMode.WRITE ? "Write access" : "Access") + " to credential '"
                + credentialName + "' (" + operation + ") denied for " + caller + ": " + decision.reason());
    }

    /** For denials that are not about the caller's restrictions (see {@link KsmWriteRefusedException}). */
    protected KsmAccessDeniedException(CredentialName credentialName, Caller caller, List<Dimension> failed,
                                       AccessMode accessMode, String message) {
        super(message);
        this.credentialName = credentialName;
        this.caller = caller;
        this.failed = List.copyOf(failed);
        this.accessMode = accessMode;
    }

    public CredentialName getCredentialName() {
        return credentialName;
    }

    public Caller getCaller() {
        return caller;
    }

    /** The restrictions that did not allow the caller; empty when the caller was allowed but the change was not. */
    public List<Dimension> getFailedRestrictions() {
        return failed;
    }

    /** The right that was asked for: read (authorize, get) or write (set, setProperty). */
    public AccessMode getAccessMode() {
        return accessMode;
    }
}
