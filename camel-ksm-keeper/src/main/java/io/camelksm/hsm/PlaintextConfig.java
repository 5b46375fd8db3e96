package io.camelksm.hsm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.SortedMap;

/** Keeper's plaintext client config: its JSON, or its Base64 form (as the SDK's InMemoryStorage accepts it). */
final class PlaintextConfig {

    private PlaintextConfig() {
    }

    /** The config's values; the caller wipes the bytes. */
    static SortedMap<String, String> parse(byte[] bytes) throws ConfigJson.InvalidJson {
        try {
            return ConfigJson.parse(bytes);
        } catch (ConfigJson.InvalidJson asJson) {
            byte[] decoded;
            try {
                String text = new String(bytes, StandardCharsets.US_ASCII).replaceAll("\\s", "");
                decoded = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException notBase64) {
                throw asJson;
            }
            if (decoded.length == 0) {
                throw asJson;
            }
            try {
                return ConfigJson.parse(decoded);
            } finally {
                Arrays.fill(decoded, (byte) 0);
            }
        }
    }

    static boolean looksLikeOne(byte[] bytes) {
        try {
            parse(bytes);
            return true;
        } catch (ConfigJson.InvalidJson e) {
            return false;
        }
    }
}
