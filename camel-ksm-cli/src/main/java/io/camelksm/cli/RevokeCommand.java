package io.camelksm.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelksm.access.Dimension;
import io.camelksm.credential.CredentialName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code credential revoke NAME --role R ...}: withdraws what was granted. */
@Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Withdraws roles, processes or resources granted on a credential. Revoking '*' withdraws"
                       + " 'any', not the single values granted.")
final class RevokeCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential.")
    String name;

    @Mixin
    AccessOptions access;

    @Override
    void execute() {
        CredentialName credentialName = credentialName(name);
        var values = access.values();
        List<String> notGranted = new ArrayList<>();
        try (AdminSession session = application().openSession()) {
            CredentialName stored = session.storedName(credentialName);
            for (Map.Entry<Dimension, String> value : values) {
                String what = value.getKey().label() + " '" + value.getValue() + "'";
                if (session.credentials().revoke(stored, value.getKey(), value.getValue(), session.admin())) {
                    out().println("Revoked " + what + " on '" + stored + "'.");
                } else {
                    notGranted.add(what);
                }
            }
            out().println("Access rights now: " + session.credentials().rightsOf(stored));
        }
        if (!notGranted.isEmpty()) {
            throw new UserInputException("Not granted on '" + credentialName + "', so not revoked: "
                                         + String.join(", ", notGranted));
        }
    }
}
