package io.camelksm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ksm-admin audit ...}: reading and verifying the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Reads and verifies the audit trail. camel-ksm only appends to it and a trigger refuses UPDATE"
                       + " and DELETE, but whoever owns the database can still remove that guard: each entry"
                       + " therefore carries a chained MAC, and 'audit verify' finds entries deleted, changed or"
                       + " reordered. There is no command that changes or removes entries.",
         subcommands = { AuditTailCommand.class, AuditVerifyCommand.class })
final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: tail or verify");
    }
}
