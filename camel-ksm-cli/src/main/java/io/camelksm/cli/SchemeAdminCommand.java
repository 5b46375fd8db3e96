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
                schemeKeyDirectory == null ? null : schemeKeyDirectory.toAbsolutePath(),
                application().schemeHsmSettings()));
    }

    static SchemeAlgorithm algorithm(String name) {
        try {
            return SchemeAlgorithm.of(name);
        } catch (KsmCryptoException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** Key location HSM needs the {@code --scheme-hsm-*} options: a user error before the database is opened. */
    KeyLocation keyLocationWithItsKey(String name) {
        KeyLocation location = keyLocation(name);
        if (location == KeyLocation.HSM && !application().schemeHsmGiven()) {
            throw new UserInputException("--key-location HSM needs the HSM key that wraps the scheme's data key:"
                                         + " give --scheme-hsm-provider and --scheme-hsm-key-alias (and"
                                         + " --scheme-hsm-pkcs11-config for pkcs11); the PIN comes from "
                                         + HsmOptions.PIN_VARIABLE + " or a prompt");
        }
        return location;
    }

    static KeyLocation keyLocation(String name) {
        try {
            return KeyLocation.of(name);
        } catch (KsmCryptoException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
