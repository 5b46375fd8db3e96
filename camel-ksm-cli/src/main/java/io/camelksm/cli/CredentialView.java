package io.camelksm.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;

import io.camelksm.access.AccessRights;
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
        out.println("access rights (all three must allow a caller):");
        item(out, "roles", rights.roles().toString());
        item(out, "processes", rights.processes().toString());
        item(out, "resources", rights.resources().toString());
    }

    private static void line(PrintWriter out, String key, String value) {
        out.printf("%-12s %s%n", key + ":", value);
    }

    private static void item(PrintWriter out, String key, String value) {
        out.printf("  %-26s %s%n", key + ":", value);
    }
}
