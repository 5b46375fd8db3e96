package io.camelksm.auth.oauth2;

/**
 * Sends one token request to an authorization server: our seam around the HTTP library ({@link
 * OkHttpTokenEndpointClient}). Retries, caching and assertion signing happen around it, not in it.
 */
public interface TokenEndpointClient extends AutoCloseable {

    /**
     * Makes one attempt.
     *
     * @throws KsmTokenException with the {@link KsmTokenException.Reason}, HTTP status, {@code error} code and
     *                           {@code Retry-After} of the failure; never a secret of the request
     */
    TokenResponse send(TokenRequest request);

    /** Releases what the client holds (connections, threads); a no-op by default. */
    @Override
    default void close() {
    }
}
