package io.camelksm.cli;

import static io.camelksm.cli.CredentialFieldOptions.allFieldNames;
import static io.camelksm.cli.CredentialFieldOptions.checkAllowed;
import static io.camelksm.cli.CredentialFieldOptions.optionFor;
import static io.camelksm.cli.CredentialFieldOptions.parseClientAuthenticationMethod;
import static io.camelksm.cli.CredentialFieldOptions.secretFieldNames;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import picocli.CommandLine.Option;

/**
 * The options {@code credential add} and {@code credential update} share: non-secret fields, plain properties, which
 * secret values to read from standard input, expiry and the invalid flag. Options that would carry a secret value are
 * refused by {@link RefusedSecretOptions}, mixed in beside this one.
 */
final class CredentialOptions {

    static final String SECRET_ORDER_HELP = "Secret values are read from standard input, one per line (a PEM key from"
            + " its -----BEGIN line to its -----END line), or prompted for on a terminal, in this order: the fields"
            + " named by --secret-from-stdin in the order given, then the --secret-property values in the order given.";

    private final Map<CredentialField, String> namedFields = new EnumMap<>(CredentialField.class);

    @Option(names = "--description", paramLabel = "TEXT", description = "What the credential is for.")
    String description;

    @Option(names = "--field", paramLabel = "NAME=VALUE",
            description = "Any non-secret field by name (e.g. clientAuthenticationMethod=client_secret_post).")
    Map<String, String> genericFields = new LinkedHashMap<>();

    @Option(names = "--secret-from-stdin", paramLabel = "FIELD", split = ",",
            description = "A secret field (password, token, clientSecret, privateKey) whose value is read from"
                          + " standard input or a prompt. Repeatable.")
    List<String> secretFields = new ArrayList<>();

    @Option(names = "--property", paramLabel = "NAME=VALUE",
            description = "A plain (non-secret) property. Repeatable. A name that looks secret (password, secret,"
                          + " token, key, pin, credential...) is refused: use --secret-property for it, or"
                          + " --public-property if its value really is not secret.")
    Map<String, String> plainProperties = new LinkedHashMap<>();

    @Option(names = "--public-property", paramLabel = "NAME=VALUE",
            description = "A plain property whose name looks secret but whose value is not (e.g. keyVault=eu-1),"
                          + " shown by 'credential show'. Repeatable.")
    Map<String, String> publicProperties = new LinkedHashMap<>();

    @Option(names = "--expires", paramLabel = "WHEN", converter = InstantConverter.class,
            description = "When the credential stops being handed out: an ISO-8601 instant (2026-12-31T23:59:59Z)"
                          + " or a date (2026-12-31 = start of that day, UTC).")
    Instant expires;

    @Option(names = "--invalid", description = "Mark the credential invalid (it is not handed out until made valid).")
    boolean invalid;

    // ---- non-secret fields, one option each

    @Option(names = "--username", paramLabel = "USER", description = "username (GENERAL, BASIC, DATA_GATEWAY)")
    void username(String value) {
        namedFields.put(CredentialField.USERNAME, value);
    }

    @Option(names = "--client-id", paramLabel = "ID", description = "clientId (OAuth2 types)")
    void clientId(String value) {
        namedFields.put(CredentialField.CLIENT_ID, value);
    }

    @Option(names = "--token-url", paramLabel = "URL", description = "tokenUrl (OAuth2 types)")
    void tokenUrl(String value) {
        namedFields.put(CredentialField.TOKEN_URL, value);
    }

    @Option(names = "--scope", paramLabel = "SCOPE", description = "scope (OAuth2 types)")
    void scope(String value) {
        namedFields.put(CredentialField.SCOPE, value);
    }

    @Option(names = "--audience", paramLabel = "AUD", description = "audience (OAuth2 types)")
    void audience(String value) {
        namedFields.put(CredentialField.AUDIENCE, value);
    }

    @Option(names = "--client-authentication-method", paramLabel = "METHOD",
            description = "clientAuthenticationMethod: client_secret_basic (the default with a client secret),"
                          + " client_secret_post, client_secret_jwt, private_key_jwt, or none (OAUTH2_JWT_BEARER only)")
    void clientAuthenticationMethod(String value) {
        namedFields.put(CredentialField.CLIENT_AUTHENTICATION_METHOD, value);
    }

    @Option(names = "--issuer", paramLabel = "ISS", description = "issuer (OAUTH2_JWT_BEARER)")
    void issuer(String value) {
        namedFields.put(CredentialField.ISSUER, value);
    }

    @Option(names = "--subject", paramLabel = "SUB", description = "subject (OAUTH2_JWT_BEARER)")
    void subject(String value) {
        namedFields.put(CredentialField.SUBJECT, value);
    }

    @Option(names = "--key-id", paramLabel = "KID", description = "keyId of the signing key (OAuth2 types)")
    void keyId(String value) {
        namedFields.put(CredentialField.KEY_ID, value);
    }

    @Option(names = "--algorithm", paramLabel = "ALG", description = "signing algorithm, e.g. RS256 (OAuth2 types)")
    void algorithm(String value) {
        namedFields.put(CredentialField.ALGORITHM, value);
    }

    @Option(names = "--assertion-lifetime", paramLabel = "DURATION",
            description = "assertionLifetime, ISO-8601 duration such as PT5M (OAUTH2_JWT_BEARER)")
    void assertionLifetime(String value) {
        namedFields.put(CredentialField.ASSERTION_LIFETIME, value);
    }

    @Option(names = "--target", paramLabel = "TARGET", description = "target (DATA_GATEWAY)")
    void target(String value) {
        namedFields.put(CredentialField.TARGET, value);
    }

    @Option(names = "--secret-property", paramLabel = "NAME",
            description = "A secret property whose value is read from standard input or a prompt. Repeatable.")
    List<String> secretProperties = new ArrayList<>();

    // ---- turning the options into a credential

    /** Whether any option of this group was given. */
    boolean isEmpty() {
        return description == null && namedFields.isEmpty() && genericFields.isEmpty() && secretFields.isEmpty()
               && plainProperties.isEmpty() && publicProperties.isEmpty() && secretProperties.isEmpty()
               && expires == null && !invalid;
    }

    /** The non-secret fields given, checked against the type. */
    Map<CredentialField, String> nonSecretFields(CredentialType type) {
        Map<CredentialField, String> result = new EnumMap<>(CredentialField.class);
        result.putAll(namedFields);
        genericFields.forEach((name, value) -> {
            CredentialField field = CredentialField.byName(name).orElseThrow(() -> new UserInputException(
                    "Unknown field '" + name.strip() + "' in --field; fields are: " + allFieldNames()));
            if (field.isSecret()) {
                throw new UserInputException("Field '" + field.fieldName() + "' is secret: it is never taken from"
                        + " the command line. Use --secret-from-stdin " + field.fieldName()
                        + " and pipe its value on standard input");
            }
            result.put(field, value);
        });
        result.forEach((field, value) -> {
            checkAllowed(type, field);
            if (value == null || value.isBlank()) {
                throw new UserInputException("Field '" + field.fieldName() + "' is empty"
                        + (type.requiredFields().contains(field) ? "" : "; to remove it use --clear-field on update"));
            }
        });
        String method = result.get(CredentialField.CLIENT_AUTHENTICATION_METHOD);
        if (method != null) {
            result.put(CredentialField.CLIENT_AUTHENTICATION_METHOD, parseClientAuthenticationMethod(method).registeredName());
        }
        return result;
    }

    /** The secret fields to read, in order: those named, or else the given defaults. */
    List<CredentialField> secretFieldsToRead(CredentialType type, List<CredentialField> defaults) {
        if (secretFields.isEmpty()) {
            return defaults;
        }
        List<CredentialField> result = new ArrayList<>();
        for (String name : secretFields) {
            CredentialField field = CredentialField.byName(name).orElseThrow(() -> new UserInputException(
                    "Unknown field '" + name.strip() + "' in --secret-from-stdin; secret fields are: "
                    + secretFieldNames()));
            if (!field.isSecret()) {
                throw new UserInputException("Field '" + field.fieldName() + "' is not secret: give it as an option"
                        + " (" + optionFor(field) + " or --field " + field.fieldName() + "=VALUE)");
            }
            checkAllowed(type, field);
            if (!result.contains(field)) {
                result.add(field);
            }
        }
        return result;
    }

    /**
     * The plain properties given: those of --property, whose names must not look secret (their value would be a
     * secret on the command line, shown by 'credential show'), and those of --public-property.
     */
    List<CredentialProperty> plainProperties() {
        List<CredentialProperty> result = new ArrayList<>();
        plainProperties.forEach((name, value) -> {
            CredentialProperty property = plainProperty("--property", name, value);
            if (CredentialProperty.looksSecret(property.name())) {
                // the value is not quoted: it is probably a secret
                throw new UserInputException("Property '" + property.name() + "' looks secret by its name, and"
                        + " secret values are never taken from the command line: use --secret-property "
                        + property.name() + " and pipe its value on standard input (or answer the prompt); if its"
                        + " value is not secret, give it as --public-property " + property.name() + "=VALUE");
            }
            result.add(property);
        });
        publicProperties.forEach((name, value) -> {
            CredentialProperty property = plainProperty("--public-property", name, value);
            if (plainProperties.keySet().stream().anyMatch(n -> n.strip().equals(property.name()))) {
                throw new UserInputException("Property '" + property.name() + "' is given both as --property and as"
                        + " --public-property");
            }
            result.add(property);
        });
        return result;
    }

    private CredentialProperty plainProperty(String option, String name, String value) {
        CredentialProperty property = CredentialProperty.plain(name, value); // checks the name
        if (secretPropertyNames().contains(property.name())) {
            throw new UserInputException("Property '" + property.name() + "' is given both as " + option
                    + " and as --secret-property");
        }
        return property;
    }

    /** The names of the secret properties to read, checked; a value on the command line is refused. */
    List<String> secretPropertyNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : secretProperties) {
            if (name.contains("=")) {
                throw new UserInputException("--secret-property takes only the property name; its value is read"
                        + " from standard input or a prompt, never from the command line");
            }
            names.add(CredentialProperty.plain(name, "").name()); // checks the name
        }
        return List.copyOf(names);
    }

    /**
     * Reads the secret values from the application's secret source, in the documented order, into the builder. The
     * builder's credential owns them from then on.
     */
    void readSecrets(SecretSource source, CredentialName name, List<CredentialField> fields,
                     Credential.Builder builder) {
        for (CredentialField field : fields) {
            builder.secret(field, source.read(field.fieldName() + " of '" + name + "'"));
        }
        for (String property : secretPropertyNames()) {
            builder.property(CredentialProperty.secret(property,
                    source.read("value of the secret property '" + property + "' of '" + name + "'")));
        }
    }
}
