package io.camelksm.cli;

/**
 * The config was initialized, but binding it with a first fetch from Keeper failed (network, Keeper's answer). Ends
 * the command with exit code 2; the message says what state the config is in.
 */
final class ConfigBindingException extends RuntimeException {

    ConfigBindingException(String message, Throwable cause) {
        super(message, cause);
    }
}
