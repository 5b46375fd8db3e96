package io.camelksm.connector.customauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelksm.credential.Secret;

/**
 * Merges custom-authentication fields into a request body: into a JSON object (a field of the same name is replaced) or
 * a form body ({@code application/x-www-form-urlencoded}, appended). A body of another kind cannot take fields.
 */
final class BodyFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BodyFields() {
    }

    /**
     * @param body        the request body as text, or null/empty for none (then the fields alone make the body)
     * @param contentType the request's content type
     * @throws IllegalArgumentException naming the content type or the JSON problem, never a value
     */
    static String merge(String body, String contentType, Map<String, Secret> fields) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            StringBuilder form = new StringBuilder(body == null ? "" : body.strip());
            fields.forEach((name, value) -> {
                if (form.length() > 0) {
                    form.append('&');
                }
                form.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value.reveal(), StandardCharsets.UTF_8));
            });
            return form.toString();
        }
        if (type.startsWith("application/json") || type.endsWith("+json")) {
            ObjectNode object = jsonObject(body);
            fields.forEach((name, value) -> object.put(name, value.reveal()));
            return object.toString();
        }
        throw new IllegalArgumentException("authentication.custom.body needs a JSON object or a form body; the request's"
                                           + " content type is '" + contentType + "'");
    }

    private static ObjectNode jsonObject(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("authentication.custom.body: the request body is not JSON (line "
                                               + e.getLocation().getLineNr() + ")");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("authentication.custom.body: the request body is a JSON "
                                               + node.getNodeType().toString().toLowerCase(Locale.ROOT)
                                               + ", not an object");
        }
        return object;
    }
}
