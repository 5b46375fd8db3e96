package io.camelksm.governance;

import io.camelksm.credential.Credential;

/**
 * A credential lent for the length of one request: use it, then close the lease. The credential may be shared with
 * other requests and is wiped by its owner, so it must neither be kept nor wiped by the borrower.
 */
public interface CredentialLease extends AutoCloseable {

    Credential credential();

    /** Ends the lease; never fails. */
    @Override
    void close();
}
