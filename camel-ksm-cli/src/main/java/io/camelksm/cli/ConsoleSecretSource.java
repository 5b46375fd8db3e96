package io.camelksm.cli;

import java.io.Console;
import java.util.Arrays;

import io.camelksm.credential.Secret;

/**
 * Prompts for secret values on the terminal without echoing them, and asks twice so a typo is not stored. A PEM key is
 * pasted line by line up to its {@code -----END} line, without the second round.
 */
final class ConsoleSecretSource implements SecretSource {

    private final Console console;

    ConsoleSecretSource(Console console) {
        this.console = console;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public Secret read(String label) {
        char[] first = prompt("Enter the " + label + ": ");
        try {
            if (first.length == 0) {
                throw new UserInputException("The " + label + " is empty");
            }
            if (startsWith(first, "-----BEGIN ")) {
                return readPem(label, first);
            }
            char[] second = prompt("Repeat the " + label + ": ");
            try {
                if (!Arrays.equals(first, second)) {
                    throw new UserInputException("The two entries of the " + label + " differ; nothing was stored");
                }
            } finally {
                Arrays.fill(second, '\0');
            }
            return Secret.of(first);
        } finally {
            Arrays.fill(first, '\0');
        }
    }

    @Override
    public Secret readOnce(String label) {
        char[] value = prompt("Enter the " + label + ": ");
        try {
            if (value.length == 0) {
                throw new UserInputException("The " + label + " is empty");
            }
            return Secret.of(value);
        } finally {
            Arrays.fill(value, '\0');
        }
    }

    @Override
    public boolean confirm(String question) {
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    private Secret readPem(String label, char[] firstLine) {
        StringBuilder pem = new StringBuilder().append(firstLine).append('\n');
        try {
            char[] line;
            do {
                line = prompt("");
                pem.append(line).append('\n');
                boolean end = startsWith(line, "-----END ");
                Arrays.fill(line, '\0');
                if (end) {
                    break;
                }
            } while (true);
            char[] chars = new char[pem.length()];
            pem.getChars(0, pem.length(), chars, 0);
            try {
                return Secret.of(chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
        } finally {
            pem.setLength(0);
            pem.append(" ".repeat(pem.capacity()));
        }
    }

    private char[] prompt(String text) {
        char[] value = console.readPassword("%s", text);
        if (value == null) {
            throw new UserInputException("No value entered (end of input)");
        }
        return value;
    }

    private static boolean startsWith(char[] value, String prefix) {
        if (value.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (value[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
