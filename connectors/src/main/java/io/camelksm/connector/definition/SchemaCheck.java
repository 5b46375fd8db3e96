package io.camelksm.connector.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.utils.JsonNodes;

/**
 * Validates a definition against {@code ksm-connector.schema.json} and reports the first violation (by line) in the
 * project's words: {@code actions[0].method: must be one of GET, POST, PUT, PATCH, DELETE}.
 */
final class SchemaCheck {

    /** Where the schema lives in the jar. */
    static final String SCHEMA_RESOURCE = "/io/camelksm/connector/ksm-connector.schema.json";

    private static final Schema SCHEMA = loadSchema();

    private SchemaCheck() {
    }

    private static Schema loadSchema() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCHEMA_RESOURCE);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void check(Located located, JsonNode root) {
        List<Error> errors = new ArrayList<>(SCHEMA.validate(root));
        if (errors.isEmpty()) {
            return;
        }
        errors.sort(Comparator.comparingInt((Error e) -> Located.line(nodeOf(root, e))));
        Error first = errors.get(0);
        JsonNode node = nodeOf(root, first);
        String field = field(first.getInstanceLocation());
        String property = first.getProperty();
        switch (first.getKeyword()) {
            case "required" -> throw located.error(node, join(field, property), "is required");
            case "additionalProperties" -> throw located.error(node, join(field, property),
                    "is not a field of a connector definition here");
            default -> throw located.error(node, field, problem(first));
        }
    }

    private static JsonNode nodeOf(JsonNode root, Error error) {
        JsonNode node = JsonNodes.get(root, error.getInstanceLocation());
        if ("additionalProperties".equals(error.getKeyword()) && node != null && error.getProperty() != null
                && node.has(error.getProperty())) {
            return node.get(error.getProperty());
        }
        return node;
    }

    private static String problem(Error error) {
        JsonNode schemaValue = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "enum" -> "must be one of " + texts(schemaValue);
            case "type" -> "must be " + (schemaValue != null && schemaValue.isArray() ? "one of the types " + texts(schemaValue)
                    : "of type " + (schemaValue == null ? "?" : schemaValue.asText()));
            case "pattern" -> "must match " + (schemaValue == null ? "its pattern" : schemaValue.asText());
            case "minItems" -> "must not be empty";
            case "minLength" -> "must not be empty";
            case "uniqueItems" -> "must not list an entry twice";
            default -> withoutLocation(error);
        };
    }

    private static String texts(JsonNode array) {
        if (array == null || !array.isArray()) {
            return "the allowed values";
        }
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return String.join(", ", texts);
    }

    private static String withoutLocation(Error error) {
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        return colon >= 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
    }

    private static String join(String parent, String child) {
        if (child == null) {
            return parent;
        }
        return parent.isEmpty() ? child : parent + "." + child;
    }

    /** {@code actions[0].method} from the validator's node path. */
    static String field(NodePath path) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (text.length() > 0) {
                    text.append('.');
                }
                text.append(element);
            }
        }
        return text.toString();
    }
}
