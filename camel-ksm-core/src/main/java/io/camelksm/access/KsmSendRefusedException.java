package io.camelksm.access;

import java.util.List;

import io.camelksm.credential.CredentialName;

/**
 * A credential bound to hosts (its {@code sendTo}) was about to be sent elsewhere: refused before anything left. The
 * caller was allowed to use the credential; the destination was not. Names the host, never a secret, a query or a user.
 */
public class KsmSendRefusedException extends KsmAccessDeniedException {

    private final String host;

    public KsmSendRefusedException(CredentialName credentialName, String operation, Caller caller, String host,
                                   String why) {
        super(credentialName, caller, List.of(), AccessMode.READ, "Sending credential '" + credentialName + "' ("
                + operation + ") to host '" + host + "' refused for " + caller + ": " + why);
        this.host = host;
    }

    /** The host the credential was about to be sent to (normalised), as far as it could be read. */
    public String getHost() {
        return host;
    }
}
