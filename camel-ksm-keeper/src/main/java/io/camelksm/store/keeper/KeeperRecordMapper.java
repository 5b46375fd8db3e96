package io.camelksm.store.keeper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/**
 * Turns a Keeper record into a credential, by these conventions:
 * <ol>
 * <li><b>Type</b>: the mapping's type ({@code keeper.credentials.<name>.type}), else the record's custom field
 * {@value #TYPE_LABEL} (e.g. {@code OAUTH2_CLIENT_CREDENTIALS}), else BASIC for a {@code login} record or any record
 * with standard {@code login} and {@code password} fields. A reference to one value
 * ({@code keeper://UID/field/password}) always makes a BEARER credential whose token is that value.</li>
 * <li><b>Fields</b>: each field of the type is taken from the custom field labelled with the camel-ksm field name
 * (case-insensitive: {@code username}, {@code password}, {@code token}, {@code clientId}, {@code clientSecret},
 * {@code tokenUrl}, {@code scope}, {@code audience}, {@code clientAuthenticationMethod}, {@code issuer},
 * {@code subject}, {@code privateKey}, {@code keyId}, {@code algorithm}, {@code assertionLifetime}, {@code target}),
 * else from the standard Keeper field in {@link #STANDARD_SOURCES}: username, clientId and issuer from {@code login};
 * password, token and clientSecret from {@code password}; tokenUrl and target from {@code url}; privateKey from the
 * {@code privateKey} part of a {@code keyPair} field. Empty values count as missing.</li>
 * <li><b>Properties</b>: every other labelled custom field becomes an additional property named after its label
 * (characters other than letters, digits, {@code . _ -} become {@code _}); fields of hidden types ({@code secret},
 * {@code password}, {@code pinCode}, {@code keyPair}, ...) become secret properties. Labels starting with
 * {@value #RESERVED_PREFIX} are reserved.</li>
 * <li><b>Expiry</b>: the custom field {@value #EXPIRES_AT_LABEL} (an ISO-8601 instant or date, or a Keeper
 * {@code date} field) sets the credential's expiry.</li>
 * <li>The record title becomes the description, its revision the version.</li>
 * </ol>
 * A missing required field fails with a {@link KeeperRecordMappingException} naming the record UID, the credential and
 * the field, never a value.
 */
public final class KeeperRecordMapper {

    public static final String RESERVED_PREFIX = "ksm.";
    public static final String TYPE_LABEL = "ksm.type";
    public static final String EXPIRES_AT_LABEL = "ksm.expiresAt";

    /** The standard Keeper field a credential field falls back to when no custom field carries its name. */
    public static final Map<CredentialField, String> STANDARD_SOURCES = standardSources();

    private static Map<CredentialField, String> standardSources() {
        Map<CredentialField, String> m = new EnumMap<>(CredentialField.class);
        m.put(CredentialField.USERNAME, "login");
        m.put(CredentialField.CLIENT_ID, "login");
        m.put(CredentialField.ISSUER, "login");
        m.put(CredentialField.PASSWORD, "password");
        m.put(CredentialField.TOKEN, "password");
        m.put(CredentialField.CLIENT_SECRET, "password");
        m.put(CredentialField.TOKEN_URL, "url");
        m.put(CredentialField.TARGET, "url");
        m.put(CredentialField.PRIVATE_KEY, "keyPair");
        return Collections.unmodifiableMap(m);
    }

    /**
     * The credential a record holds under that mapping. The credential's secrets are fresh copies the caller owns.
     *
     * @throws KeeperRecordMappingException if the record does not fit
     */
    public Credential map(KeeperCredentialMapping mapping, KeeperRecordView record) {
        if (mapping.ref().selector() != null) {
            return mapSingleValue(mapping, record);
        }
        CredentialType type = typeOf(mapping, record);
        Credential.Builder b = Credential.builder(mapping.name(), type).description(record.title())
                .version(record.revision());
        Set<KeeperField> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Secret> temporary = new ArrayList<>();
        List<Secret> handedOver = new ArrayList<>();
        boolean built = false;
        try {
            for (CredentialField field : fieldsOf(type)) {
                Optional<Source> source = source(record, field, standardFallback(type, field));
                if (source.isEmpty()) {
                    if (type.requiredFields().contains(field)) {
                        throw missing(mapping, record, type, field);
                    }
                    continue;
                }
                consumed.add(source.get().field());
                Secret value = source.get().value();
                if (field.isSecret()) {
                    handedOver.add(value);
                    b.secret(field, value);
                } else {
                    temporary.add(value);
                    b.field(field, value.reveal());
                }
            }
            expiry(mapping, record).ifPresent(b::expiresAt);
            KeeperRecordProperties.add(b, record, consumed, handedOver);
            Credential credential = b.build();
            built = true;
            return credential;
        } finally {
            temporary.forEach(Secret::destroy);
            if (!built) {
                handedOver.forEach(Secret::destroy);
            }
        }
    }

    /**
     * Whether the value of a credential field is the record's standard {@code password} field, which is what a
     * password update changes.
     */
    boolean comesFromStandardPassword(KeeperCredentialMapping mapping, KeeperRecordView record,
                                      CredentialField field) {
        KeeperNotation selector = mapping.ref().selector();
        if (selector != null) {
            return field == CredentialField.TOKEN && selector.section() == KeeperNotation.Section.FIELD
                   && selector.name().equalsIgnoreCase("password") && record.standardField("password").isPresent()
                   && selector.index() == null && selector.property() == null;
        }
        Optional<Source> source = source(record, field, standardFallback(typeOf(mapping, record), field));
        source.ifPresent(s -> s.value().destroy());
        return source.isPresent() && !source.get().custom() && source.get().field().hasType("password");
    }

    private Credential mapSingleValue(KeeperCredentialMapping mapping, KeeperRecordView record) {
        Secret token;
        try {
            token = mapping.ref().selector().resolve(record);
        } catch (KeeperRecordMappingException e) {
            throw new KeeperRecordMappingException("Credential '" + mapping.name() + "' (BEARER): " + e.getMessage());
        }
        if (token.isEmpty()) {
            token.destroy();
            throw new KeeperRecordMappingException("Credential '" + mapping.name() + "' (BEARER): Keeper record '"
                                                   + record.uid() + "': '" + mapping.ref().selector()
                                                   + "' is empty");
        }
        Credential.Builder b = Credential.builder(mapping.name(), CredentialType.BEARER).description(record.title())
                .version(record.revision()).secret(CredentialField.TOKEN, token);
        expiry(mapping, record).ifPresent(b::expiresAt);
        return b.build();
    }

    CredentialType typeOf(KeeperCredentialMapping mapping, KeeperRecordView record) {
        if (mapping.ref().selector() != null) {
            return CredentialType.BEARER;
        }
        if (mapping.type() != null) {
            return mapping.type();
        }
        Optional<String> declared = customText(record, TYPE_LABEL);
        if (declared.isPresent()) {
            try {
                return CredentialType.parse(declared.get());
            } catch (IllegalArgumentException e) {
                throw new KeeperRecordMappingException("Credential '" + mapping.name() + "': Keeper record '"
                                                       + record.uid() + "' has custom field '" + TYPE_LABEL + "' = '"
                                                       + declared.get().strip() + "', which is no credential type;"
                                                       + " one of " + CredentialType.names());
            }
        }
        if (record.type().equalsIgnoreCase("login")
            || record.standardField("login").isPresent() && record.standardField("password").isPresent()) {
            return CredentialType.BASIC;
        }
        throw new KeeperRecordMappingException("Credential '" + mapping.name() + "': Keeper record '" + record.uid()
                                               + "' (record type '" + record.type() + "') is not a login record and"
                                               + " has no custom field '" + TYPE_LABEL + "': add that field or set"
                                               + " keeper.credentials." + mapping.name() + ".type");
    }

    private static List<CredentialField> fieldsOf(CredentialType type) {
        List<CredentialField> out = new ArrayList<>(type.requiredFields());
        out.addAll(type.optionalFields());
        return out;
    }

    /** A value found for a credential field: its copy, and the Keeper field it came from. */
    private record Source(KeeperField field, boolean custom, Secret value) {
    }

    /**
     * Whether a field may fall back to a standard Keeper field. Not the optional client authentication of a JWT bearer
     * credential: its login is the issuer and its password field was never read, so only fields labelled clientId and
     * clientSecret count (a record's login must not start sending a client_id).
     */
    private static boolean standardFallback(CredentialType type, CredentialField field) {
        return type != CredentialType.OAUTH2_JWT_BEARER
               || field != CredentialField.CLIENT_ID && field != CredentialField.CLIENT_SECRET;
    }

    private static Optional<Source> source(KeeperRecordView record, CredentialField field, boolean standardFallback) {
        for (KeeperField custom : record.custom()) {
            if (custom.hasLabel(field.fieldName())) {
                Optional<Secret> value = valueOf(custom, field);
                if (value.isPresent()) {
                    return Optional.of(new Source(custom, true, value.get()));
                }
            }
        }
        String standard = standardFallback ? STANDARD_SOURCES.get(field) : null;
        if (standard != null) {
            for (KeeperField f : record.fields()) {
                if (f.hasType(standard)) {
                    Optional<Secret> value = valueOf(f, field);
                    if (value.isPresent()) {
                        return Optional.of(new Source(f, false, value.get()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first value, as a fresh copy; for a complex value the part a private key lives in. Empty if blank. */
    private static Optional<Secret> valueOf(KeeperField field, CredentialField wanted) {
        for (KeeperFieldValue v : field.values()) {
            Optional<Secret> found = v.isComplex()
                    ? (wanted == CredentialField.PRIVATE_KEY ? v.part("privateKey") : Optional.empty())
                    : v.asText();
            if (found.isPresent() && !found.get().isEmpty()) {
                return Optional.of(Secret.of(found.get().chars()));
            }
        }
        return Optional.empty();
    }

    private static KeeperRecordMappingException missing(KeeperCredentialMapping mapping, KeeperRecordView record,
                                                        CredentialType type, CredentialField field) {
        String standard = STANDARD_SOURCES.get(field);
        return new KeeperRecordMappingException("Credential '" + mapping.name() + "' (" + type + "): Keeper record '"
                                                + record.uid() + "' has no value for '" + field.fieldName()
                                                + "': expected a custom field labelled '" + field.fieldName() + "'"
                                                + (standard == null ? "" : " or a standard '" + standard + "' field"));
    }

    private static Optional<Instant> expiry(KeeperCredentialMapping mapping, KeeperRecordView record) {
        Optional<String> text = customText(record, EXPIRES_AT_LABEL);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get().strip();
        try {
            if (t.chars().allMatch(Character::isDigit)) {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(t))); // a Keeper date field
            }
            if (t.length() == 10) {
                return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new KeeperRecordMappingException("Credential '" + mapping.name() + "': Keeper record '"
                                                   + record.uid() + "' has custom field '" + EXPIRES_AT_LABEL
                                                   + "' that is no ISO-8601 instant or date");
        }
    }

    /** A reserved custom field's value as text (not secret: a type name, a date). */
    private static Optional<String> customText(KeeperRecordView record, String label) {
        return record.customField(label).flatMap(KeeperField::first).flatMap(KeeperFieldValue::asText)
                .map(Secret::reveal).filter(s -> !s.isBlank());
    }
}
