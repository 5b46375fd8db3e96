package io.camelksm.connector;

/** Message headers the connector routes read. */
public final class ConnectorHeaders {

    /**
     * The credential a caller picks for one call; must be one of the definition's {@code allowedCredentials} (or its
     * default credential when it lists none). Removed from the message before the API is called.
     */
    public static final String CREDENTIAL = "CamelKsmConnectorCredential";

    private ConnectorHeaders() {
    }
}
