package io.camelksm.store.keeper;

import java.security.SecureRandom;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the JSON of a Keeper record (v3 record data: title, type, fields, custom, notes), as Keeper stores it. */
public final class FakeRecord {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode fields;
    private final ArrayNode custom;

    private FakeRecord(String type, String title) {
        root.put("title", title);
        root.put("type", type);
        fields = root.putArray("fields");
        custom = root.putArray("custom");
    }

    public static FakeRecord of(String type, String title) {
        return new FakeRecord(type, title);
    }

    /** A login record with standard login, password and url fields. */
    public static FakeRecord login(String title, String login, String password) {
        return of("login", title).field("login", login).field("password", password);
    }

    /** A new random record UID, as Keeper makes them: 16 random bytes, URL-safe Base64 without padding. */
    static String newUid() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A standard field with text values. */
    public FakeRecord field(String type, String... values) {
        add(fields, type, null, values);
        return this;
    }

    /** A custom field with text values. */
    public FakeRecord custom(String type, String label, String... values) {
        add(custom, type, label, values);
        return this;
    }

    /** A standard keyPair field. */
    FakeRecord keyPair(String publicKey, String privateKey) {
        ObjectNode f = fields.addObject();
        f.put("type", "keyPair");
        ObjectNode pair = f.putArray("value").addObject();
        pair.put("publicKey", publicKey);
        pair.put("privateKey", privateKey);
        return this;
    }

    /** A custom date field (Keeper stores epoch milliseconds). */
    FakeRecord customDate(String label, long epochMillis) {
        ObjectNode f = custom.addObject();
        f.put("type", "date");
        f.put("label", label);
        f.putArray("value").add(epochMillis);
        return this;
    }

    FakeRecord notes(String notes) {
        root.put("notes", notes);
        return this;
    }

    private static void add(ArrayNode to, String type, String label, String... values) {
        ObjectNode f = to.addObject();
        f.put("type", type);
        if (label != null) {
            f.put("label", label);
        }
        ArrayNode v = f.putArray("value");
        for (String value : values) {
            v.add(value);
        }
    }

    String json() {
        return root.toString();
    }
}
