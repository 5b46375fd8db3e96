package io.camelksm.cli;

import java.time.Instant;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code credential show NAME}: metadata, non-secret fields, property names and access rights; never a secret. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Shows a credential's metadata, non-secret fields, properties (secret ones masked) and access"
                       + " rights. Secret values are never shown.")
final class ShowCredentialCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential to show.")
    String name;

    @Override
    void execute() {
        CredentialName credentialName = credentialName(name);
        try (AdminSession session = application().openSession()) {
            Credential credential = session.credentials().inspect(credentialName)
                    .orElseThrow(() -> new CredentialNotFoundException(credentialName));
            try {
                CredentialView.show(credential, session.credentials().rightsOf(credential.name()), Instant.now(),
                        out());
            } finally {
                credential.destroySecrets();
            }
        }
    }
}
