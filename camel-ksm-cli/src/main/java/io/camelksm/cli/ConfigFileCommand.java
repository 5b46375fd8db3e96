package io.camelksm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelksm.credential.Secret;
import io.camelksm.hsm.EncryptedConfigHeader;
import io.camelksm.hsm.HsmSettings;
import io.camelksm.hsm.InvalidConfigFileException;
import io.camelksm.hsm.PlaintextConfigException;
import picocli.CommandLine.Mixin;

/** What the {@code config} commands share: the config file and the HSM options, and how to find the key alias. */
abstract class ConfigFileCommand extends AdminCommand {

    @Mixin
    HsmOptions hsm;

    /** The config file, which must exist. */
    Path existingConfigFile() {
        Path file = hsm.configFile();
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("The config file " + file + " does not exist");
        }
        return file;
    }

    /**
     * The settings for an existing encrypted file: with the key alias configured, or else the one its header names
     * (the header is authenticated with the content, so a changed alias does not decrypt).
     */
    HsmSettings settingsForExistingFile(Path file) {
        String aliasOfFile = null;
        if (!hsm.hasKeyAlias()) {
            try {
                aliasOfFile = EncryptedConfigHeader.read(file).keyAlias();
            } catch (InvalidConfigFileException e) {
                if (looksLikeJson(file)) {
                    throw new PlaintextConfigException(file);
                }
                throw e;
            }
        }
        return hsm.settings(application(), aliasOfFile);
    }

    /** Forgets the PIN the settings hold. */
    static void forgetPin(HsmSettings settings) {
        Secret pin = settings == null ? null : settings.pin();
        if (pin != null) {
            pin.destroy();
        }
    }

    private static boolean looksLikeJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (!Character.isWhitespace(b)) {
                    return b == '{';
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
