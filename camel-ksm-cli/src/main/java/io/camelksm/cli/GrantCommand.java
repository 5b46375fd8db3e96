package io.camelksm.cli;

import java.util.Map;

import io.camelksm.access.AccessMode;
import io.camelksm.access.Dimension;
import io.camelksm.credential.CredentialName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code credential grant NAME [--write] --role R --process P --resource X}: allows callers to use a credential. */
@Command(name = "grant", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Allows roles, processes and resources to use (read) a credential, or with --write to write it"
                         + " (operation=set, setProperty).",
                 "A caller needs all three: one of its roles, its process and its resource must each be allowed, in"
                 + " the right it asks for. The read right never allows a write, nor the write right a read." },
         footer = { "", "Examples:", "  ksm-admin credential grant ExampleApi --role api-caller --process my-route"
                                     + " --resource '*'",
                 "  ksm-admin credential grant ExampleApi --write --role '*' --process rotate-route --resource '*'" })
final class GrantCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential.")
    String name;

    @Mixin
    AccessOptions access;

    @Override
    void execute() {
        CredentialName credentialName = credentialName(name);
        var values = access.values(true);
        AccessMode mode = access.mode();
        try (AdminSession session = application().openSession()) {
            // rights of a credential that does not exist would wait for whoever creates one of that name
            CredentialName stored = session.storedName(credentialName);
            for (Map.Entry<Dimension, String> value : values) {
                session.credentials().grant(stored, mode, value.getKey(), value.getValue(), session.admin());
                out().println("Granted " + mode.label() + " " + value.getKey().label() + " '" + value.getValue()
                              + "' on '" + stored + "'.");
            }
            if (access.routeMetadataWrites) {
                session.credentials().allowRouteMetadataWrites(stored, true, session.admin());
                out().println("Routes with the write right may now change the non-secret fields and properties of '"
                              + stored + "' too.");
            }
            out().println("Access rights now:");
            CredentialView.rights(session.credentials().rightsOf(stored), out());
        }
    }
}
