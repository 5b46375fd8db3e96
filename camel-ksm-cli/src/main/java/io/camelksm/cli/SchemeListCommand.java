package io.camelksm.cli;

import io.camelksm.store.jdbc.EncryptionSchemeInfo;
import picocli.CommandLine.Command;

/** {@code scheme list}: every scheme with its value count. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Lists the encryption schemes: algorithm, key location, whether this node has the key, default"
                       + " or retired, and how many stored values each holds.")
final class SchemeListCommand extends SchemeAdminCommand {

    private static final String FORMAT = "%-24s %-24s %-9s %-9s %-8s %s%n";

    @Override
    void execute() {
        try (AdminSession session = application().openSession()) {
            out().printf(FORMAT, "NAME", "ALGORITHM", "KEY", "KEY HERE", "STATE", "VALUES");
            for (EncryptionSchemeInfo s : session.schemes().list()) {
                String state = s.isDefault() ? "default" : s.retired() ? "retired" : "-";
                out().printf(FORMAT, s.name(), s.algorithm(), s.keyLocation(), s.available() ? "yes" : "MISSING",
                        state, s.valueCount());
            }
        }
    }
}
