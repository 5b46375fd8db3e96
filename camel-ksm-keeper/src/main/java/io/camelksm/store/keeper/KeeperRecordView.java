package io.camelksm.store.keeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import io.camelksm.credential.Secret;

/**
 * Our view of one decrypted Keeper record, independent of the SDK's types: UID, title, record type, revision, the
 * standard fields ({@code fields}), the custom fields ({@code custom}) and the notes. Field values are
 * {@link Secret}s; {@link #toString()} shows names only.
 *
 * @param uid      the record UID (22 characters, URL-safe Base64)
 * @param title    the record title (not secret; used as the credential's description)
 * @param type     the Keeper record type: {@code login}, {@code serverCredentials}, {@code general}, ...
 * @param revision the record revision; the credential's version
 * @param fields   the standard fields of the record type, in order
 * @param custom   the custom fields, in order
 * @param notes    the notes, or null
 */
public record KeeperRecordView(String uid, String title, String type, long revision, List<KeeperField> fields,
                               List<KeeperField> custom, Secret notes) {

    public KeeperRecordView {
        Objects.requireNonNull(uid, "uid");
        title = title == null ? "" : title;
        type = type == null ? "" : type;
        fields = List.copyOf(fields);
        custom = List.copyOf(custom);
    }

    /** The first standard field of that Keeper field type (case-insensitive), e.g. {@code login}. */
    public Optional<KeeperField> standardField(String fieldType) {
        return first(fields, f -> f.hasType(fieldType));
    }

    /** The first custom field with that label (case-insensitive). */
    public Optional<KeeperField> customField(String label) {
        return first(custom, f -> f.hasLabel(label));
    }

    public Optional<Secret> notesIfAny() {
        return Optional.ofNullable(notes);
    }

    private static Optional<KeeperField> first(List<KeeperField> from, Predicate<KeeperField> test) {
        return from.stream().filter(test).findFirst();
    }

    /**
     * A deep copy in which the first value of the first standard {@code password} field is the given one (the caller's
     * instance is not kept): the record as it is after a password update.
     */
    public KeeperRecordView withStandardPassword(Secret newPassword) {
        List<KeeperField> copied = new ArrayList<>(fields.size());
        boolean replaced = false;
        for (KeeperField f : fields) {
            List<KeeperFieldValue> values = new ArrayList<>(f.values().size());
            f.values().forEach(v -> values.add(v.copy()));
            if (!replaced && f.hasType("password")) {
                KeeperFieldValue value = KeeperFieldValue.text(Secret.of(newPassword.chars()));
                if (values.isEmpty()) {
                    values.add(value);
                } else {
                    values.set(0, value).destroy();
                }
                replaced = true;
            }
            copied.add(new KeeperField(f.type(), f.label(), values));
        }
        if (!replaced) {
            throw new KeeperStoreException("Keeper record '" + uid + "' has no standard password field");
        }
        List<KeeperField> customCopy = new ArrayList<>(custom.size());
        for (KeeperField f : custom) {
            customCopy.add(new KeeperField(f.type(), f.label(), f.values().stream().map(KeeperFieldValue::copy)
                    .toList()));
        }
        return new KeeperRecordView(uid, title, type, revision, copied, customCopy,
                notes == null ? null : Secret.of(notes.chars()));
    }

    /** Wipes every value this view holds. */
    public void destroy() {
        fields.forEach(f -> f.values().forEach(KeeperFieldValue::destroy));
        custom.forEach(f -> f.values().forEach(KeeperFieldValue::destroy));
        if (notes != null) {
            notes.destroy();
        }
    }

    /** UID, title, type, revision and field names: no values. */
    @Override
    public String toString() {
        return "KeeperRecord[uid=" + uid + ", title=" + title + ", type=" + type + ", revision=" + revision
               + ", fields=" + fields + ", custom=" + custom + "]";
    }
}
