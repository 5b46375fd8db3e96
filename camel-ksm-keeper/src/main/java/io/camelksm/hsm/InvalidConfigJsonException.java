package io.camelksm.hsm;

import java.nio.file.Path;

/**
 * The config decrypted (or, for a plaintext config to migrate, was read), but its content is not a JSON object of
 * string values. The message gives the position of the problem, never the content.
 */
public class InvalidConfigJsonException extends HsmException {

    private final transient Path file;

    public InvalidConfigJsonException(Path file, String reason) {
        super(file + " does not hold a valid config: " + reason);
        this.file = file;
    }

    public Path getFile() {
        return file;
    }
}
