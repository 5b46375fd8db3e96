package io.camelksm.access;

import java.util.Locale;

/**
 * The two rights a route can hold on a credential, granted apart: reading it (operations authorize and get) and
 * writing it (set and setProperty). Holding one never implies the other.
 */
public enum AccessMode {
    /** authorize, get: the credential is used or handed to the route. */
    READ,
    /** set, setProperty: the route writes new values into the credential. */
    WRITE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
