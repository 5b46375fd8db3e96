package io.camelksm.cli;

import java.time.Instant;
import java.util.List;

import io.camelksm.credential.CredentialName;
import picocli.CommandLine.Command;

/** {@code credential list}: names, types, expiry and status; no values at all. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Lists the credentials: name, type, expiry and status (ok, expired, invalid). No values.")
final class ListCredentialsCommand extends AdminCommand {

    private static final String ROW = "%-32s %-26s %-22s %s%n";

    @Override
    void execute() {
        try (AdminSession session = application().openSession()) {
            List<CredentialName> names = session.credentials().names();
            if (names.isEmpty()) {
                out().println("No credentials.");
                return;
            }
            Instant now = Instant.now();
            out().printf(ROW, "NAME", "TYPE", "EXPIRES", "STATUS");
            for (CredentialName name : names) {
                // a credential deleted between names() and here is simply skipped
                session.credentials().inspect(name).ifPresent(credential -> {
                    try {
                        out().printf(ROW, credential.name(), credential.type(),
                                credential.expiresAt().map(Instant::toString).orElse("never"),
                                CredentialView.status(credential, now));
                    } finally {
                        credential.destroySecrets();
                    }
                });
            }
        }
    }

}
