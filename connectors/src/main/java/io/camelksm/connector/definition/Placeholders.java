package io.camelksm.connector.definition;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {parameter}} references of paths, query, headers and bodies. Camel property placeholders
 * {@code {{key}}} and JSON braces such as {@code {"title": ...}} are not references.
 */
public final class Placeholders {

    private static final Pattern REFERENCE = Pattern.compile("(?<!\\{)\\{([A-Za-z_][A-Za-z0-9_-]*)\\}(?!\\})");

    private Placeholders() {
    }

    /** The parameter names a template refers to, in order of first use. */
    public static Set<String> names(String template) {
        Set<String> names = new LinkedHashSet<>();
        if (template != null) {
            Matcher m = REFERENCE.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Replaces every reference by {@code value.apply(name)} (already escaped by the caller as the place needs). */
    public static String expand(String template, Function<String, String> value) {
        if (template == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
