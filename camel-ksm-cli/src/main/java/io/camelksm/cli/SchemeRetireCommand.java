package io.camelksm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scheme retire NAME}. */
@Command(name = "retire", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Retires a scheme: no longer written; its values stay readable until they are re-encrypted"
                       + " (ksm-admin reencrypt) or rewritten. The default scheme cannot be retired.")
final class SchemeRetireCommand extends SchemeAdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The scheme.")
    String name;

    @Override
    void execute() {
        try (AdminSession session = application().openSession()) {
            session.schemes().retire(name, session.admin());
            out().println("Encryption scheme '" + name + "' is retired.");
        }
    }
}
