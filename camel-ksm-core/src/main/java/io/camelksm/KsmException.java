package io.camelksm;

/**
 * Base of every error camel-ksm raises. Messages name what was wrong (credential, caller, option) and never carry a
 * secret value.
 */
public class KsmException extends RuntimeException {

    public KsmException(String message) {
        super(message);
    }

    public KsmException(String message, Throwable cause) {
        super(message, cause);
    }
}
