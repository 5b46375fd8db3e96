package io.camelksm.credential;

import static io.camelksm.credential.CredentialField.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of credential camel-ksm manages, with the fields each one requires and allows. */
public enum CredentialType {

    /** Username and password handed to the route as fields; not an HTTP authentication scheme. */
    GENERAL(EnumSet.of(USERNAME, PASSWORD), EnumSet.noneOf(CredentialField.class)),
    /** HTTP Basic authentication (RFC 7617). */
    BASIC(EnumSet.of(USERNAME, PASSWORD), EnumSet.noneOf(CredentialField.class)),
    /** A static bearer token (RFC 6750). */
    BEARER(EnumSet.of(TOKEN), EnumSet.noneOf(CredentialField.class)),
    /** OAuth 2.0 client credentials grant (RFC 6749 section 4.4). */
    OAUTH2_CLIENT_CREDENTIALS(EnumSet.of(CLIENT_ID, TOKEN_URL),
            EnumSet.of(CLIENT_SECRET, SCOPE, AUDIENCE, CLIENT_AUTHENTICATION_METHOD, PRIVATE_KEY, KEY_ID, ALGORITHM)),
    /**
     * OAuth 2.0 JWT bearer grant (RFC 7523 section 2.1), optionally with client authentication beside the assertion
     * (section 3.1: clientId, clientSecret, clientAuthenticationMethod).
     */
    OAUTH2_JWT_BEARER(EnumSet.of(ISSUER, TOKEN_URL, PRIVATE_KEY),
            EnumSet.of(SUBJECT, AUDIENCE, SCOPE, KEY_ID, ALGORITHM, ASSERTION_LIFETIME, CLIENT_ID, CLIENT_SECRET,
                    CLIENT_AUTHENTICATION_METHOD)),
    /** Username, password and target for a data gateway; used server side. */
    DATA_GATEWAY(EnumSet.of(USERNAME, PASSWORD), EnumSet.of(TARGET));

    private final Set<CredentialField> required;
    private final Set<CredentialField> optional;

    CredentialType(Set<CredentialField> required, Set<CredentialField> optional) {
        this.required = required;
        this.optional = optional;
    }

    public Set<CredentialField> requiredFields() {
        return EnumSet.copyOf(required);
    }

    public Set<CredentialField> optionalFields() {
        return optional.isEmpty() ? EnumSet.noneOf(CredentialField.class) : EnumSet.copyOf(optional);
    }

    public boolean allows(CredentialField field) {
        return required.contains(field) || optional.contains(field);
    }

    /** Parses a type name, accepting any case and '-' for '_'. */
    public static CredentialType parse(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Credential type is missing; one of " + names());
        }
        String normalized = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(t -> t.name().equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown credential type '" + name.strip() + "'; one of " + names()));
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
