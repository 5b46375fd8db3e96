package io.camelksm.connector.route;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request of one call while the route builds it (an exchange property until {@link RequestWriter} puts it on the
 * message). Custom authentication may add secret query and body fields, so {@link #toString()} shows no value.
 */
public final class ApiRequest {

    /** The exchange property that carries the request between the route's steps. */
    public static final String PROPERTY = "CamelKsmConnectorRequest";

    private final String method;
    private final String url;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final String contentType;
    private final String body;
    private final Map<String, String> bodyFields = new LinkedHashMap<>();

    ApiRequest(String method, String url, String contentType, String body) {
        this.method = method;
        this.url = url;
        this.contentType = contentType;
        this.body = body;
    }

    public String method() {
        return method;
    }

    /** Base URL and the encoded path, without query. */
    public String url() {
        return url;
    }

    /** Query parameters (not encoded yet), in order. */
    public Map<String, String> query() {
        return query;
    }

    /** Headers to send besides the authorization. */
    public Map<String, String> headers() {
        return headers;
    }

    public String contentType() {
        return contentType;
    }

    /** The body with the action's parameters expanded, or null. */
    public String body() {
        return body;
    }

    /** Fields custom authentication merges into the body (a JSON object or a form). */
    public Map<String, String> bodyFields() {
        return bodyFields;
    }

    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + url + ", query " + query.keySet() + ", headers " + headers.keySet() + "]";
    }
}
