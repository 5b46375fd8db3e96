package io.camelksm.hsm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The config as JSON: one object of string values, as Keeper's SDKs write it ({@code hostname}, {@code clientId},
 * {@code privateKey}, ...). Strict UTF-8, no trailing content. Errors say where the problem is, never what the content
 * was: it holds the client's private key.
 */
final class ConfigJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private ConfigJson() {
    }

    /** Thrown for content that is not a config object; the message is safe to show. */
    static final class InvalidJson extends Exception {
        InvalidJson(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Parses strict UTF-8 JSON: an object whose values are strings. Null values (Keeper's LocalConfigStorage writes
     * them for unset keys) are left out.
     */
    static SortedMap<String, String> parse(byte[] utf8) throws InvalidJson {
        char[] chars = decodeUtf8(utf8);
        try (JsonParser parser = MAPPER.createParser(chars)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidJson("content is not a JSON object");
            }
            SortedMap<String, String> values = new TreeMap<>();
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw new InvalidJson("truncated JSON object");
                }
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    values.put(key, parser.getText());
                } else if (value != JsonToken.VALUE_NULL) {
                    throw new InvalidJson("value of key '" + key + "' is not a string (" + at(parser.currentLocation())
                                          + ")");
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidJson("unexpected content after the JSON object (" + at(parser.currentLocation())
                                      + ")");
            }
            return values;
        } catch (JsonProcessingException e) {
            // the exception's own message quotes the content: keep only the position
            throw new InvalidJson("not valid JSON (" + at(e.getLocation()) + ")");
        } catch (IOException e) {
            throw new InvalidJson("not valid JSON");
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Pretty JSON, keys sorted, UTF-8. The caller wipes the array when done. */
    static byte[] write(Map<String, String> values) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 128 * values.size()) {
                // wipe the growth buffers' leftovers when the stream hands out its copy
                @Override
                public synchronized byte[] toByteArray() {
                    byte[] copy = super.toByteArray();
                    Arrays.fill(buf, (byte) 0);
                    return copy;
                }
            };
            try (JsonGenerator g = MAPPER.createGenerator(out).useDefaultPrettyPrinter()) {
                g.writeStartObject();
                for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new HsmException("cannot write the config as JSON: " + e.getClass().getSimpleName());
        }
    }

    private static char[] decodeUtf8(byte[] utf8) throws InvalidJson {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8));
            char[] copy = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return copy;
        } catch (CharacterCodingException e) {
            throw new InvalidJson("content is not UTF-8 text");
        }
    }

    private static String at(JsonLocation location) {
        return location == null ? "position unknown"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
