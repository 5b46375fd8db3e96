package io.camelksm.connector.customauth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.camelksm.connector.definition.CredentialTokens;
import io.camelksm.connector.definition.CredentialTokens.Token;
import io.camelksm.credential.Secret;

/**
 * One custom-authentication template, such as {@code "Token [Credential.Password]"}: literal text mixed with the
 * tokens {@code [Credential.Username]}, {@code [Credential.Password]}, {@code [Credential.Property.<name>]} and
 * {@code [Credential.Token]}. Parsed once per definition (an unknown token is an error naming it), expanded
 * per call into a {@link Secret} built in a char array that is wiped afterwards. Text in brackets that does not start
 * with {@code [Credential.} stays literal.
 */
public final class CredentialTemplate {

    private final String text;
    private final List<Part> parts;

    private CredentialTemplate(String text, List<Part> parts) {
        this.text = text;
        this.parts = Collections.unmodifiableList(parts);
    }

    /**
     * Splits the template at every {@link CredentialTokens#MARK}; the token syntax itself is
     * {@link CredentialTokens}', which the definition's validation uses too.
     *
     * @param where what the template is, for errors (e.g. {@code authentication.custom.headers.X-Api-Key})
     * @throws IllegalArgumentException naming the token at fault and the tokens allowed
     */
    public static CredentialTemplate parse(String text, String where) {
        if (text == null) {
            throw new IllegalArgumentException(where + ": a template is required");
        }
        List<Part> parts = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int at = text.indexOf(CredentialTokens.MARK, from);
            if (at < 0) {
                parts.add(new Part(null, null, text.substring(from)));
                break;
            }
            if (at > from) {
                parts.add(new Part(null, null, text.substring(from, at)));
            }
            int end = text.indexOf(']', at);
            String written = end < 0 ? text.substring(at) : text.substring(at, end + 1);
            List<Token> tokens = CredentialTokens.tokens(written);
            TemplateField field = tokens.size() == 1 ? TemplateField.of(tokens.get(0).kind()) : null;
            if (end < 0 || field == null || !field.written(tokens.get(0).property()).equals(written)) {
                throw new IllegalArgumentException(where + ": unknown token " + written + "; use one of"
                        + " [Credential.Username], [Credential.Password], [Credential.Property.<name>],"
                        + " [Credential.Token]");
            }
            parts.add(new Part(field, tokens.get(0).property(), null));
            from = end + 1;
        }
        return new CredentialTemplate(text, parts);
    }

    /** The credential fields the template reads. */
    public Set<TemplateField> fields() {
        Set<TemplateField> fields = EnumSet.noneOf(TemplateField.class);
        parts.stream().filter(p -> p.field != null).forEach(p -> fields.add(p.field));
        return fields;
    }

    /** The additional properties the template reads, by name. */
    public List<String> propertyNames() {
        return parts.stream().filter(p -> p.property != null).map(p -> p.property).toList();
    }

    /**
     * The template with every token replaced by the credential's value. Built in a char array that is wiped; the
     * caller owns (and destroys) the result.
     *
     * @throws IllegalArgumentException naming the field the credential lacks, never a value
     */
    public Secret expand(TemplateValues values) {
        char[] out = new char[0];
        try {
            for (Part part : parts) {
                char[] piece = part.literal != null ? part.literal.toCharArray() : values.chars(part.field, part.property);
                try {
                    out = append(out, piece);
                } finally {
                    Arrays.fill(piece, '\0');
                }
            }
            return Secret.of(out);
        } finally {
            Arrays.fill(out, '\0');
        }
    }

    private static char[] append(char[] head, char[] tail) {
        char[] joined = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        Arrays.fill(head, '\0');
        return joined;
    }

    /** The template as written: it holds token names, never values. */
    @Override
    public String toString() {
        return text;
    }

    /** Literal text, or a field (with the property name for {@link TemplateField#PROPERTY}). */
    private record Part(TemplateField field, String property, String literal) {
    }
}
