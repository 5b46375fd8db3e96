package io.camelksm.store.keeper;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A field of a Keeper record: its Keeper field type ({@code login}, {@code password}, {@code secret}, {@code text},
 * {@code keyPair}, ...), its label (custom fields carry one; standard fields usually not) and its values.
 */
public record KeeperField(String type, String label, List<KeeperFieldValue> values) {

    public KeeperField {
        Objects.requireNonNull(type, "type");
        label = label == null || label.isBlank() ? null : label.strip();
        values = List.copyOf(values);
    }

    public Optional<String> labelIfAny() {
        return Optional.ofNullable(label);
    }

    /** The first value, if the field has one. */
    public Optional<KeeperFieldValue> first() {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean hasType(String wanted) {
        return type.equalsIgnoreCase(wanted);
    }

    public boolean hasLabel(String wanted) {
        return label != null && label.equalsIgnoreCase(wanted);
    }

    /** Names and value count only, never values. */
    @Override
    public String toString() {
        return type + (label == null ? "" : "(" + label + ")") + "[" + values.size() + "]";
    }
}
