package io.camelksm.cli;

import io.camelksm.crypto.KeyLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scheme create --name N [--algorithm A] [--key-location L]}: a new scheme with a random key. */
@Command(name = "create", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Creates an encryption scheme with a new random key (SecureRandom). It encrypts nothing until"
                         + " it is made the default (scheme set-default).",
                 "With --key-location SERVER the key file is written owner-only; copy it to every node's key"
                 + " directory before making the scheme the default." })
final class SchemeCreateCommand extends SchemeAdminCommand {

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "The scheme's name, stored beside every value it encrypts: 1 to 64 of a-z, 0-9, '.', '_',"
                          + " '-'.")
    String name;

    @Option(names = "--algorithm", paramLabel = "ALGORITHM", defaultValue = "AES-256-GCM",
            description = "The algorithm. Default: ${DEFAULT-VALUE}.")
    String algorithm;

    @Option(names = "--key-location", paramLabel = "LOCATION", defaultValue = "DATABASE",
            description = "DATABASE, SERVER or HSM. Default: ${DEFAULT-VALUE}.")
    String keyLocation;

    @Override
    void execute() {
        var algo = algorithm(algorithm);
        var location = keyLocationWithItsKey(keyLocation);
        try (AdminSession session = application().openSession()) {
            session.schemes().create(name, algo, location, session.admin());
            out().println("Created encryption scheme '" + name + "' (" + algo.displayName() + ", key location "
                          + location + ").");
            if (location == KeyLocation.SERVER) {
                out().println("Its key file: " + session.serverKeyFile(name) + " (copy it, owner-only, to every"
                              + " node's scheme key directory).");
            }
        }
    }
}
