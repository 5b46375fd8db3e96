package io.camelksm.store.jdbc;

import io.camelksm.crypto.KeyLocation;

/**
 * One encryption scheme as {@code scheme list} shows it.
 *
 * @param available  whether this node has the scheme's key (a SERVER key file present, the HSM configured)
 * @param isDefault  whether it encrypts new values
 * @param retired    whether it was retired (no longer written; its values stay readable)
 * @param valueCount how many stored values (credential fields and properties) it holds
 */
public record EncryptionSchemeInfo(String id, String name, String algorithm, KeyLocation keyLocation,
                                   boolean available, boolean isDefault, boolean retired, long valueCount) {
}
