package io.camelksm.auth.oauth2;

import java.util.Objects;

import io.camelksm.credential.CredentialName;

/**
 * Which shared token fits a request, the same on every node: the credential and the hex SHA-256 of its token cache
 * key (credential, fingerprint of its secrets under the cluster's fingerprint key, every grant parameter). Reveals no
 * secret: the fingerprint is an HMAC.
 *
 * @param credential the credential the token was issued for
 * @param id         64 lower-case hex digits
 */
public record SharedTokenKey(CredentialName credential, String id) {

    public SharedTokenKey {
        Objects.requireNonNull(credential, "credential");
        if (id == null || !id.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a shared token key is 64 lower-case hex digits, got " + id);
        }
    }
}
