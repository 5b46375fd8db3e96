package io.camelksm.component;

/** What a {@code ksm:} endpoint does with its credential. */
public enum KsmOperation {
    /** Check access, then put the authentication header (Basic or Bearer) on the message. */
    authorize,
    /** Check access, then hand the fields of a GENERAL or DATA_GATEWAY credential over as an exchange property. */
    get,
    /** Check access, then write new values of one or more fields of the credential. */
    set,
    /** Check access, then write one additional property of the credential. */
    setProperty
}
