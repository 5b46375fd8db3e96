package io.camelksm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whether one part of camel-ksm (the database, the Keeper store, the HSM key, the token endpoint) serves, for health
 * checks. The message and the details name the part and what is wrong, never a secret.
 *
 * @param up      whether the part serves
 * @param message what the part is and how it is, in words
 * @param details facts for the health endpoint (counts, times, names), in a stable order
 */
public record PartHealth(boolean up, String message, Map<String, Object> details) {

    public PartHealth {
        Objects.requireNonNull(message, "message");
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static PartHealth up(String message, Map<String, Object> details) {
        return new PartHealth(true, message, details);
    }

    public static PartHealth down(String message, Map<String, Object> details) {
        return new PartHealth(false, message, details);
    }
}
