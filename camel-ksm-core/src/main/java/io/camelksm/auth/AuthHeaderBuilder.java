package io.camelksm.auth;

import io.camelksm.credential.Credential;

/**
 * Turns a credential into the value of an HTTP authentication header, for one credential type. The value is a String
 * because HTTP headers are Strings: it is built as late as possible and never logged.
 */
public interface AuthHeaderBuilder {

    /** The authentication scheme that starts the header value, e.g. {@code Basic} or {@code Bearer}. */
    String scheme();

    /**
     * The part after the scheme (the RFC's "credentials" or "token68").
     *
     * @throws io.camelksm.KsmException if the credential's values cannot be expressed in this scheme; the message names
     *                                  the field at fault, never its value
     */
    String credentials(Credential credential);

    /**
     * The complete header value.
     *
     * @param includeScheme false for API-key style headers (such as {@code X-API-Key}) that carry the bare value
     */
    default String headerValue(Credential credential, boolean includeScheme) {
        String credentials = credentials(credential);
        return includeScheme ? scheme() + " " + credentials : credentials;
    }

    /**
     * {@link #headerValue(Credential, boolean)} together with what it was built from, where that matters later: the
     * OAuth 2.0 access token, which a route evicts when the API answers 401.
     */
    default AuthHeader header(Credential credential, boolean includeScheme) {
        return new AuthHeader(headerValue(credential, includeScheme), null);
    }
}
