package io.camelksm.credential;

import java.util.Arrays;
import java.util.Optional;

/** A named field of a credential. Secret fields are encrypted at rest and never displayed. */
public enum CredentialField {

    USERNAME("username", false),
    PASSWORD("password", true),
    TOKEN("token", true),
    CLIENT_ID("clientId", false),
    CLIENT_SECRET("clientSecret", true),
    TOKEN_URL("tokenUrl", false),
    SCOPE("scope", false),
    AUDIENCE("audience", false),
    /**
     * {@code client_secret_basic}, {@code client_secret_post}, {@code private_key_jwt}, {@code client_secret_jwt} or
     * (JWT bearer grant only) {@code none}.
     */
    CLIENT_AUTHENTICATION_METHOD("clientAuthenticationMethod", false),
    ISSUER("issuer", false),
    SUBJECT("subject", false),
    /** A PKCS#8 PEM private key. */
    PRIVATE_KEY("privateKey", true),
    KEY_ID("keyId", false),
    ALGORITHM("algorithm", false),
    /** ISO-8601 duration of a JWT assertion, e.g. {@code PT5M}. */
    ASSERTION_LIFETIME("assertionLifetime", false),
    TARGET("target", false);

    private final String fieldName;
    private final boolean secret;

    CredentialField(String fieldName, boolean secret) {
        this.fieldName = fieldName;
        this.secret = secret;
    }

    /** The name used in URIs, the CLI, the database and JSON. */
    public String fieldName() {
        return fieldName;
    }

    public boolean isSecret() {
        return secret;
    }

    /** Finds a field by its {@link #fieldName()} (case-insensitive) or enum name. */
    public static Optional<CredentialField> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip();
        return Arrays.stream(values())
                .filter(f -> f.fieldName.equalsIgnoreCase(wanted) || f.name().equalsIgnoreCase(wanted))
                .findFirst();
    }

    @Override
    public String toString() {
        return fieldName;
    }
}
