package io.camelksm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.camelksm.credential.Secret;

/**
 * Reads secret values from a stream (standard input), one value per line, in the order the command asks for them. A
 * value whose first line starts with {@code -----BEGIN } (a PEM private key) runs up to and including the line that
 * starts with {@code -----END }. A trailing {@code \r} is dropped; the last line needs no line break.
 *
 * <p>
 * Bytes are collected in a buffer of our own, wiped after each value, rather than in a {@code String}.
 */
public final class StreamSecretSource implements SecretSource {

    private static final byte[] PEM_BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PEM_END = "-----END ".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;

    public StreamSecretSource(InputStream in) {
        this.in = in;
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public Secret read(String label) {
        Buffer value = new Buffer();
        Buffer line = new Buffer();
        try {
            if (!readLine(line)) {
                throw new UserInputException("Expected the " + label + " on standard input (one line per secret"
                                             + " value), but the input ended");
            }
            value.append(line);
            if (line.startsWith(PEM_BEGIN)) {
                readPemBody(label, value, line);
            }
            if (value.length == 0) {
                throw new UserInputException("The " + label + " read from standard input is empty");
            }
            return Secret.ofUtf8(value.bytes());
        } finally {
            value.wipe();
            line.wipe();
        }
    }

    /**
     * Looks only at what is already on the stream (never waits for more, so an open pipe cannot hang the command);
     * blank lines do not count. What is read is wiped, never shown.
     */
    @Override
    public void requireAllRead(String hint) {
        boolean leftOver = false;
        try {
            while (in.available() > 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                if (!Character.isWhitespace(b)) {
                    leftOver = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read standard input", e);
        }
        if (leftOver) {
            throw new UserInputException("Standard input holds more than the secret values asked for; nothing was"
                                         + " stored. " + hint);
        }
    }

    private void readPemBody(String label, Buffer value, Buffer line) {
        while (!line.startsWith(PEM_END)) {
            line.clear();
            if (!readLine(line)) {
                throw new UserInputException("The " + label + " on standard input starts a PEM block but has no"
                                             + " '-----END ...' line");
            }
            value.append((byte) '\n');
            value.append(line);
        }
        value.append((byte) '\n');
    }

    /** Reads one line without its line break; false at the end of input with nothing read. */
    private boolean readLine(Buffer line) {
        try {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            while (b >= 0 && b != '\n') {
                line.append((byte) b);
                b = in.read();
            }
            if (line.length > 0 && line.data[line.length - 1] == '\r') {
                line.length--;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read standard input", e);
        }
    }

    /** A growable byte buffer that wipes what it held whenever it grows or is done. */
    private static final class Buffer {
        private byte[] data = new byte[128];
        private int length;

        void append(byte b) {
            if (length == data.length) {
                byte[] bigger = Arrays.copyOf(data, data.length * 2);
                Arrays.fill(data, (byte) 0);
                data = bigger;
            }
            data[length++] = b;
        }

        void append(Buffer other) {
            for (int i = 0; i < other.length; i++) {
                append(other.data[i]);
            }
        }

        boolean startsWith(byte[] prefix) {
            if (length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (data[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /** A copy of the content; the caller wipes it. */
        byte[] bytes() {
            return Arrays.copyOf(data, length);
        }

        void clear() {
            Arrays.fill(data, 0, length, (byte) 0);
            length = 0;
        }

        void wipe() {
            Arrays.fill(data, (byte) 0);
            length = 0;
        }
    }
}
