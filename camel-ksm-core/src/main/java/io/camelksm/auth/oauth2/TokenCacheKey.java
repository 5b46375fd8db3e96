package io.camelksm.auth.oauth2;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
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

    /**
     * The key of the token shared by the nodes of a cluster: hex SHA-256 over every part of this key, each length
     * prefixed (absent parts marked apart from empty ones), so no two different keys share an id. Equal on every node
     * only if the fingerprint was computed under the cluster's shared key.
     */
    SharedTokenKey shared() {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(256);
        for (String part : new String[] {"camel-ksm oauth_token key v1", credential.key(), fingerprint, grantType,
                tokenUrl, scope, audience, resource, subject}) {
            if (part == null) {
                encoded.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                encoded.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                encoded.writeBytes(bytes);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded.toByteArray());
            return new SharedTokenKey(credential, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
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
