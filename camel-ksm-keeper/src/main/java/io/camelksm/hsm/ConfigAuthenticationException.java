package io.camelksm.hsm;

/** Encrypted data did not authenticate under the key: the key is not the one that encrypted it, or bytes changed. */
public class ConfigAuthenticationException extends HsmException {

    public ConfigAuthenticationException(String message) {
        super(message);
    }
}
