package io.camelksm.store.keeper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelksm.credential.Secret;

/**
 * Reads the JSON of a decrypted Keeper record ({@code {"title","type","fields":[{"type","label","value":[...]}],
 * "custom":[...],"notes"}}) into a {@link KeeperRecordView}. Values that are numbers or booleans (dates, checkboxes)
 * become text; object values (keyPair, host, name, ...) become named parts.
 */
final class KeeperRecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeeperRecordJson() {
    }

    static KeeperRecordView parse(String uid, long revision, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            // the parser's message may quote record content: leave it out
            throw new KeeperStoreException("Keeper record '" + uid + "' is not valid record JSON");
        }
        if (root == null || !root.isObject()) {
            throw new KeeperStoreException("Keeper record '" + uid + "' is not a JSON object");
        }
        JsonNode notes = root.get("notes");
        return new KeeperRecordView(uid, text(root.get("title")), text(root.get("type")), revision,
                fields(uid, root.get("fields")), fields(uid, root.get("custom")),
                notes == null || notes.isNull() || notes.asText().isEmpty() ? null : Secret.of(notes.asText()));
    }

    private static List<KeeperField> fields(String uid, JsonNode array) {
        List<KeeperField> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw new KeeperStoreException("Keeper record '" + uid + "' has a field list that is not an array");
        }
        for (JsonNode field : array) {
            String type = text(field.get("type"));
            if (type == null) {
                throw new KeeperStoreException("Keeper record '" + uid + "' has a field without a type");
            }
            out.add(new KeeperField(type, text(field.get("label")), values(field.get("value"))));
        }
        return out;
    }

    private static List<KeeperFieldValue> values(JsonNode value) {
        List<KeeperFieldValue> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        Iterable<JsonNode> items = value.isArray() ? value : List.of(value);
        for (JsonNode item : items) {
            if (item.isNull()) {
                continue;
            }
            if (item.isObject()) {
                Map<String, Secret> parts = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> part = it.next();
                    if (!part.getValue().isNull()) {
                        parts.put(part.getKey(), Secret.of(scalarOrJson(part.getValue())));
                    }
                }
                out.add(KeeperFieldValue.parts(parts));
            } else {
                out.add(KeeperFieldValue.text(Secret.of(scalarOrJson(item))));
            }
        }
        return out;
    }

    private static String scalarOrJson(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
