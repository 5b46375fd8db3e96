package io.camelksm.credential;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A named credential: its type, its fields (secret ones as {@link Secret}), additional properties, an optional expiry
 * and an invalid flag. Immutable; {@link #toBuilder()} makes a changed copy. {@link #version()} is the optimistic-lock
 * version the store last saw (0 for a credential not stored yet).
 */
public final class Credential {

    private final CredentialName name;
    private final CredentialType type;
    private final String description;
    private final Map<CredentialField, String> fields;
    private final Map<CredentialField, Secret> secrets;
    private final Map<String, CredentialProperty> properties;
    private final Instant expiresAt;
    private final Instant invalidSince;
    private final long version;
    private final Instant updatedAt;

    private Credential(Builder b) {
        this.name = Objects.requireNonNull(b.name, "credential name");
        this.type = Objects.requireNonNull(b.type, "credential type");
        this.description = b.description == null ? "" : b.description;
        this.fields = Collections.unmodifiableMap(copy(b.fields));
        this.secrets = Collections.unmodifiableMap(copy(b.secrets));
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.expiresAt = b.expiresAt;
        this.invalidSince = b.invalidSince;
        this.version = b.version;
        this.updatedAt = b.updatedAt;
        for (CredentialField required : type.requiredFields()) {
            if (!fields.containsKey(required) && !secrets.containsKey(required)) {
                throw new IllegalArgumentException("Credential '" + name + "' of type " + type
                        + " needs the field '" + required.fieldName() + "'");
            }
        }
    }

    private static <V> EnumMap<CredentialField, V> copy(Map<CredentialField, V> source) {
        return source.isEmpty() ? new EnumMap<>(CredentialField.class) : new EnumMap<>(source);
    }

    public static Builder builder(String name, CredentialType type) {
        return builder(CredentialName.of(name), type);
    }

    public static Builder builder(CredentialName name, CredentialType type) {
        Builder b = new Builder();
        b.name = name;
        b.type = type;
        return b;
    }

    public CredentialName name() {
        return name;
    }

    public CredentialType type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** A non-secret field, such as the username or token URL. */
    public Optional<String> field(CredentialField field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** A secret field, such as the password or client secret. */
    public Optional<Secret> secret(CredentialField field) {
        return Optional.ofNullable(secrets.get(field));
    }

    /** The non-secret fields. */
    public Map<CredentialField, String> fields() {
        return fields;
    }

    /** The secret fields. */
    public Map<CredentialField, Secret> secrets() {
        return secrets;
    }

    public Optional<CredentialProperty> property(String propertyName) {
        return Optional.ofNullable(properties.get(propertyName));
    }

    /** Additional properties by name, in the order they were added. */
    public Map<String, CredentialProperty> properties() {
        return properties;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** When the credential was marked invalid, if it was. */
    public Optional<Instant> invalidSince() {
        return Optional.ofNullable(invalidSince);
    }

    public boolean isInvalid() {
        return invalidSince != null;
    }

    public long version() {
        return version;
    }

    public Optional<Instant> updatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    /**
     * Fails with {@link CredentialUnavailableException} when the credential is expired or marked invalid, so it is never
     * handed out.
     */
    public Credential requireUsable(Instant now) {
        if (invalidSince != null) {
            throw new CredentialUnavailableException(name,
                    "Credential '" + name + "' is marked invalid since " + invalidSince);
        }
        if (isExpired(now)) {
            throw new CredentialUnavailableException(name, "Credential '" + name + "' expired at " + expiresAt);
        }
        return this;
    }

    public Builder toBuilder() {
        Builder b = builder(name, type);
        b.description = description;
        b.fields.putAll(fields);
        b.secrets.putAll(secrets);
        b.properties.putAll(properties);
        b.expiresAt = expiresAt;
        b.invalidSince = invalidSince;
        b.version = version;
        b.updatedAt = updatedAt;
        return b;
    }

    /** Wipes every secret this credential holds. */
    public void destroySecrets() {
        secrets.values().forEach(Secret::destroy);
        properties.values().stream().filter(CredentialProperty::secret).forEach(p -> p.value().destroy());
    }

    /** Names and non-secret values only: secret fields and secret properties are masked. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "Credential[", "]");
        out.add("name=" + name).add("type=" + type).add("version=" + version);
        fields.forEach((f, v) -> out.add(f.fieldName() + "=" + v));
        secrets.keySet().forEach(f -> out.add(f.fieldName() + "=******"));
        properties.values().forEach(p -> out.add("property " + p));
        if (expiresAt != null) {
            out.add("expiresAt=" + expiresAt);
        }
        if (invalidSince != null) {
            out.add("invalidSince=" + invalidSince);
        }
        return out.toString();
    }

    public static final class Builder {
        private CredentialName name;
        private CredentialType type;
        private String description;
        private final Map<CredentialField, String> fields = new EnumMap<>(CredentialField.class);
        private final Map<CredentialField, Secret> secrets = new EnumMap<>(CredentialField.class);
        private final Map<String, CredentialProperty> properties = new LinkedHashMap<>();
        private Instant expiresAt;
        private Instant invalidSince;
        private long version;
        private Instant updatedAt;

        private Builder() {
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets a non-secret field; a null value removes it. */
        public Builder field(CredentialField field, String value) {
            checkAllowed(field);
            if (field.isSecret()) {
                throw new IllegalArgumentException("Field '" + field.fieldName() + "' is secret: set it as a Secret");
            }
            if (value == null) {
                fields.remove(field);
            } else {
                fields.put(field, value);
            }
            return this;
        }

        /** Sets a secret field; a null value removes it. */
        public Builder secret(CredentialField field, Secret value) {
            checkAllowed(field);
            if (!field.isSecret()) {
                throw new IllegalArgumentException("Field '" + field.fieldName() + "' is not secret: set it as text");
            }
            if (value == null) {
                secrets.remove(field);
            } else {
                secrets.put(field, value);
            }
            return this;
        }

        /** Sets a field by name, as text: secret fields are wrapped in a {@link Secret}. */
        public Builder value(CredentialField field, String value) {
            return field.isSecret() ? secret(field, value == null ? null : Secret.of(value)) : field(field, value);
        }

        public Builder property(CredentialProperty property) {
            properties.put(property.name(), property);
            return this;
        }

        public Builder removeProperty(String propertyName) {
            properties.remove(propertyName);
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Marks the credential invalid from the given instant, or valid again with null. */
        public Builder invalidSince(Instant invalidSince) {
            this.invalidSince = invalidSince;
            return this;
        }

        /** For stores: the optimistic-lock version read from storage. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** For stores: when the stored row was last written. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        private void checkAllowed(CredentialField field) {
            if (!type.allows(field)) {
                throw new IllegalArgumentException("A " + type + " credential has no field '" + field.fieldName()
                        + "'; allowed: " + type.requiredFields() + " " + type.optionalFields());
            }
        }

        public Credential build() {
            return new Credential(this);
        }
    }
}
