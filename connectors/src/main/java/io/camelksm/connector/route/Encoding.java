package io.camelksm.connector.route;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

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

    /** The content of a JSON string (without the quotes). */
    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
