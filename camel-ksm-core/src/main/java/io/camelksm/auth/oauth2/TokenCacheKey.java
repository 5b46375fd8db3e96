package io.camelksm.auth.oauth2;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.camelksm.credential.CredentialName;

/**
 * Which cached token fits a request: the credential (by name and by the fingerprint of its current secrets) and every
 * grant parameter that changes what the token may do. Scopes are compared as sets ({@code "b a"} = {@code "a b"}).
 */
record TokenCacheKey(CredentialName credential, String fingerprint, String grantType, String tokenUrl, String scope,
                     String audience, String resource, String subject) {

    static TokenCacheKey of(CredentialName credential, String fingerprint, GrantParameters p) {
        return new TokenCacheKey(credential, fingerprint, p.grantType(), p.tokenUrl().toString(),
                normalizeScope(p.scope()), p.audience(), p.resource(), p.subject());
    }

    static String normalizeScope(String scope) {
        if (scope == null || scope.isBlank()) {
            return null;
        }
        return Arrays.stream(scope.strip().split("\\s+")).distinct().sorted().collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return "TokenCacheKey[credential=" + credential + ", fingerprint=" + fingerprint.substring(0, 8) + "…, grant="
               + grantType + ", tokenUrl=" + tokenUrl + ", scope=" + scope + ", audience=" + audience + ", resource="
               + resource + ", subject=" + subject + "]";
    }
}
