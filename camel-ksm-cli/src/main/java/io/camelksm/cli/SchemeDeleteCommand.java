package io.camelksm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scheme delete NAME}. */
@Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Deletes a retired scheme that holds no value (scheme list shows the counts). A SERVER key"
                       + " file stays where it is: remove it from every node yourself.")
final class SchemeDeleteCommand extends SchemeAdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The scheme.")
    String name;

    @Override
    void execute() {
        try (AdminSession session = application().openSession()) {
            session.schemes().delete(name, session.admin());
            out().println("Encryption scheme '" + name + "' is deleted.");
        }
    }
}
