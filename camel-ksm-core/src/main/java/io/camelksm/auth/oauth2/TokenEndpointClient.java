package io.camelksm.auth.oauth2;

import java.time.Duration;

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

    /**
     * Makes one attempt that ends within the given time: what is left of the token fetch deadline when that is
     * shorter than the client's own per-attempt timeout. A client that cannot shorten an attempt makes it as
     * {@link #send(TokenRequest)} does; the deadline is still kept between attempts.
     */
    default TokenResponse send(TokenRequest request, Duration timeout) {
        return send(request);
    }

    /** Releases what the client holds (connections, threads); a no-op by default. */
    @Override
    default void close() {
    }
}
