package io.camelksm.hsm;

import java.nio.file.Path;

/**
 * The config file names another HSM key (alias) than the configured one: for this key it is not a valid encrypted
 * config file. The message names both aliases.
 */
public class ConfigKeyMismatchException extends InvalidConfigFileException {

    private final String fileKeyAlias;

    public ConfigKeyMismatchException(Path file, String fileKeyAlias, String configuredKeyAlias) {
        super(file, "it was encrypted with HSM key '" + fileKeyAlias + "', but the configured key is '"
                    + configuredKeyAlias + "'");
        this.fileKeyAlias = fileKeyAlias;
    }

    /** The alias the file names. */
    public String getFileKeyAlias() {
        return fileKeyAlias;
    }
}
