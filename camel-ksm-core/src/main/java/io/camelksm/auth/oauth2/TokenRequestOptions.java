package io.camelksm.auth.oauth2;

/**
 * Per-endpoint choices that narrow a token request beyond what the credential itself says. Each non-null value
 * replaces the credential's own (scope, audience, resource) or, for the JWT bearer grant, its subject. They are part
 * of the token cache key, so a route asking for a narrow scope never gets another route's broader token.
 *
 * @param scope    space-separated scopes to request instead of the credential's {@code scope}
 * @param audience the audience to request ({@code audience} form parameter of the client credentials grant, {@code aud}
 *                 claim of a JWT bearer assertion) instead of the credential's
 * @param resource an RFC 8707 {@code resource} indicator instead of the credential's {@code form.resource} property
 * @param subject  for the JWT bearer grant, the {@code sub} claim (the user acted for) instead of the credential's
 * @param tokenUrl the token endpoint instead of the credential's {@code tokenUrl}; accepted only on a host the
 *                 credential's {@code allowedHosts} names, or, for a credential without it, on the scheme, host and
 *                 port of its own token URL (so a route cannot send the client's secret anywhere else)
 */
public record TokenRequestOptions(String scope, String audience, String resource, String subject, String tokenUrl) {

    private static final TokenRequestOptions NONE = new TokenRequestOptions(null, null, null, null, null);

    public TokenRequestOptions {
        scope = blankToNull(scope);
        audience = blankToNull(audience);
        resource = blankToNull(resource);
        subject = blankToNull(subject);
        tokenUrl = blankToNull(tokenUrl);
    }

    /** Without a token URL override. */
    public TokenRequestOptions(String scope, String audience, String resource, String subject) {
        this(scope, audience, resource, subject, null);
    }

    /** No overrides: the credential's own values. */
    public static TokenRequestOptions none() {
        return NONE;
    }

    public static TokenRequestOptions scope(String scope) {
        return NONE.withScope(scope);
    }

    public TokenRequestOptions withScope(String value) {
        return new TokenRequestOptions(value, audience, resource, subject, tokenUrl);
    }

    public TokenRequestOptions withAudience(String value) {
        return new TokenRequestOptions(scope, value, resource, subject, tokenUrl);
    }

    public TokenRequestOptions withResource(String value) {
        return new TokenRequestOptions(scope, audience, value, subject, tokenUrl);
    }

    public TokenRequestOptions withSubject(String value) {
        return new TokenRequestOptions(scope, audience, resource, value, tokenUrl);
    }

    public TokenRequestOptions withTokenUrl(String value) {
        return new TokenRequestOptions(scope, audience, resource, subject, value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
