package io.camelksm.credential;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named additional property of a credential (Blue Prism's "additional properties"). Secret properties are encrypted
 * at rest and masked in every display; plain ones are shown by {@code ksm-admin credential show}.
 */
public record CredentialProperty(String name, Secret value, boolean secret) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Anywhere in a name (case-insensitive), these say its value is a secret: {@code dbPassword}, {@code x-api-token}. */
    private static final Set<String> SECRET_PARTS = Set.of("password", "passwd", "passphrase", "secret", "token",
            "apikey", "privatekey", "credential");
    /** As a whole word of a name ({@code api-key}, {@code simPin}, but not {@code monkey} or {@code spinner}). */
    private static final Set<String> SECRET_WORDS = Set.of("key", "pin", "pwd", "pass", "pw", "otp");
    /** Word boundaries: '.', '_', '-' and a lower-case letter or digit followed by an upper-case one. */
    private static final Pattern WORDS = Pattern.compile("[._-]+|(?<=[a-z0-9])(?=[A-Z])");

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

    /**
     * Whether the property's name says its value is a secret (password, passwd, passphrase, secret, token, apikey,
     * privatekey, credential anywhere in it; key, pin, pwd, pass, pw, otp as a word of it). Such a property is secret
     * unless the writer explicitly marks it as public.
     */
    public static boolean looksSecret(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        for (String part : SECRET_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        for (String word : WORDS.split(name.strip())) {
            if (SECRET_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
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
