package io.camelksm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ksm-admin scheme ...}: the encryption schemes of the database. */
@Command(name = "scheme", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Creates, imports, lists, retires and deletes the encryption schemes secrets are stored with,"
                         + " and chooses the default one that encrypts new values.",
                 "Key locations: DATABASE (the key in the database, encrypted by the key file), SERVER (a key file"
                 + " <scheme>.key beside the key file, or in --scheme-key-directory, on every node), HSM (wrapped"
                 + " by an HSM key)." },
         subcommands = { SchemeCreateCommand.class, SchemeImportCommand.class, SchemeListCommand.class,
                 SchemeSetDefaultCommand.class, SchemeRetireCommand.class, SchemeDeleteCommand.class })
final class SchemeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: create, import, list, set-default, retire or delete");
    }
}
