package io.camelksm.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference;

/** {@code credential refs NAME}: the routes, connectors and Kamelets that use a credential, and their last use. */
@Command(name = "refs", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Lists where a credential is used: the ksm: endpoints of started routes, the connector"
                         + " definitions and the Kamelets, with their route ids, the node that registered them, their"
                         + " state and when each last used it (from the audit trail).",
                         "Rows are what each node ran at its last run: running, or stopped at the time the node"
                         + " stopped the route; a node replaces its rows when it starts again. A node that crashed"
                         + " leaves its rows running, shown with its name and the time it registered them." })
final class CredentialRefsCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential (compared case-insensitively).")
    String name;

    @Option(names = "--json", description = "Prints a JSON array instead of the table.")
    boolean json;

    @Override
    void execute() {
        CredentialName credentialName = credentialName(name);
        List<CredentialReference> references;
        try (AdminSession session = application().openSession()) {
            references = session.references().list(credentialName);
        }
        if (json) {
            out().println(ReferenceTable.json(references));
        } else if (references.isEmpty()) {
            out().println("No route, connector or Kamelet uses credential '" + credentialName
                          + "' (as the nodes registered it at their last run).");
        } else {
            ReferenceTable.print(out(), references);
        }
    }
}
