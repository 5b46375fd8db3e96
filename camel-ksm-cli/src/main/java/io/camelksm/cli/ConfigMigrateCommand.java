package io.camelksm.cli;

import java.nio.file.Path;

import io.camelksm.hsm.ConfigCipher;
import io.camelksm.hsm.EncryptedConfigHeader;
import io.camelksm.hsm.HsmConfigCiphers;
import io.camelksm.hsm.HsmKeyValueStorage;
import io.camelksm.hsm.HsmSettings;
import io.camelksm.hsm.InvalidConfigFileException;
import picocli.CommandLine.Command;

/**
 * {@code config migrate}: encrypts a plaintext Keeper config (the SDK's JSON file, or its Base64 form) in place. The
 * only way a plaintext config becomes encrypted: it never happens silently.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Encrypts a plaintext Keeper client config (the SDK's JSON file, or its Base64 form) in place"
                         + " with the HSM key, atomically.",
                 "The plaintext's old disk blocks are not scrubbed, and copies (backups) are not touched: if the"
                 + " plaintext may have been exposed, bind a new client device instead." })
final class ConfigMigrateCommand extends ConfigFileCommand {

    @Override
    void execute() {
        Path file = existingConfigFile();
        if (isEncrypted(file)) {
            throw new UserInputException(file + " is already an encrypted config file: nothing to migrate (to use"
                                         + " another key: ksm-admin config change-key)");
        }
        HsmSettings settings = hsm.settings(application(), null);
        try (ConfigCipher cipher = HsmConfigCiphers.open(settings)) {
            HsmKeyValueStorage storage = HsmKeyValueStorage.migratePlaintext(file, cipher);
            out().println("Encrypted the plaintext config " + file + " (" + storage.keys().size() + " values) with "
                          + cipher.description() + ".");
            out().println("Remove any other plaintext copies (backups); the old disk blocks are not scrubbed.");
        } finally {
            forgetPin(settings);
        }
    }

    private static boolean isEncrypted(Path file) {
        try {
            EncryptedConfigHeader.read(file);
            return true;
        } catch (InvalidConfigFileException e) {
            return false;
        }
    }
}
