package io.camelksm.connector;

/**
 * A connector call that failed: a credential the connector does not offer, a required parameter missing, or the API
 * answering with a status outside 2xx. The message names the connector and the action, never a secret.
 */
public class ConnectorCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public ConnectorCallException(String message) {
        this(message, 0);
    }

    public ConnectorCallException(String message, int statusCode) {
        super(message);
        this.statusCode = statusCode;
    }

    /** The HTTP status the API answered, or 0 when the API was not called. */
    public int statusCode() {
        return statusCode;
    }
}
