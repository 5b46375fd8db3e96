package io.camelksm.auth;

import java.util.Objects;
import java.util.Optional;

import io.camelksm.auth.oauth2.AccessToken;

/**
 * An authentication header value, and the OAuth 2.0 access token it carries when it was built from one (so that a
 * route can evict that very token after the API rejected it). {@link #toString()} shows neither.
 */
public final class AuthHeader {

    private final String value;
    private final AccessToken accessToken;

    public AuthHeader(String value, AccessToken accessToken) {
        this.value = Objects.requireNonNull(value, "header value");
        this.accessToken = accessToken;
    }

    /** The complete header value, e.g. {@code Bearer <token>}. */
    public String value() {
        return value;
    }

    /** The access token in the value, for OAuth 2.0 credentials. */
    public Optional<AccessToken> accessToken() {
        return Optional.ofNullable(accessToken);
    }

    @Override
    public String toString() {
        return "AuthHeader[value=******" + (accessToken == null ? "" : ", " + accessToken) + "]";
    }
}
