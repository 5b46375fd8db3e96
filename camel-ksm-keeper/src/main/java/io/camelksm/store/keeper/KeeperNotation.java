package io.camelksm.store.keeper;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.camelksm.credential.Secret;

/**
 * The part of a Keeper notation after the record UID, selecting one value of a record: {@code field/<type>},
 * {@code custom_field/<label>}, {@code title}, {@code type} or {@code notes}, optionally followed by a value index
 * {@code [0]} and/or a part name {@code [privateKey]}. Resolved locally against a record already fetched, as the
 * SDK's own {@code Notation.getValue} does, so it costs no call to Keeper.
 *
 * @param section  which part of the record
 * @param name     the field type ({@code field}: first by type, then by label) or label ({@code custom_field}: first
 *                 by label, then by type); null for title, type and notes
 * @param index    which value of the field; null for the first
 * @param property which part of a complex value (keyPair, host, name, ...); null for plain text
 */
public record KeeperNotation(Section section, String name, Integer index, String property) {

    /** The parts of a record a notation can select. */
    public enum Section {
        FIELD("field"), CUSTOM_FIELD("custom_field"), TITLE("title"), TYPE("type"), NOTES("notes");

        private final String word;

        Section(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Optional<Section> of(String word) {
            for (Section s : values()) {
                if (s.word.equals(word.toLowerCase(Locale.ROOT))) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }

        boolean hasName() {
            return this == FIELD || this == CUSTOM_FIELD;
        }
    }

    public KeeperNotation {
        Objects.requireNonNull(section, "section");
        if (section.hasName() && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("Keeper notation '" + section.word() + "' needs a field name");
        }
        if (index != null && index < 0) {
            throw new IllegalArgumentException("Keeper notation index must not be negative: " + index);
        }
    }

    public static KeeperNotation field(String type) {
        return new KeeperNotation(Section.FIELD, type, null, null);
    }

    public static KeeperNotation customField(String label) {
        return new KeeperNotation(Section.CUSTOM_FIELD, label, null, null);
    }

    /**
     * The selected value, as a fresh {@link Secret} the caller owns.
     *
     * @throws KeeperRecordMappingException naming the record UID and this notation when it selects nothing
     */
    public Secret resolve(KeeperRecordView record) {
        return switch (section) {
            case TITLE -> Secret.of(record.title());
            case TYPE -> Secret.of(record.type());
            case NOTES -> record.notesIfAny().map(n -> Secret.of(n.chars()))
                    .orElseThrow(() -> miss(record, "the record has no notes"));
            case FIELD -> fromField(record, find(record.fields(), true)
                    .orElseThrow(() -> miss(record, "the record has no standard field of type or label '" + name
                                                    + "'")));
            case CUSTOM_FIELD -> fromField(record, find(record.custom(), false)
                    .orElseThrow(() -> miss(record, "the record has no custom field labelled '" + name + "'")));
        };
    }

    private Optional<KeeperField> find(List<KeeperField> fields, boolean typeFirst) {
        Optional<KeeperField> byType = fields.stream().filter(f -> f.hasType(name)).findFirst();
        Optional<KeeperField> byLabel = fields.stream().filter(f -> f.hasLabel(name)).findFirst();
        return typeFirst ? byType.or(() -> byLabel) : byLabel.or(() -> byType);
    }

    private Secret fromField(KeeperRecordView record, KeeperField field) {
        int i = index == null ? 0 : index;
        if (i >= field.values().size()) {
            throw miss(record, field.values().isEmpty() ? "the field is empty"
                    : "the field has " + field.values().size() + " value(s), no index " + i);
        }
        KeeperFieldValue value = field.values().get(i);
        if (property != null) {
            return value.part(property).map(p -> Secret.of(p.chars())).orElseThrow(() -> miss(record,
                    "the value has no part '" + property + "' (parts: " + value.parts().keySet() + ")"));
        }
        if (value.isComplex()) {
            throw miss(record, "the value has parts " + value.parts().keySet() + ": select one, e.g. "
                               + this.withProperty(value.parts().keySet().stream().findFirst().orElse("part")));
        }
        return Secret.of(value.asText().orElseThrow().chars());
    }

    private KeeperNotation withProperty(String part) {
        return new KeeperNotation(section, name, index, part);
    }

    private KeeperRecordMappingException miss(KeeperRecordView record, String why) {
        return new KeeperRecordMappingException("Keeper record '" + record.uid() + "': '" + this + "' selects nothing: "
                                                + why);
    }

    /** The notation text after the UID, e.g. {@code field/keyPair[0][privateKey]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(section.word());
        if (section.hasName()) {
            out.append('/').append(escape(name));
        }
        if (index != null) {
            out.append('[').append(index).append(']');
        }
        if (property != null) {
            out.append('[').append(escape(property)).append(']');
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '/' || c == '[' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
