package io.camelksm.store.keeper;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Translates what the SDK throws into our exceptions. SDK 17.1.1 reports an HTTP error as a plain {@link Exception}
 * whose message is the response body, e.g. {@code {"error":"throttled","retry_after":30}}; it does not retry.
 * Other exceptions (JSON decoding of decrypted records, for instance) may quote record content in their messages, so
 * only their class name is passed on.
 */
final class KeeperErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 300;

    private KeeperErrors() {
    }

    static KeeperStoreException translate(String operation, Exception e) {
        if (e instanceof KeeperStoreException k) {
            return k;
        }
        if (e.getClass() == Exception.class && e.getMessage() != null) {
            return fromBody(operation, e.getMessage().strip(), e);
        }
        if (e instanceof IOException || e instanceof GeneralSecurityException) {
            return new KeeperStoreException("Keeper " + operation + " failed: " + e.getClass().getSimpleName() + ": "
                                            + truncate(String.valueOf(e.getMessage())), e);
        }
        return new KeeperStoreException("Keeper " + operation + " failed: " + e.getClass().getName()
                                        + " (message withheld: it may quote decrypted content)");
    }

    private static KeeperStoreException fromBody(String operation, String body, Exception cause) {
        JsonNode json = parse(body);
        String error = json == null ? null : text(json, "error", "result_code");
        if ("throttled".equalsIgnoreCase(error)) {
            Duration retryAfter = retryAfter(json.get("retry_after"));
            return new KeeperThrottledException("Keeper throttles this client (" + operation + ")"
                                                + (retryAfter == null ? "" : "; it asks to retry after " + retryAfter),
                    retryAfter, cause);
        }
        if (error != null) {
            String message = text(json, "message", "additional_info");
            return new KeeperStoreException("Keeper " + operation + " failed: " + error
                                            + (message == null ? "" : ": " + truncate(message)), cause);
        }
        return new KeeperStoreException("Keeper " + operation + " failed: " + truncate(body), cause);
    }

    /** Seconds, as a number or a numeric string; null when absent or not positive. */
    private static Duration retryAfter(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        double seconds;
        try {
            seconds = node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
        return seconds > 0 && seconds < 86_400 * 7 ? Duration.ofMillis(Math.round(seconds * 1000)) : null;
    }

    private static JsonNode parse(String body) {
        if (!body.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String... names) {
        for (String name : names) {
            JsonNode n = json.get(name);
            if (n != null && !n.isNull() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return null;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY) + "…";
    }
}
