package io.camelksm.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelksm.access.AccessMode;
import io.camelksm.access.Dimension;
import io.camelksm.credential.CredentialName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code credential revoke NAME [--write] --role R ...}: withdraws what was granted. */
@Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Withdraws roles, processes or resources granted on a credential: of the read right, or with"
                         + " --write of the write right. Revoking '*' withdraws 'any', not the single values granted.",
                 "--allow-route-metadata-writes withdraws that permission: routes' writes change secret values (and the expiry) only." })
final class RevokeCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential.")
    String name;

    @Mixin
    AccessOptions access;

    @Override
    void execute() {
        CredentialName credentialName = credentialName(name);
        var values = access.values(false);
        AccessMode mode = access.mode();
        List<String> notGranted = new ArrayList<>();
        try (AdminSession session = application().openSession()) {
            CredentialName stored = session.storedName(credentialName);
            for (Map.Entry<Dimension, String> value : values) {
                String what = mode.label() + " " + value.getKey().label() + " '" + value.getValue() + "'";
                if (session.credentials().revoke(stored, mode, value.getKey(), value.getValue(), session.admin())) {
                    out().println("Revoked " + what + " on '" + stored + "'.");
                } else {
                    notGranted.add(what);
                }
            }
            if (access.routeMetadataWrites) {
                if (session.credentials().allowRouteMetadataWrites(stored, false, session.admin())) {
                    out().println("Routes' writes on '" + stored + "' change its secret values (and the expiry) only again.");
                } else {
                    notGranted.add("route metadata writes");
                }
            }
            out().println("Access rights now:");
            CredentialView.rights(session.credentials().rightsOf(stored), out());
        }
        if (!notGranted.isEmpty()) {
            throw new UserInputException("Not granted on '" + credentialName + "', so not revoked: "
                                         + String.join(", ", notGranted));
        }
    }
}
