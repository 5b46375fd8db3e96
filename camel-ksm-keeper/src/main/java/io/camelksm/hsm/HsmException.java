package io.camelksm.hsm;

import io.camelksm.KsmException;

/**
 * An HSM-backed config storage could not do what was asked: the HSM or its key is unavailable, the configuration is
 * wrong, or the config file cannot be read or written. Messages name the file, provider and key alias, never a PIN or
 * a config value.
 */
public class HsmException extends KsmException {

    public HsmException(String message) {
        super(message);
    }

    public HsmException(String message, Throwable cause) {
        super(message, cause);
    }
}
