package io.camelksm.connector.customauth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Custom authentication templates with their credential tokens expanded: secrets. {@link #toString()} shows the
 * names only.
 */
public final class ExpandedAuthentication {

    private final Map<String, String> headers;
    private final Map<String, String> query;
    private final Map<String, String> body;

    public ExpandedAuthentication(Map<String, String> headers, Map<String, String> query, Map<String, String> body) {
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        this.body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** Headers to put on the request (removed from the message before the route replies). */
    public Map<String, String> headers() {
        return headers;
    }

    /** Query parameters to add. */
    public Map<String, String> query() {
        return query;
    }

    /** Fields to merge into a JSON object body or a form body. */
    public Map<String, String> body() {
        return body;
    }

    @Override
    public String toString() {
        return "ExpandedAuthentication[headers " + headers.keySet() + ", query " + query.keySet() + ", body "
                + body.keySet() + "]";
    }
}
