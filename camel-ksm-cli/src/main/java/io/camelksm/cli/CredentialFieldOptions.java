package io.camelksm.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.camelksm.auth.oauth2.ClientAuthenticationMethod;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.DisplayText;

/** How the CLI checks and names credential fields in its options and its error messages. */
final class CredentialFieldOptions {

    private CredentialFieldOptions() {
    }

    /** A method's registered name, checked now rather than at the first token request. */
    static ClientAuthenticationMethod parseClientAuthenticationMethod(String name) {
        return ClientAuthenticationMethod.parse(name).orElseThrow(() -> new UserInputException(
                "Unknown client authentication method '" + DisplayText.escape(name.strip()) + "'; use one of "
                + Arrays.stream(ClientAuthenticationMethod.values()).map(ClientAuthenticationMethod::registeredName)
                        .collect(Collectors.joining(", "))));
    }

    static void checkAllowed(CredentialType type, CredentialField field) {
        if (!type.allows(field)) {
            throw new UserInputException("A " + type + " credential has no field '" + field.fieldName()
                                         + "'; its fields are: " + fieldNames(type));
        }
    }

    static String fieldNames(CredentialType type) {
        List<CredentialField> fields = new ArrayList<>(type.requiredFields());
        fields.addAll(type.optionalFields());
        return fields.stream().sorted().map(f -> f.fieldName() + (type.requiredFields().contains(f) ? "" : " (optional)")
                + (f.isSecret() ? " [secret]" : "")).collect(Collectors.joining(", "));
    }

    /** The option that sets a non-secret field, e.g. {@code --client-id}. */
    static String optionFor(CredentialField field) {
        return "--" + field.fieldName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static String allFieldNames() {
        return Arrays.stream(CredentialField.values()).map(CredentialField::fieldName)
                .collect(Collectors.joining(", "));
    }

    static String secretFieldNames() {
        return Arrays.stream(CredentialField.values()).filter(CredentialField::isSecret)
                .map(CredentialField::fieldName).collect(Collectors.joining(", "));
    }
}
