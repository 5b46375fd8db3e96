package io.camelksm.cli;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelksm.auth.oauth2.ClientAuthenticationMethod;
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
                 + " BASIC, DATA_GATEWAY), token (BEARER), privateKey (OAUTH2_JWT_BEARER); for"
                 + " OAUTH2_CLIENT_CREDENTIALS the secret its client authentication method needs: clientSecret,"
                 + " or privateKey for private_key_jwt.",
                 "Standard input must hold exactly the values asked for: a value left over is an error." },
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

    @Mixin
    RefusedSecretOptions refusedSecrets;

    @Override
    void execute() {
        CredentialName credentialName = credentialName(name);
        Map<CredentialField, String> fields = options.nonSecretFields(type);
        List<CredentialField> secrets = options.secretFieldsToRead(type, defaultSecrets(type, fields));
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
        try {
            application().secrets().requireAllRead("Name each secret with --secret-from-stdin FIELD (read now: "
                    + (secrets.isEmpty() ? "none" : secrets.stream().map(CredentialField::fieldName)
                            .collect(Collectors.joining(", "))) + ") or --secret-property NAME.");
        } catch (RuntimeException e) {
            credential.destroySecrets();
            throw e;
        }
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

    /**
     * The secrets read without --secret-from-stdin: the type's required ones, and for client credentials the one its
     * client authentication method signs or authenticates with.
     */
    private static List<CredentialField> defaultSecrets(CredentialType type, Map<CredentialField, String> fields) {
        if (type == CredentialType.OAUTH2_CLIENT_CREDENTIALS) {
            String method = fields.get(CredentialField.CLIENT_AUTHENTICATION_METHOD);
            return List.of(method != null && CredentialFieldOptions.parseClientAuthenticationMethod(method)
                    == ClientAuthenticationMethod.PRIVATE_KEY_JWT ? CredentialField.PRIVATE_KEY
                    : CredentialField.CLIENT_SECRET);
        }
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
                        + "': add " + CredentialFieldOptions.optionFor(required) + " VALUE");
            }
        }
    }
}
