package io.camelksm.credential;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The unique name of a credential. Names are trimmed, normalized to Unicode NFC (so a composed and a decomposed
 * {@code é} are the same name) and compared case-insensitively ({@link #key()}), while the spelling the operator
 * chose is kept for display ({@link #value()}). Whether a new name could be mistaken for an existing one is
 * {@link ConfusableNames}' job. Errors never echo control or bidirectional characters ({@link DisplayText}).
 * <p>
 * A class rather than a record so that the lower-cased key is computed once: names are map keys on every request.
 */
public final class CredentialName implements Comparable<CredentialName> {

    public static final int MAX_LENGTH = 128;

    /** Letters, digits, space and {@code . _ - @ /}: safe in URIs, logs and file names. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@/-]*");

    private final String value;
    private final String key;

    public CredentialName(String value) {
        if (value == null) {
            throw new IllegalArgumentException("Credential name is missing");
        }
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Credential name is empty");
        }
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            value = Normalizer.normalize(value, Normalizer.Form.NFC);
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Credential name is longer than " + MAX_LENGTH + " characters: '"
                    + DisplayText.escape(value.substring(0, 32)) + "…'");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("Credential name '" + DisplayText.escape(value)
                    + "' is malformed: use letters, digits, spaces and . _ - @ / (starting with a letter or digit)");
        }
        this.value = value;
        this.key = value.toLowerCase(Locale.ROOT);
    }

    public static CredentialName of(String value) {
        return new CredentialName(value);
    }

    /** The name as the operator spelt it (trimmed). */
    public String value() {
        return value;
    }

    /** The case-insensitive identity of the name, used for uniqueness and look-up. */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CredentialName other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public int compareTo(CredentialName o) {
        return key.compareTo(o.key);
    }

    @Override
    public String toString() {
        return value;
    }
}
