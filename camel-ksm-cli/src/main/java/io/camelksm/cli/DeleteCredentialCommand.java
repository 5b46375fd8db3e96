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
                         "A credential that routes, connectors or Kamelets use (credential refs: running, or stopped"
                         + " at their node's last run) is deleted only with --force." })
final class DeleteCredentialCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential to delete.")
    String name;

    @Option(names = "--force", description = "Deletes the credential even though routes, connectors or Kamelets"
                                             + " use it (their next use fails).")
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
                throw new UserInputException("Credential '" + credentialName + "' is referenced in "
                        + places(references) + ", listed above: nothing was deleted. Use --force to delete it"
                        + " anyway.");
            }
            out().println("Deleted credential '" + credentialName + "'"
                          + (references.isEmpty() ? "." : ", overriding " + references.size() + " reference"
                                                          + (references.size() == 1 ? "" : "s") + " (credential refs"
                                                          + " lists them until their nodes start again without"
                                                          + " them)."));
        }
    }

    /** {@code 1 place (stopped)}, {@code 3 places (2 running, 1 stopped)}. */
    private static String places(List<CredentialReference> references) {
        long running = references.stream().filter(CredentialReference::running).count();
        long stopped = references.size() - running;
        String state = running == 0 ? "stopped" : stopped == 0 ? "running"
                : running + " running, " + stopped + " stopped";
        return references.size() + (references.size() == 1 ? " place" : " places") + " (" + state + ")";
    }
}
