package io.camelksm.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;

import io.camelksm.access.AccessRights;
import io.camelksm.access.Dimension;
import io.camelksm.access.Restriction;
import io.camelksm.access.Restrictions;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;

/**
 * How {@code ksm-admin} shows credentials: metadata, non-secret fields and property names, never a secret value (secret
 * fields and secret properties are listed by name with a mask).
 */
final class CredentialView {

    static final String MASK = "******";

    private CredentialView() {
    }

    /** ok, expired or invalid, with the moment it started. */
    static String status(Credential credential, Instant now) {
        if (credential.isInvalid()) {
            return "invalid since " + credential.invalidSince().orElseThrow();
        }
        if (credential.isExpired(now)) {
            return "expired at " + credential.expiresAt().orElseThrow();
        }
        return "ok";
    }

    static void show(Credential credential, AccessRights rights, Instant now, PrintWriter out) {
        line(out, "name", credential.name().value());
        line(out, "type", credential.type().name());
        line(out, "description", credential.description().isEmpty() ? "-" : credential.description());
        line(out, "status", status(credential, now));
        line(out, "expires", credential.expiresAt().map(Instant::toString).orElse("never"));
        line(out, "version", Long.toString(credential.version()));
        line(out, "updated", credential.updatedAt().map(Instant::toString).orElse("-"));
        out.println("fields:");
        for (CredentialField field : CredentialField.values()) {
            if (credential.field(field).isPresent()) {
                item(out, field.fieldName(), credential.field(field).get());
            } else if (credential.secret(field).isPresent()) {
                item(out, field.fieldName(), MASK + " (secret)");
            }
        }
        out.println("properties:" + (credential.properties().isEmpty() ? " none" : ""));
        for (Map.Entry<String, CredentialProperty> p : credential.properties().entrySet()) {
            CredentialProperty property = p.getValue();
            item(out, p.getKey(), property.secret() ? MASK + " (secret)" : property.value().reveal());
        }
        rights(rights, out);
    }

    /**
     * Both rights, one granted value per line and quoted, so that neither a comma in a value nor the two rights can
     * be misread.
     */
    static void rights(AccessRights rights, PrintWriter out) {
        out.println("read right (authorize, get; role, process and resource must all allow a caller):");
        restrictions(out, rights.read());
        out.println("write right (set, setProperty; role, process and resource must all allow a caller):");
        restrictions(out, rights.write());
        item(out, "route writes may change", rights.routeMetadataWrites()
                ? "secret values, expiry, non-secret fields and plain properties"
                : "secret values and expiry only");
    }

    private static void restrictions(PrintWriter out, Restrictions restrictions) {
        for (Dimension dimension : Dimension.values()) {
            Restriction restriction = restrictions.of(dimension);
            String key = dimension == Dimension.PROCESS ? "processes" : dimension.label() + "s";
            if (restriction.any()) {
                item(out, key, "any ('" + Restriction.ANY_WORD + "')");
            } else if (restriction.allowed().isEmpty()) {
                item(out, key, "nobody");
            } else {
                String first = key;
                for (String value : restriction.allowed()) {
                    item(out, first, "'" + value + "'");
                    first = "";
                }
            }
        }
    }

    private static void line(PrintWriter out, String key, String value) {
        out.printf("%-12s %s%n", key + ":", value);
    }

    private static void item(PrintWriter out, String key, String value) {
        out.printf("  %-26s %s%n", key.isEmpty() ? "" : key + ":", value); // no key: a further value of the last
    }
}
