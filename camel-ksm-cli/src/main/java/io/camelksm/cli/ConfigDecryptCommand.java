package io.camelksm.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.camelksm.credential.Secret;
import io.camelksm.hsm.ConfigCipher;
import io.camelksm.hsm.HsmConfigCiphers;
import io.camelksm.hsm.HsmKeyValueStorage;
import io.camelksm.hsm.HsmSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code config decrypt}: prints the decrypted client config (JSON) on standard output for inspection or export. Writes
 * nothing to disk, unless {@code --out} asks for a plaintext copy (owner-only, with a warning).
 */
@Command(name = "decrypt", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Prints the decrypted Keeper client config (JSON) on standard output. It holds the client's"
                         + " private key: keep the output out of logs and terminals others can see.",
                 "Nothing is written to disk unless --out names a file." })
final class ConfigDecryptCommand extends ConfigFileCommand {

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the decrypted config in PLAINTEXT to this new file (owner-only, 0600) instead of"
                          + " standard output. Delete it when done.")
    Path outFile;

    @Override
    void execute() {
        Path file = existingConfigFile();
        Path target = outFile == null ? null : outFile.toAbsolutePath();
        if (target != null && Files.exists(target)) {
            throw new UserInputException("--out " + target + " already exists; plaintext is written to a new file only");
        }
        HsmSettings settings = settingsForExistingFile(file);
        try (ConfigCipher cipher = HsmConfigCiphers.open(settings)) {
            HsmKeyValueStorage storage = HsmKeyValueStorage.open(file, cipher);
            if (target != null) {
                storage.exportPlaintext(target);
                PrintWriter err = spec.commandLine().getErr();
                err.println("ksm-admin: WARNING: wrote the decrypted config in PLAINTEXT to " + target
                            + " (owner-only). It holds the client's private key: delete it when done.");
                err.flush();
                out().println("Decrypted " + file + " to " + target + ".");
            } else {
                print(storage.exportJson());
            }
        } finally {
            forgetPin(settings);
        }
    }

    private void print(Secret json) {
        char[] chars = json.chars();
        try {
            out().write(chars);
            out().println();
        } finally {
            Arrays.fill(chars, '\0');
            json.destroy();
        }
    }
}
