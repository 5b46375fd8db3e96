package io.camelksm.hsm;

import java.nio.file.Path;

/**
 * The file is not an encrypted config file this storage can read: empty, truncated, corrupted, not in this format, or
 * it does not authenticate with the configured key. The message always starts with
 * {@code "<path> is not a valid encrypted config file"}.
 */
public class InvalidConfigFileException extends HsmException {

    private final transient Path file;

    public InvalidConfigFileException(Path file, String reason) {
        super(file + " is not a valid encrypted config file: " + reason);
        this.file = file;
    }

    public Path getFile() {
        return file;
    }
}
