package io.camelksm.credential;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named additional property of a credential (Blue Prism's "additional properties"). Secret properties are encrypted
 * at rest and masked in every display; plain ones are shown by {@code ksm-admin credential show}.
 */
public record CredentialProperty(String name, Secret value, boolean secret) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public CredentialProperty {
        if (name == null || !ALLOWED.matcher(name.strip()).matches()) {
            throw new IllegalArgumentException("Property name '" + DisplayText.escape(name)
                    + "' is malformed: 1 to 64 of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        name = name.strip();
        Objects.requireNonNull(value, "value of property " + name);
    }

    public static CredentialProperty plain(String name, String value) {
        return new CredentialProperty(name, Secret.of(value), false);
    }

    public static CredentialProperty secret(String name, Secret value) {
        return new CredentialProperty(name, value, true);
    }

    /** The value of a plain property; for a secret one use {@link #value()} explicitly. */
    public String displayValue() {
        return secret ? value.toString() : value.reveal();
    }

    @Override
    public String toString() {
        return name + "=" + displayValue();
    }
}
