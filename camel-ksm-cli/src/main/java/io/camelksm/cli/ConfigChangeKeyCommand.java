package io.camelksm.cli;

import java.nio.file.Path;

import io.camelksm.hsm.ConfigCipher;
import io.camelksm.hsm.HsmConfigCiphers;
import io.camelksm.hsm.HsmKeyValueStorage;
import io.camelksm.hsm.HsmSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code config change-key}: re-encrypts the config under another key of the same HSM. The new file is proven to
 * decrypt before it replaces the old one; on any failure the old key and file stay.
 */
@Command(name = "change-key", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Re-encrypts the config under another key in the same HSM (same provider, key store and PIN).",
                 "The new file is decrypted again before it replaces the old one; if anything fails, the old key and"
                 + " file stay. Afterwards the application needs the new key alias." })
final class ConfigChangeKeyCommand extends ConfigFileCommand {

    @Option(names = "--new-key-alias", required = true, paramLabel = "ALIAS",
            description = "The AES-256 key to encrypt with from now on")
    String newKeyAlias;

    @Option(names = "--new-hmac-key-alias", paramLabel = "ALIAS",
            description = "The HMAC key to use with it (AES-CBC + HMAC); default: the current --hmac-key-alias")
    String newHmacKeyAlias;

    @Override
    void execute() {
        Path file = existingConfigFile();
        if (newKeyAlias.isBlank()) {
            throw new UserInputException("--new-key-alias is empty");
        }
        HsmSettings current = settingsForExistingFile(file);
        try {
            if (current.keyAlias().equals(newKeyAlias.strip())
                && (newHmacKeyAlias == null || newHmacKeyAlias.strip().equals(current.hmacKeyAlias()))) {
                throw new UserInputException("The config is already encrypted with key '" + current.keyAlias()
                                             + "': nothing to change");
            }
            HsmSettings next = current.withKeyAlias(newKeyAlias);
            if (newHmacKeyAlias != null) {
                next = next.withHmacKeyAlias(newHmacKeyAlias);
            }
            try (ConfigCipher oldCipher = HsmConfigCiphers.open(current)) {
                HsmKeyValueStorage storage = HsmKeyValueStorage.open(file, oldCipher);
                try (ConfigCipher newCipher = HsmConfigCiphers.open(next)) {
                    storage.changeKey(newCipher);
                    out().println("Re-encrypted " + file + ": key '" + current.keyAlias() + "' -> "
                                  + newCipher.description() + ".");
                    out().println("Configure the application with key alias '" + newCipher.keyAlias() + "'.");
                }
            }
        } finally {
            forgetPin(current);
        }
    }
}
