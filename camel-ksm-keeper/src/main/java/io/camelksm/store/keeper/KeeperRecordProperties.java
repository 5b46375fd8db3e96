package io.camelksm.store.keeper;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.Secret;

/**
 * The additional properties of a credential mapped from a Keeper record ({@link KeeperRecordMapper}): every other
 * labelled custom field, named after its label (characters other than letters, digits, {@code . _ -} become
 * {@code _}); fields of hidden types become secret properties, a complex value becomes a JSON object of its parts.
 */
final class KeeperRecordProperties {

    /** Keeper field types whose values are hidden in Keeper's own UI: they become secret properties. */
    static final Set<String> HIDDEN_TYPES = Set.of("secret", "password", "pincode", "onetimecode", "otp", "keypair",
            "privatekey", "securityquestion", "bankaccount", "paymentcard", "licensenumber", "accountnumber",
            "passkey", "pamhostname");

    // logged under the mapper, whose conventions these are
    private static final Logger LOG = LoggerFactory.getLogger(KeeperRecordMapper.class);

    private KeeperRecordProperties() {
    }

    /**
     * Adds a property for each labelled custom field not consumed as a credential field and not reserved; the values
     * go to {@code owned}, for the caller to wipe if the credential is never built.
     */
    static void add(Credential.Builder b, KeeperRecordView record, Set<KeeperField> consumed, List<Secret> owned) {
        Set<String> names = new HashSet<>();
        for (KeeperField custom : record.custom()) {
            if (consumed.contains(custom) || custom.label() == null
                || custom.label().toLowerCase(Locale.ROOT).startsWith(KeeperRecordMapper.RESERVED_PREFIX)) {
                continue;
            }
            Optional<String> name = propertyName(custom.label());
            Optional<KeeperFieldValue> first = custom.first();
            if (name.isEmpty() || first.isEmpty() || !names.add(name.get().toLowerCase(Locale.ROOT))) {
                LOG.debug("Keeper record '{}': custom field '{}' is not made a property (no usable name, no value,"
                          + " or a duplicate name)", record.uid(), custom.label());
                continue;
            }
            Secret value = propertyValue(first.get());
            owned.add(value);
            boolean hidden = HIDDEN_TYPES.contains(custom.type().toLowerCase(Locale.ROOT));
            b.property(hidden ? CredentialProperty.secret(name.get(), value)
                    : new CredentialProperty(name.get(), value, false));
        }
    }

    private static Secret propertyValue(KeeperFieldValue value) {
        if (!value.isComplex()) {
            return Secret.of(value.asText().orElseThrow().chars());
        }
        // a complex value as a JSON object of its parts
        StringBuilder json = new StringBuilder("{");
        value.parts().forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(k)).append(':').append(quote(v.reveal()));
        });
        return Secret.of(json.append('}').toString());
    }

    private static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }

    static Optional<String> propertyName(String label) {
        String name = label.strip().replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[._-]+", "");
        if (name.length() > 64) {
            name = name.substring(0, 64);
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
