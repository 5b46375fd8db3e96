package io.camelksm.cli;

import java.io.Console;
import java.io.InputStream;

import io.camelksm.credential.Secret;

/**
 * Where {@code ksm-admin} reads secret values from: never the command line (other users see it in the process list,
 * shells keep it in their history), only standard input or an interactive prompt that does not echo.
 */
public interface SecretSource {

    /**
     * Reads one secret value.
     *
     * @param label what is read, e.g. {@code password of 'ExampleApi'}; used in prompts and error messages
     * @throws UserInputException if no value, or an empty one, can be read
     */
    Secret read(String label);

    /** Whether values come from a person at a terminal (so prompts and confirmation make sense). */
    boolean interactive();

    /**
     * Reads one secret value that is checked elsewhere (an HSM PIN, a one-time token): a prompt asks only once, since a
     * typo fails the login or the binding instead of being stored.
     *
     * @throws UserInputException if no value, or an empty one, can be read
     */
    default Secret readOnce(String label) {
        return read(label);
    }

    /**
     * Asks the person at the terminal a yes/no question (default no). Without a terminal there is nobody to ask: the
     * answer is no, and commands that need a yes offer an option such as {@code --yes}.
     */
    default boolean confirm(String question) {
        return false;
    }

    /**
     * After the last value a command reads: fails if standard input still holds a value nobody asked for (a secret
     * piped without naming its field would otherwise be dropped silently and the credential stored without it). A
     * prompt has nothing left over.
     *
     * @param hint how to name the values, for the error message
     * @throws UserInputException if unread input is left
     */
    default void requireAllRead(String hint) {
    }

    /** A prompt on the terminal when there is one, otherwise standard input. */
    static SecretSource system() {
        Console console = System.console();
        return console != null ? new ConsoleSecretSource(console) : new StreamSecretSource(System.in);
    }

    /** One value per line from the given stream (see {@link StreamSecretSource}). */
    static SecretSource of(InputStream in) {
        return new StreamSecretSource(in);
    }
}
