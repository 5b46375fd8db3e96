package io.camelksm.store.jdbc;

import java.util.Arrays;
import java.util.Map;

import io.camelksm.PartHealth;
import io.camelksm.crypto.AesGcmScheme;
import io.camelksm.crypto.EncryptedValue;
import io.camelksm.crypto.EncryptionScheme;
import io.camelksm.crypto.KeyCheck;
import io.camelksm.crypto.KeyFile;

/**
 * The health of an opened {@link KsmDatabase}: it answers, and its key check matches the key in use and the key file
 * on disk. Reads one row and the key file; writes nothing.
 */
final class DatabaseHealthCheck {

    private final String url;
    private final EncryptionSchemeTable schemes;
    private final KeyFile keyFile;
    private final EncryptionScheme inUse;

    /** @param url the JDBC URL with any password redacted */
    DatabaseHealthCheck(String url, EncryptionSchemeTable schemes, KeyFile keyFile, EncryptionScheme inUse) {
        this.url = url;
        this.schemes = schemes;
        this.keyFile = keyFile;
        this.inUse = inUse;
    }

    PartHealth check() {
        Map<String, Object> details = Map.of("database", url, "keyFile", keyFile.path().toString());
        EncryptedValue check;
        try {
            check = schemes.require(KsmDatabase.DEFAULT_SCHEME_ID).keyCheck().orElse(null);
        } catch (RuntimeException e) {
            return PartHealth.down("The camel-ksm database " + url + " does not answer: " + e.getMessage(), details);
        }
        if (check == null) {
            return PartHealth.down("The camel-ksm database " + url + " has no key check for encryption scheme '"
                                   + KsmDatabase.DEFAULT_SCHEME_ID + "'", details);
        }
        try {
            if (!KeyCheck.matches(inUse, check)) {
                return PartHealth.down("The key in use does not match the key check of the camel-ksm database "
                                       + url, details);
            }
            if (!keyFileMatches(check)) {
                return PartHealth.down("Key file " + keyFile.path() + " no longer holds the key of the camel-ksm"
                                       + " database " + url + ": the next start would fail", details);
            }
        } catch (RuntimeException e) {
            return PartHealth.down("The key of the camel-ksm database " + url + " cannot be checked: "
                                   + e.getMessage(), details);
        }
        return PartHealth.up("The camel-ksm database " + url + " answers and its key check matches", details);
    }

    private boolean keyFileMatches(EncryptedValue check) {
        byte[] key = keyFile.load();
        AesGcmScheme onDisk;
        try {
            onDisk = new AesGcmScheme(KsmDatabase.DEFAULT_SCHEME_ID, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        try {
            return KeyCheck.matches(onDisk, check);
        } finally {
            onDisk.close();
        }
    }
}
