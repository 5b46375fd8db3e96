package io.camelksm.auth.oauth2;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.camelksm.credential.Secret;

/**
 * An OAuth 2.0 bearer access token obtained for a credential. The value stays a {@link Secret}: it shows only in
 * {@link #authorizationHeaderValue()}, never in {@link #toString()}.
 */
public final class AccessToken {

    /** The only token type camel-ksm sends (RFC 6750). */
    public static final String BEARER = "Bearer";

    private final Secret value;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String scope;
    /** The header value, built on first use: a busy route asks for it on every exchange. */
    private volatile String headerValue;

    /**
     * @param value     the access token
     * @param issuedAt  when the request that obtained it was sent
     * @param expiresAt {@code issuedAt + expires_in}
     * @param scope     the granted scope (the requested one when the server did not name it), or null
     */
    public AccessToken(Secret value, Instant issuedAt, Instant expiresAt, String scope) {
        this.value = Objects.requireNonNull(value, "token value");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.scope = scope;
    }

    public Secret value() {
        return value;
    }

    /** Always {@value #BEARER}: responses with other token types are refused. */
    public String tokenType() {
        return BEARER;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<String> scope() {
        return Optional.ofNullable(scope);
    }

    /**
     * Whether the token came without a usable lifetime ({@code expires_in} 0): it serves the one caller that asked for
     * it and is never cached or shared.
     */
    public boolean isSingleUse() {
        return !expiresAt.isAfter(issuedAt);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** {@code Bearer <token>}, for the {@code Authorization} header (RFC 6750 §2.1). */
    public String authorizationHeaderValue() {
        String header = headerValue;
        if (header == null) {
            header = BEARER + " " + value.reveal();
            headerValue = header;
        }
        return header;
    }

    @Override
    public String toString() {
        return "AccessToken[type=" + BEARER + ", value=******, issuedAt=" + issuedAt + ", expiresAt=" + expiresAt
               + (scope == null ? "" : ", scope=" + scope) + "]";
    }
}
