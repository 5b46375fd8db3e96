package io.camelksm.credential;

import static io.camelksm.credential.CredentialField.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of credential camel-ksm manages: the fields each one requires and allows, and what a route can do with it
 * ({@link Capability}). A new type is added here; an {@link Capability#AUTH_HEADER} type also registers its header
 * builder ({@code io.camelksm.auth.AuthHeaderBuilders}), an {@link Capability#OAUTH2_GRANT} type its grant ({@code
 * io.camelksm.auth.oauth2.OAuth2Grants}). Nothing else lists types.
 */
public enum CredentialType {

    /** Username and password handed to the route as fields; not an HTTP authentication scheme. */
    GENERAL(Capability.FIELDS, EnumSet.of(USERNAME, PASSWORD), EnumSet.noneOf(CredentialField.class)),
    /** HTTP Basic authentication (RFC 7617). */
    BASIC(Capability.AUTH_HEADER, EnumSet.of(USERNAME, PASSWORD), EnumSet.noneOf(CredentialField.class)),
    /** A static bearer token (RFC 6750). */
    BEARER(Capability.AUTH_HEADER, EnumSet.of(TOKEN), EnumSet.noneOf(CredentialField.class)),
    /** OAuth 2.0 client credentials grant (RFC 6749 section 4.4). */
    OAUTH2_CLIENT_CREDENTIALS(Capability.OAUTH2_GRANT, EnumSet.of(CLIENT_ID, TOKEN_URL),
            EnumSet.of(CLIENT_SECRET, SCOPE, AUDIENCE, CLIENT_AUTHENTICATION_METHOD, PRIVATE_KEY, KEY_ID, ALGORITHM)),
    /**
     * OAuth 2.0 JWT bearer grant (RFC 7523 section 2.1), optionally with client authentication beside the assertion
     * (section 3.1: clientId, clientSecret, clientAuthenticationMethod).
     */
    OAUTH2_JWT_BEARER(Capability.OAUTH2_GRANT, EnumSet.of(ISSUER, TOKEN_URL, PRIVATE_KEY),
            EnumSet.of(SUBJECT, AUDIENCE, SCOPE, KEY_ID, ALGORITHM, ASSERTION_LIFETIME, CLIENT_ID, CLIENT_SECRET,
                    CLIENT_AUTHENTICATION_METHOD)),
    /** Username, password and target for a data gateway; used server side. */
    DATA_GATEWAY(Capability.FIELDS, EnumSet.of(USERNAME, PASSWORD), EnumSet.of(TARGET));

    /** What a route gets from a credential of the type. */
    public enum Capability {
        /** An authentication header built from the credential alone (operation=authorize). */
        AUTH_HEADER,
        /** An OAuth 2.0 access token, obtained with the credential's grant (operation=authorize). */
        OAUTH2_GRANT,
        /** The credential's fields, handed to the route as they are (operation=get). */
        FIELDS
    }

    private final Capability capability;
    private final Set<CredentialField> required;
    private final Set<CredentialField> optional;

    CredentialType(Capability capability, Set<CredentialField> required, Set<CredentialField> optional) {
        this.capability = capability;
        this.required = required;
        this.optional = optional;
    }

    /** What a route gets from a credential of this type. */
    public Capability capability() {
        return capability;
    }

    /** Whether credentials of this type are exchanged for OAuth 2.0 access tokens. */
    public boolean isOAuth2() {
        return capability == Capability.OAUTH2_GRANT;
    }

    /** Whether the route gets the credential's fields ({@code operation=get}) rather than a header. */
    public boolean handsOverFields() {
        return capability == Capability.FIELDS;
    }

    /** The types with the capability, in declaration order, joined for a message: "A, B or C" / "A and B". */
    public static String namesWith(Capability capability, String lastJoiner) {
        List<String> names = Arrays.stream(values()).filter(t -> t.capability == capability).map(Enum::name).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + lastJoiner + " "
               + names.get(names.size() - 1);
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
