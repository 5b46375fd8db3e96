package io.camelksm.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code credential list}: names, types, expiry and status; no values at all. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Lists the credentials: name, type, expiry and status (ok, expired, invalid). No values.")
final class ListCredentialsCommand extends AdminCommand {

    private static final String ROW = "%-32s %-26s %-22s %s%n";

    @Option(names = "--expiring", paramLabel = "PERIOD", converter = PeriodConverter.class,
            description = "Only the credentials that expire within PERIOD from now (e.g. 14d, 36h, 2w), expired ones"
                          + " included, soonest first.")
    Duration expiring;

    @Override
    void execute() {
        try (AdminSession session = application().openSession()) {
            List<CredentialName> names = session.credentials().names();
            Instant now = Instant.now();
            List<Credential> shown = new ArrayList<>();
            for (CredentialName name : names) {
                // a credential deleted between names() and here is simply skipped
                session.credentials().inspect(name).ifPresent(credential -> {
                    if (expiring == null || expiresBefore(credential, now.plus(expiring))) {
                        shown.add(credential);
                    } else {
                        credential.destroySecrets();
                    }
                });
            }
            if (expiring != null) {
                shown.sort(Comparator.comparing(c -> c.expiresAt().orElseThrow()));
            }
            try {
                print(shown, now);
            } finally {
                shown.forEach(Credential::destroySecrets);
            }
        }
    }

    private static boolean expiresBefore(Credential credential, Instant end) {
        return credential.expiresAt().filter(end::isAfter).isPresent();
    }

    private String period() {
        return expiring.toHours() % 24 == 0 ? expiring.toDays() + " days" : expiring.toHours() + " hours";
    }

    private void print(List<Credential> shown, Instant now) {
        if (shown.isEmpty()) {
            out().println(expiring == null ? "No credentials." : "No credentials expire within "
                                                                 + period() + ".");
            return;
        }
        out().printf(ROW, "NAME", "TYPE", "EXPIRES", "STATUS");
        for (Credential credential : shown) {
            out().printf(ROW, credential.name(), credential.type(),
                    credential.expiresAt().map(Instant::toString).orElse("never"),
                    CredentialView.status(credential, now));
        }
    }
}
