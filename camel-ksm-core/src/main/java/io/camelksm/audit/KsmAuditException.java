package io.camelksm.audit;

import io.camelksm.KsmException;

/**
 * The audit trail cannot record a decision: the request it belongs to is refused (fail closed), as no credential may
 * be handed out without its audit record.
 */
public class KsmAuditException extends KsmException {

    public KsmAuditException(String message) {
        super(message);
    }

    public KsmAuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
