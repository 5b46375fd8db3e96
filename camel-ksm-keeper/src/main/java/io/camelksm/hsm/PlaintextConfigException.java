package io.camelksm.hsm;

import java.nio.file.Path;

/**
 * An unencrypted (plaintext JSON) config was found where an encrypted one is expected. It is never encrypted
 * silently: the operator migrates it explicitly with {@link HsmKeyValueStorage#migratePlaintext(Path, ConfigCipher)}
 * ({@code ksm-admin config migrate}).
 */
public class PlaintextConfigException extends HsmException {

    private final transient Path file;

    public PlaintextConfigException(Path file) {
        super(file + " holds a plaintext (unencrypted) config; it is not encrypted silently: migrate it explicitly"
              + " (HsmKeyValueStorage.migratePlaintext, ksm-admin config migrate)");
        this.file = file;
    }

    public Path getFile() {
        return file;
    }
}
