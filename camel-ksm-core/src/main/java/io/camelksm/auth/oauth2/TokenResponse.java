package io.camelksm.auth.oauth2;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.camelksm.credential.Secret;

/**
 * A successful token endpoint response (RFC 6749 §5.1), as the {@link TokenEndpointClient} read it.
 *
 * @param accessToken {@code access_token}
 * @param expiresIn   {@code expires_in}, or null when the server sent none
 * @param scope       {@code scope}, or null when the server sent none (= the requested scope)
 */
public record TokenResponse(Secret accessToken, Duration expiresIn, String scope) {

    public TokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    public Optional<Duration> expiresInIfSent() {
        return Optional.ofNullable(expiresIn);
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=******, expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
