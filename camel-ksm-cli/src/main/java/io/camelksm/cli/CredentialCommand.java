package io.camelksm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ksm-admin credential ...}: the credential commands. */
@Command(name = "credential", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Adds, changes, shows, deletes credentials, grants or revokes their use and lists where they are"
                       + " used.",
         subcommands = { AddCredentialCommand.class, UpdateCredentialCommand.class, ListCredentialsCommand.class,
                 ShowCredentialCommand.class, CredentialRefsCommand.class, DeleteCredentialCommand.class, GrantCommand.class,
                 RevokeCommand.class })
final class CredentialCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: add, update, list, show, refs, delete, grant or revoke");
    }
}
