package io.camelksm.crypto;

import java.util.Locale;

/** Where an encryption scheme's data key is kept. */
public enum KeyLocation {

    /** In the database, encrypted (AES-256-GCM) with the server's key file: a database dump alone decrypts nothing. */
    DATABASE,
    /** In a key file of its own on each node ({@code <schemeKeyDirectory>/<scheme id>.key}), outside the database. */
    SERVER,
    /** In the database, wrapped by a non-extractable AES key in a hardware security module. */
    HSM;

    /** The location of a name, case-insensitive; the error lists the names. */
    public static KeyLocation of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new KsmCryptoException("Unknown key location '" + name + "'; known: DATABASE, SERVER, HSM");
        }
    }
}
