package io.camelksm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scheme set-default NAME}. */
@Command(name = "set-default", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Makes the scheme the default: new and rewritten values are encrypted with it; other nodes"
                       + " follow within 30 seconds or at their next start. Values written before keep their scheme"
                       + " until re-encrypted (ksm-admin reencrypt).")
final class SchemeSetDefaultCommand extends SchemeAdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The scheme.")
    String name;

    @Override
    void execute() {
        try (AdminSession session = application().openSession()) {
            session.schemes().setDefault(name, session.admin());
            out().println("Encryption scheme '" + name + "' is now the default.");
        }
    }
}
