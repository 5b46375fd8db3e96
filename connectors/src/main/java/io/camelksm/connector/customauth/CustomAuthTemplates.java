package io.camelksm.connector.customauth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelksm.connector.definition.CustomAuthentication;

/**
 * The templates of a definition's {@code authentication.custom}: by header name, query parameter name and body field
 * name. Parsed when the definition loads; {@link #expand} fills them for one call.
 */
public final class CustomAuthTemplates {

    private final Map<String, CredentialTemplate> headers;
    private final Map<String, CredentialTemplate> query;
    private final Map<String, CredentialTemplate> body;
    /** What the templates read, known once they are parsed: each call only asks. */
    private final Set<TemplateField> fields;

    private CustomAuthTemplates(Map<String, CredentialTemplate> headers, Map<String, CredentialTemplate> query,
                                Map<String, CredentialTemplate> body) {
        this.headers = headers;
        this.query = query;
        this.body = body;
        Set<TemplateField> read = EnumSet.noneOf(TemplateField.class);
        for (Map<String, CredentialTemplate> group : List.of(headers, query, body)) {
            group.values().forEach(t -> read.addAll(t.fields()));
        }
        this.fields = Collections.unmodifiableSet(read);
    }

    /** The templates of a definition's {@code authentication.custom}. */
    public static CustomAuthTemplates of(CustomAuthentication custom) {
        return parse(custom.headers(), custom.query(), custom.body(), "authentication.custom");
    }

    /**
     * @param where the definition's path of {@code authentication.custom}, for errors
     * @throws IllegalArgumentException naming the template at fault
     */
    public static CustomAuthTemplates parse(Map<String, String> headers, Map<String, String> query,
                                            Map<String, String> body, String where) {
        CustomAuthTemplates templates = new CustomAuthTemplates(parse(headers, where + ".headers"),
                parse(query, where + ".query"), parse(body, where + ".body"));
        if (templates.headers.isEmpty() && templates.query.isEmpty() && templates.body.isEmpty()) {
            throw new IllegalArgumentException(where + ": names no header, query parameter or body field");
        }
        return templates;
    }

    private static Map<String, CredentialTemplate> parse(Map<String, String> texts, String where) {
        Map<String, CredentialTemplate> parsed = new LinkedHashMap<>();
        if (texts != null) {
            texts.forEach((name, text) -> {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException(where + ": a name is blank");
                }
                parsed.put(name, CredentialTemplate.parse(text, where + "." + name));
            });
        }
        return Collections.unmodifiableMap(parsed);
    }

    public Map<String, CredentialTemplate> headers() {
        return headers;
    }

    public Map<String, CredentialTemplate> query() {
        return query;
    }

    public Map<String, CredentialTemplate> body() {
        return body;
    }

    /** The credential fields all templates read together. */
    public Set<TemplateField> fields() {
        return fields;
    }

    /** Whether a template reads the token (an access token is then fetched through {@code ksm:}). */
    public boolean needsToken() {
        return fields.contains(TemplateField.TOKEN);
    }

    /** Whether a template reads user name, password or a property (read through {@code ksm:} operation=get). */
    public boolean needsFields() {
        return fields.stream().anyMatch(field -> field != TemplateField.TOKEN);
    }

    /**
     * Expands every template for one call; on a failure the values expanded so far are wiped.
     *
     * @throws IllegalArgumentException naming a field the credential lacks, never a value
     */
    public ExpandedAuthentication expand(TemplateValues values) {
        ExpandedAuthentication expanded = new ExpandedAuthentication();
        try {
            headers.forEach((name, t) -> expanded.headers().put(name, t.expand(values)));
            query.forEach((name, t) -> expanded.query().put(name, t.expand(values)));
            body.forEach((name, t) -> expanded.body().put(name, t.expand(values)));
            return expanded;
        } catch (RuntimeException e) {
            expanded.destroy();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "CustomAuthTemplates[headers=" + headers + ", query=" + query + ", body=" + body + "]";
    }
}
