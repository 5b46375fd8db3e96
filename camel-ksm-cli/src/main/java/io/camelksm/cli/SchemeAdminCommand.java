package io.camelksm.cli;

import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.KsmCryptoException;
import io.camelksm.crypto.SchemeAlgorithm;

/** What the {@code scheme} commands share: parsing names, and the HSM a scheme of key location HSM needs. */
abstract class SchemeAdminCommand extends AdminCommand {

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
