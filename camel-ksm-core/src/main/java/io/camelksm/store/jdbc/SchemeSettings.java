package io.camelksm.store.jdbc;

import java.nio.file.Path;

import io.camelksm.crypto.HsmKeySettings;

/**
 * Where the keys of the database's encryption schemes are found besides the database itself.
 *
 * @param keyDirectory the directory of the SERVER schemes' key files ({@code <scheme id>.key}); null: the directory of
 *                     the database's key file
 * @param hsm          the HSM that wraps the data keys of HSM schemes; null: HSM schemes cannot be opened here
 */
public record SchemeSettings(Path keyDirectory, HsmKeySettings hsm) {

    public static final SchemeSettings DEFAULTS = new SchemeSettings(null, null);

    /** The key directory to use for a database whose key file is {@code keyFile}. */
    Path keyDirectoryFor(Path keyFile) {
        return (keyDirectory != null ? keyDirectory : keyFile.toAbsolutePath().getParent()).toAbsolutePath();
    }
}
