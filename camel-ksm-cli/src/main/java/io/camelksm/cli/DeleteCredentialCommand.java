package io.camelksm.cli;

import io.camelksm.credential.CredentialName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code credential delete NAME}: removes a credential and everything granted on it. */
@Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Deletes a credential and every right granted on it. The audit trail keeps its history.")
final class DeleteCredentialCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential to delete.")
    String name;

    @Override
    void execute() {
        CredentialName credentialName = credentialName(name);
        try (AdminSession session = application().openSession()) {
            session.credentials().delete(credentialName, session.admin());
            out().println("Deleted credential '" + credentialName + "'.");
        }
    }
}
