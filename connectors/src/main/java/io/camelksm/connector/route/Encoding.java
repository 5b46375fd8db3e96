package io.camelksm.connector.route;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** The escaping each place of a request needs. */
final class Encoding {

    private Encoding() {
    }

    /** One path segment: everything but unreserved characters percent-encoded (a '/' too). */
    static String pathSegment(String value) {
        return form(value).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /** application/x-www-form-urlencoded, also used for query parameters. */
    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String formBody(Map<String, String> fields) {
        StringJoiner joined = new StringJoiner("&");
        fields.forEach((name, value) -> joined.add(form(name) + "=" + form(value)));
        return joined.toString();
    }

    /** The content of a JSON string (without the quotes), escaped by Jackson. */
    static String json(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }
}
