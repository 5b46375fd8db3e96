package io.camelksm.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code credential update NAME}: changes only what is given. The change is applied to the version read just before,
 * so a concurrent change makes it fail instead of being overwritten.
 */
@Command(name = "update", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Changes a credential: only the options given; everything else stays as it is.",
                 "A concurrent change by someone else makes this fail (re-run it to apply it to the new version).",
                 "", CredentialOptions.SECRET_ORDER_HELP },
         footer = { "", "Example (rotate a password):",
                 "  printf '%%s\\n' \"$NEW_PASSWORD\" | ksm-admin credential update ExampleApi"
                 + " --secret-from-stdin password" })
final class UpdateCredentialCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential to change.")
    String name;

    @Mixin
    CredentialOptions options;

    @Mixin
    RefusedSecretOptions refusedSecrets;

    @Option(names = "--valid", description = "Mark the credential valid again (undoes --invalid).")
    boolean valid;

    @Option(names = "--no-expiry", description = "Remove the expiry.")
    boolean noExpiry;

    @Option(names = "--clear-field", paramLabel = "FIELD", description = "Remove an optional non-secret field.")
    List<String> clearFields = new ArrayList<>();

    @Option(names = "--remove-property", paramLabel = "NAME", description = "Remove a property. Repeatable.")
    List<String> removeProperties = new ArrayList<>();

    @Override
    void execute() {
        CredentialName credentialName = credentialName(name);
        if (options.isEmpty() && !valid && !noExpiry && clearFields.isEmpty() && removeProperties.isEmpty()) {
            throw new UserInputException("Nothing to change for '" + credentialName + "': give at least one option"
                                         + " (see --help)");
        }
        if (valid && options.invalid) {
            throw new UserInputException("--valid and --invalid contradict each other");
        }
        if (noExpiry && options.expires != null) {
            throw new UserInputException("--expires and --no-expiry contradict each other");
        }
        try (AdminSession session = application().openSession()) {
            // the version read here is the one the update must still find (optimistic locking)
            Credential current = session.credentials().inspect(credentialName)
                    .orElseThrow(() -> new CredentialNotFoundException(credentialName));
            Credential changed = null;
            try {
                changed = apply(current);
                Credential updated = session.credentials().update(changed, session.admin());
                out().println("Updated credential '" + updated.name() + "' (version " + updated.version() + ").");
                updated.destroySecrets();
            } finally {
                current.destroySecrets();
                if (changed != null) {
                    changed.destroySecrets();
                }
            }
        }
    }

    private Credential apply(Credential current) {
        Map<CredentialField, String> fields = options.nonSecretFields(current.type());
        List<CredentialField> secrets = options.secretFieldsToRead(current.type(), List.of());
        Credential.Builder builder = current.toBuilder();
        if (options.description != null) {
            builder.description(options.description);
        }
        fields.forEach(builder::field);
        for (String fieldName : clearFields) {
            CredentialField field = CredentialField.byName(fieldName)
                    .orElseThrow(() -> new UserInputException("Unknown field '" + fieldName.strip() + "' in --clear-field"));
            CredentialFieldOptions.checkAllowed(current.type(), field);
            if (current.type().requiredFields().contains(field)) {
                throw new UserInputException("Field '" + field.fieldName() + "' is required for a " + current.type()
                                             + " credential and cannot be cleared");
            }
            builder.value(field, null);
        }
        for (String property : removeProperties) {
            if (current.property(property.strip()).isEmpty()) {
                throw new UserInputException("Credential '" + current.name() + "' has no property '"
                                             + property.strip() + "'");
            }
            builder.removeProperty(property.strip());
        }
        options.plainProperties().forEach(builder::property);
        if (options.expires != null) {
            builder.expiresAt(options.expires);
        }
        if (noExpiry) {
            builder.expiresAt(null);
        }
        if (options.invalid && !current.isInvalid()) {
            builder.invalidSince(Instant.now());
        }
        if (valid) {
            builder.invalidSince(null);
        }
        options.readSecrets(application().secrets(), current.name(), secrets, builder);
        Credential changed = builder.build();
        try {
            application().secrets().requireAllRead("Name each secret to change with --secret-from-stdin FIELD or"
                                                   + " --secret-property NAME.");
        } catch (RuntimeException e) {
            // only the values read now are ours to wipe: the rest are the current credential's
            secrets.forEach(f -> changed.secret(f).ifPresent(Secret::destroy));
            options.secretPropertyNames().forEach(p -> changed.property(p).ifPresent(v -> v.value().destroy()));
            throw e;
        }
        return changed;
    }
}
