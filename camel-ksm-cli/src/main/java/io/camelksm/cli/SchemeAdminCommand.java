package io.camelksm.cli;

import java.nio.file.Path;

import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.KsmCryptoException;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.store.jdbc.SchemeSettings;
import picocli.CommandLine.Option;

/** What the {@code scheme} commands share: where SERVER scheme key files are, and parsing names. */
abstract class SchemeAdminCommand extends AdminCommand {

    @Option(names = "--scheme-key-directory", paramLabel = "DIR",
            description = "Directory of the SERVER schemes' key files (<scheme>.key), as the component's"
                          + " schemeKeyDirectory option names it. Default: the key file's directory.")
    Path schemeKeyDirectory;

    AdminSession openSession() {
        return AdminSession.open(application().databaseSettings(), new SchemeSettings(
                schemeKeyDirectory == null ? null : schemeKeyDirectory.toAbsolutePath(), null));
    }

    static SchemeAlgorithm algorithm(String name) {
        try {
            return SchemeAlgorithm.of(name);
        } catch (KsmCryptoException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    static KeyLocation keyLocation(String name) {
        try {
            return KeyLocation.of(name);
        } catch (KsmCryptoException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
