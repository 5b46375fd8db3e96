package io.camelksm.cli;

import java.nio.file.Path;

import io.camelksm.hsm.ConfigCipher;
import io.camelksm.hsm.HsmConfigCiphers;
import io.camelksm.hsm.HsmKeyValueStorage;
import io.camelksm.hsm.HsmSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code config delete}: removes the config file (and temp files a killed writer left beside it) after opening it with
 * the HSM key, so only a readable config of ours is removed. Asks first unless {@code --yes}.
 */
@Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Deletes the encrypted config file. The client device stays registered in Keeper: remove it"
                         + " there too.",
                 "The file is opened with the HSM key first, so only a valid config is removed; an unreadable file is"
                 + " removed with rm. Asks for confirmation unless --yes." })
final class ConfigDeleteCommand extends ConfigFileCommand {

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    void execute() {
        Path file = existingConfigFile();
        if (!yes) {
            SecretSource terminal = application().secrets();
            if (!terminal.interactive()) {
                throw new UserInputException("Not deleted: there is no terminal to confirm on; add --yes to delete "
                                             + file);
            }
            if (!terminal.confirm("Delete the Keeper client config " + file + "?")) {
                throw new UserInputException("Not deleted: not confirmed");
            }
        }
        HsmSettings settings = settingsForExistingFile(file);
        try (ConfigCipher cipher = HsmConfigCiphers.open(settings)) {
            HsmKeyValueStorage.open(file, cipher).deleteAll();
            out().println("Deleted the Keeper client config " + file + ".");
        } finally {
            forgetPin(settings);
        }
    }
}
