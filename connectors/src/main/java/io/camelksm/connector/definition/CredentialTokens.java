package io.camelksm.connector.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential tokens of custom authentication templates: {@code [Credential.Username]},
 * {@code [Credential.Password]}, {@code [Credential.Token]} and {@code [Credential.Property.<name>]}.
 */
public final class CredentialTokens {

    /** What marks a credential token; anything starting like this must be one of the four forms. */
    public static final String MARK = "[Credential.";

    private static final Pattern TOKEN = Pattern.compile("\\[Credential\\.(Username|Password|Token|Property\\.([A-Za-z0-9_.-]+))\\]");

    /** One token: its kind (Username, Password, Token, Property) and, for Property, the property's name. */
    public record Token(String kind, String property) {
    }

    private CredentialTokens() {
    }

    /** The tokens of a template, in order. */
    public static List<Token> tokens(String template) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(template == null ? "" : template);
        while (m.find()) {
            tokens.add(token(m));
        }
        return tokens;
    }

    /** The first text starting with {@link #MARK} that is not one of the four forms (the template is no secret). */
    public static Optional<String> firstMalformed(String template) {
        if (template == null) {
            return Optional.empty();
        }
        int from = 0;
        while (true) {
            int at = template.indexOf(MARK, from);
            if (at < 0) {
                return Optional.empty();
            }
            Matcher m = TOKEN.matcher(template);
            if (!m.find(at) || m.start() != at) {
                int end = template.indexOf(']', at);
                return Optional.of(end < 0 ? template.substring(at) : template.substring(at, end + 1));
            }
            from = m.end();
        }
    }

    /** Replaces every token by {@code value.apply(token)}. */
    public static String expand(String template, Function<Token, String> value) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.apply(token(m))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Token token(Matcher m) {
        String kind = m.group(1).startsWith("Property.") ? "Property" : m.group(1);
        return new Token(kind, m.group(2));
    }
}
