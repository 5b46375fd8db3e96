package io.camelksm.cli;

import io.camelksm.credential.CredentialField;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options that would carry a secret value ({@code --password}, {@code --token}, {@code --client-secret},
 * {@code --private-key}, {@code --secret}), hidden, existing only to be refused with a message pointing to standard
 * input: on the command line a secret is visible to every user of the machine and lands in shell history. Mixed into
 * the commands that take {@link CredentialOptions}.
 */
final class RefusedSecretOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--password", hidden = true, arity = "0..1", fallbackValue = "")
    void password(String ignored) {
        refuse("--password", CredentialField.PASSWORD);
    }

    @Option(names = "--token", hidden = true, arity = "0..1", fallbackValue = "")
    void token(String ignored) {
        refuse("--token", CredentialField.TOKEN);
    }

    @Option(names = "--client-secret", hidden = true, arity = "0..1", fallbackValue = "")
    void clientSecret(String ignored) {
        refuse("--client-secret", CredentialField.CLIENT_SECRET);
    }

    @Option(names = "--private-key", hidden = true, arity = "0..1", fallbackValue = "")
    void privateKey(String ignored) {
        refuse("--private-key", CredentialField.PRIVATE_KEY);
    }

    @Option(names = "--secret", hidden = true, arity = "0..1", fallbackValue = "")
    void secret(String ignored) {
        throw new ParameterException(mixee.commandLine(), "Secret values are never taken from the command line"
                + " (other users and shell history can see them): name the field with --secret-from-stdin FIELD and"
                + " pipe its value on standard input, or answer the prompt");
    }

    private void refuse(String option, CredentialField field) {
        throw new ParameterException(mixee.commandLine(), option + " is refused: secret values are never taken from"
                + " the command line (other users and shell history can see them). Use --secret-from-stdin "
                + field.fieldName() + " and pipe the value on standard input, or answer the prompt");
    }
}
