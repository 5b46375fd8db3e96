package io.camelksm.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;

/**
 * Where an encrypted value belongs: a field or a custom property of one credential, or an OAuth 2.0 access token
 * fetched for it and shared by the nodes of a cluster (by its token key). It is bound to the ciphertext as
 * associated data, so a value copied to another credential, field or property no longer decrypts.
 */
public final class SecretLocation {

    private enum Kind {
        FIELD,
        PROPERTY,
        OAUTH_TOKEN
    }

    private final CredentialName credential;
    private final Kind kind;
    private final String name;

    private SecretLocation(CredentialName credential, Kind kind, String name) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.kind = kind;
        this.name = Objects.requireNonNull(name, "name");
    }

    public static SecretLocation field(CredentialName credential, CredentialField field) {
        return new SecretLocation(credential, Kind.FIELD, field.fieldName());
    }

    public static SecretLocation property(CredentialName credential, String propertyName) {
        return new SecretLocation(credential, Kind.PROPERTY, propertyName);
    }

    /** A shared OAuth 2.0 access token of the credential, stored under its token key (hex, never a secret). */
    public static SecretLocation oauthToken(CredentialName credential, String tokenKey) {
        return new SecretLocation(credential, Kind.OAUTH_TOKEN, tokenKey);
    }

    public CredentialName credential() {
        return credential;
    }

    /**
     * The associated data: the credential's case-insensitive key, the kind and the name, separated by NUL (which none
     * of them may contain) so that no two locations share the same bytes.
     */
    public byte[] associatedData() {
        return ("camel-ksm/1\0" + credential.key() + "\0" + kind + "\0" + name).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretLocation other && credential.equals(other.credential) && kind == other.kind
               && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(credential, kind, name);
    }

    /** For error messages: {@code credential 'MyApi' field 'password'}. */
    @Override
    public String toString() {
        String what = switch (kind) {
            case FIELD -> "field";
            case PROPERTY -> "property";
            case OAUTH_TOKEN -> "OAuth 2.0 token";
        };
        return "credential '" + credential + "' " + what + " '" + name + "'";
    }
}
