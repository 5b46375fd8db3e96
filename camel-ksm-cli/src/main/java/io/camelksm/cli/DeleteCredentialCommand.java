package io.camelksm.cli;

import java.util.List;

import io.camelksm.credential.CredentialInUseException;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code credential delete NAME}: removes a credential and everything granted on it. */
@Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Deletes a credential and every right granted on it. The audit trail keeps its history.",
                         "A credential that routes, connectors or Kamelets still use (credential refs) is deleted"
                         + " only with --force." })
final class DeleteCredentialCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential to delete.")
    String name;

    @Option(names = "--force", description = "Deletes the credential even though routes, connectors or Kamelets"
                                             + " still use it (their next use fails).")
    boolean force;

    @Override
    void execute() {
        CredentialName credentialName = credentialName(name);
        try (AdminSession session = application().openSession()) {
            List<CredentialReference> references = session.references().list(credentialName);
            try {
                session.credentials().delete(credentialName, session.admin(), references, force);
            } catch (CredentialInUseException e) {
                ReferenceTable.print(spec.commandLine().getErr(), references);
                throw new UserInputException("Credential '" + credentialName + "' is still used in "
                        + places(references.size()) + " (listed above): nothing was deleted. Use --force to delete"
                        + " it anyway.");
            }
            out().println("Deleted credential '" + credentialName + "'"
                          + (references.isEmpty() ? "." : ", overriding " + references.size() + " reference"
                                                          + (references.size() == 1 ? "" : "s") + " (still listed by"
                                                          + " credential refs until their routes stop)."));
        }
    }

    private static String places(int count) {
        return count + (count == 1 ? " place" : " places");
    }
}
