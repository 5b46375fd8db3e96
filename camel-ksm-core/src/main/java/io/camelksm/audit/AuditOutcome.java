package io.camelksm.audit;

/** How a governed request ended. */
public enum AuditOutcome {
    /** Access was granted (reads) or the write/delete/grant was done. */
    GRANTED,
    /** The access rights did not allow the caller. */
    DENIED,
    /** The request was allowed but could not be served (unknown, expired or invalid credential, conflict, ...). */
    FAILED
}
