package io.camelksm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ksm-admin audit ...}: reading the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Reads the audit trail (append-only: it cannot be changed from here or anywhere else).",
         subcommands = { AuditTailCommand.class })
final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: tail");
    }
}
