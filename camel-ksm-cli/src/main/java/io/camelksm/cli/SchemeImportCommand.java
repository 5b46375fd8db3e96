package io.camelksm.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scheme import --name N --algorithm A --from F [--key-location L]}: a scheme with an existing key. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Creates an encryption scheme with a key from a file: the raw key bytes, or them as hex or"
                         + " Base64 text. A file that group or others can read is refused; the key is never printed.",
                 "For values another system encrypted (e.g. legacy 3DES-CBC) or a key kept elsewhere." })
final class SchemeImportCommand extends SchemeAdminCommand {

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The scheme's name.")
    String name;

    @Option(names = "--algorithm", required = true, paramLabel = "ALGORITHM", description = "The key's algorithm.")
    String algorithm;

    // not --key-file: that inherited option names the database's own key file
    @Option(names = "--from", required = true, paramLabel = "FILE",
            description = "The file holding the key (owner-only). Not --key-file, which names the database's key file.")
    Path keyFile;

    @Option(names = "--key-location", paramLabel = "LOCATION", defaultValue = "DATABASE",
            description = "Where to keep the key from now on: DATABASE, SERVER or HSM. Default: ${DEFAULT-VALUE}.")
    String keyLocation;

    @Override
    void execute() {
        var algo = algorithm(algorithm);
        var location = keyLocationWithItsKey(keyLocation);
        try (AdminSession session = application().openSession()) {
            session.schemes().importKey(name, algo, location, keyFile.toAbsolutePath(), session.admin());
            out().println("Imported encryption scheme '" + name + "' (" + algo.displayName() + ", key location "
                          + location + ").");
        }
    }
}
