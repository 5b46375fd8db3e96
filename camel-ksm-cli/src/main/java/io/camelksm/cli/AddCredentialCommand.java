package io.camelksm.cli;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code credential add}: stores a new credential; nobody may use it until it is granted. */
@Command(name = "add", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Stores a new credential. Nobody may use it until roles, processes and resources are granted.",
                 "", CredentialOptions.SECRET_ORDER_HELP,
                 "Without --secret-from-stdin the type's required secret fields are read: password (GENERAL,"
                 + " BASIC, DATA_GATEWAY), token (BEARER), privateKey (OAUTH2_JWT_BEARER); OAUTH2_CLIENT_CREDENTIALS"
                 + " needs --secret-from-stdin clientSecret (or privateKey)." },
         footer = { "", "Example:",
                 "  printf '%%s\\n' \"$PASSWORD\" | ksm-admin credential add --name ExampleApi --type basic"
                 + " --username Aladdin" })
final class AddCredentialCommand extends AdminCommand {

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Unique name (case-insensitive): letters, digits, spaces and . _ - @ /")
    String name;

    @Option(names = "--type", required = true, paramLabel = "TYPE", converter = CredentialTypeConverter.class,
            description = "GENERAL, BASIC, BEARER, OAUTH2_CLIENT_CREDENTIALS, OAUTH2_JWT_BEARER or DATA_GATEWAY"
                          + " (any case, '-' for '_')")
    CredentialType type;

    @Mixin
    CredentialOptions options;

    @Override
    void execute() {
        CredentialName credentialName = credentialName(name);
        Map<CredentialField, String> fields = options.nonSecretFields(type);
        List<CredentialField> secrets = options.secretFieldsToRead(type, requiredSecrets(type));
        checkComplete(fields, secrets);

        Credential.Builder builder = Credential.builder(credentialName, type).description(options.description);
        fields.forEach(builder::field);
        options.plainProperties().forEach(builder::property);
        builder.expiresAt(options.expires);
        if (options.invalid) {
            builder.invalidSince(Instant.now());
        }
        // every check that needs no secret is done: only now ask for the secrets
        options.readSecrets(application().secrets(), credentialName, secrets, builder);
        Credential credential = builder.build();
        try (AdminSession session = application().openSession()) {
            Credential created = session.credentials().create(credential, session.admin());
            out().println("Created credential '" + created.name() + "' (" + created.type() + ", version "
                          + created.version() + ").");
            out().println("Nobody may use it yet: grant a role, a process and a resource, e.g.");
            out().println("  ksm-admin credential grant '" + created.name()
                          + "' --role ROLE --process ROUTE_ID --resource '*'");
            created.destroySecrets();
        } finally {
            credential.destroySecrets();
        }
    }

    private static List<CredentialField> requiredSecrets(CredentialType type) {
        return type.requiredFields().stream().filter(CredentialField::isSecret).sorted().toList();
    }

    private void checkComplete(Map<CredentialField, String> fields, List<CredentialField> secrets) {
        for (CredentialField required : type.requiredFields()) {
            if (required.isSecret() && !secrets.contains(required)) {
                throw new UserInputException("A " + type + " credential needs its " + required.fieldName()
                        + ": add --secret-from-stdin " + required.fieldName());
            }
            if (!required.isSecret() && !fields.containsKey(required)) {
                throw new UserInputException("A " + type + " credential needs the field '" + required.fieldName()
                        + "': add " + CredentialOptions.optionFor(required) + " VALUE");
            }
        }
    }
}
