package io.camelksm.cli;

/**
 * The operator asked for something that cannot be done as given (bad value, missing option, nothing to change). Ends
 * the command with exit code 1. Messages name what was wrong and never carry a secret value.
 */
public class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }
}
