package io.camelksm.access;

import java.util.List;

import io.camelksm.credential.CredentialName;

/**
 * A route holding the write right tried to change what it may not: a non-secret part of the credential (token URL,
 * client id, audience, ...) without the credential allowing route metadata writes, a part no route may ever change
 * (its allowed hosts), or a token URL outside the credential's allowed hosts. Names the refused parts, never a value.
 */
public class KsmWriteRefusedException extends KsmAccessDeniedException {

    private final List<String> refused;

    public KsmWriteRefusedException(CredentialName credentialName, String operation, Caller caller,
                                    List<String> refused, String why) {
        super(credentialName, caller, List.of(), AccessMode.WRITE, "Write to credential '" + credentialName + "' ("
                + operation + ") refused for " + caller + ": " + why);
        this.refused = List.copyOf(refused);
    }

    /** The fields and properties (by name) the route may not change. */
    public List<String> getRefusedParts() {
        return refused;
    }
}
