package io.camelksm.cli;

import java.nio.file.Path;

import io.camelksm.credential.Secret;
import io.camelksm.crypto.HsmKeySettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The HSM key that wraps the data keys of encryption schemes with key location HSM: what every command that opens
 * the database needs when such a scheme holds values or is created ({@code scheme create --key-location HSM}). Named
 * like the component options ({@code schemeHsm*}); the PIN comes only from the environment variable
 * {@value HsmOptions#PIN_VARIABLE} or a prompt, as for the Keeper client config.
 */
final class SchemeHsmOptions {

    @Option(names = "--scheme-hsm-provider", paramLabel = "TYPE", scope = ScopeType.INHERIT,
            description = "The HSM of encryption schemes with key location HSM: pkcs11 (any PKCS#11 HSM through"
                          + " SunPKCS11), ncipher (Entrust nShield) or pkcs12 (a SOFTWARE key file: development only)")
    String provider;

    @Option(names = "--scheme-hsm-key-alias", paramLabel = "ALIAS", scope = ScopeType.INHERIT,
            description = "The non-extractable AES-256 key in that HSM that wraps the schemes' data keys")
    String keyAlias;

    @Option(names = "--scheme-hsm-pkcs11-config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "SunPKCS11 config file for --scheme-hsm-provider pkcs11")
    Path pkcs11Config;

    @Option(names = "--scheme-hsm-keystore-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The key store file: required for pkcs12, optional for ncipher")
    Path keystoreFile;

    /** Whether a scheme HSM is named at all (without asking for its PIN). */
    boolean given() {
        return provider != null && !provider.isBlank() || keyAlias != null && !keyAlias.isBlank();
    }

    /**
     * The settings, or null when no scheme HSM is given; asks for the PIN only when one is.
     *
     * @throws UserInputException when only one of provider and key alias is given
     */
    HsmKeySettings settings(KsmAdmin application) {
        boolean noProvider = provider == null || provider.isBlank();
        boolean noAlias = keyAlias == null || keyAlias.isBlank();
        if (noProvider && noAlias) {
            return null;
        }
        if (noProvider || noAlias) {
            throw new UserInputException("Give both --scheme-hsm-provider and --scheme-hsm-key-alias (only "
                                         + (noProvider ? "--scheme-hsm-key-alias" : "--scheme-hsm-provider")
                                         + " is given)");
        }
        return new HsmKeySettings(provider.strip(), absolute(pkcs11Config), absolute(keystoreFile), pin(application),
                keyAlias.strip());
    }

    private static Path absolute(Path file) {
        return file == null ? null : file.toAbsolutePath();
    }

    private static Secret pin(KsmAdmin application) {
        String fromEnvironment = application.environmentVariable(HsmOptions.PIN_VARIABLE);
        if (fromEnvironment != null) {
            return Secret.of(fromEnvironment);
        }
        SecretSource source = application.secrets();
        if (!source.interactive()) {
            return null; // a module-protected key needs none; a key that does fails naming the HSM login
        }
        return source.readOnce("Scheme HSM PIN or passphrase");
    }
}
