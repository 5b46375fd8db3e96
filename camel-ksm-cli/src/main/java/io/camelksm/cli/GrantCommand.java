package io.camelksm.cli;

import java.util.Map;

import io.camelksm.access.Dimension;
import io.camelksm.credential.CredentialName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code credential grant NAME --role R --process P --resource X}: allows callers to use a credential. */
@Command(name = "grant", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Allows roles, processes and resources to use a credential.",
                 "A caller needs all three: one of its roles, its process and its resource must each be allowed." },
         footer = { "", "Example:", "  ksm-admin credential grant ExampleApi --role api-caller --process my-route"
                                    + " --resource '*'" })
final class GrantCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential.")
    String name;

    @Mixin
    AccessOptions access;

    @Override
    void execute() {
        CredentialName credentialName = credentialName(name);
        var values = access.values();
        try (AdminSession session = application().openSession()) {
            // rights of a credential that does not exist would wait for whoever creates one of that name
            CredentialName stored = session.storedName(credentialName);
            for (Map.Entry<Dimension, String> value : values) {
                session.credentials().grant(stored, value.getKey(), value.getValue(), session.admin());
                out().println("Granted " + value.getKey().label() + " '" + value.getValue() + "' on '" + stored
                              + "'.");
            }
            out().println("Access rights now: " + session.credentials().rightsOf(stored));
        }
    }
}
