package io.camelksm.store.keeper;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.camelksm.credential.Secret;

/**
 * One value of a Keeper record field: plain text (a login, a password, a URL) or, for complex field types, named parts
 * (a {@code keyPair} has {@code publicKey} and {@code privateKey}, a {@code host} has {@code hostName} and
 * {@code port}). Every part is held as a {@link Secret}: the store cannot know which fields are sensitive.
 */
public final class KeeperFieldValue {

    private final Secret text;
    private final Map<String, Secret> parts;

    private KeeperFieldValue(Secret text, Map<String, Secret> parts) {
        this.text = text;
        this.parts = parts;
    }

    public static KeeperFieldValue text(Secret text) {
        return new KeeperFieldValue(Objects.requireNonNull(text, "text"), Map.of());
    }

    /** A complex value; parts keep their order. */
    public static KeeperFieldValue parts(Map<String, Secret> parts) {
        return new KeeperFieldValue(null, Collections.unmodifiableMap(new LinkedHashMap<>(parts)));
    }

    /** The value, when it is plain text. */
    public Optional<Secret> asText() {
        return Optional.ofNullable(text);
    }

    /** The named parts of a complex value; empty for plain text. */
    public Map<String, Secret> parts() {
        return parts;
    }

    /** A part of a complex value, by name (case-insensitive). */
    public Optional<Secret> part(String name) {
        return parts.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst();
    }

    public boolean isComplex() {
        return text == null;
    }

    /** A deep copy: its secrets are new instances. */
    KeeperFieldValue copy() {
        if (text != null) {
            return text(Secret.of(text.chars()));
        }
        Map<String, Secret> copied = new LinkedHashMap<>();
        parts.forEach((k, v) -> copied.put(k, Secret.of(v.chars())));
        return parts(copied);
    }

    void destroy() {
        if (text != null) {
            text.destroy();
        }
        parts.values().forEach(Secret::destroy);
    }

    /** Masked: the part names only. */
    @Override
    public String toString() {
        return text != null ? "******" : "{" + String.join(",", parts.keySet()) + "}";
    }
}
