package io.camelksm.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes the raw key of one encryption scheme in a file of its own: to import a key an operator brings
 * (from a legacy system, from a vault) and to keep a SERVER scheme's key on a node. A key file is refused if anyone
 * but its owner may access it. Errors name the file and the expected format, never the key.
 */
public final class SchemeKeys {

    /** Larger files are certainly not a key; they are refused before being read. */
    static final int MAX_FILE_BYTES = 4096;

    private SchemeKeys() {
    }

    /**
     * The key of a scheme of {@code algorithm} from a file holding exactly {@code keyBytes()} raw bytes, or the key as
     * hexadecimal or Base64 text (surrounding white space ignored).
     *
     * @return the key; the caller wipes it
     */
    public static byte[] importKey(Path file, SchemeAlgorithm algorithm) {
        Objects.requireNonNull(file, "key file");
        Objects.requireNonNull(algorithm, "algorithm");
        Path path = file.toAbsolutePath();
        checkReadable(path);
        byte[] content = null;
        try {
            content = Files.readAllBytes(path);
            byte[] key = parse(content, algorithm.keyBytes());
            if (key == null) {
                throw new KsmCryptoException("Key file " + path + " does not hold a key for " + algorithm.displayName()
                                             + ": expected exactly " + algorithm.keyBytes() + " raw bytes, "
                                             + algorithm.keyBytes() * 2 + " hexadecimal digits or the same in"
                                             + " Base64 (the file has " + content.length + " bytes)");
            }
            return key;
        } catch (IOException e) {
            throw new KsmCryptoException("Cannot read key file " + path + ": " + e, e);
        } finally {
            if (content != null) {
                Arrays.fill(content, (byte) 0);
            }
        }
    }

    /**
     * Writes a key as raw bytes to a new file only its owner can access, made durable before this returns; an
     * existing file is never overwritten.
     */
    public static void write(Path file, byte[] key) {
        Path path = Objects.requireNonNull(file, "key file").toAbsolutePath();
        try {
            OwnerOnlyFiles.createDirectories(path.getParent());
            try (FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), OwnerOnlyFiles.fileAttributes())) {
                ByteBuffer buffer = ByteBuffer.wrap(key);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new KsmCryptoException("Key file " + path + " exists already; it is never overwritten");
        } catch (IOException e) {
            throw new KsmCryptoException("Cannot write key file " + path + ": " + e, e);
        }
    }

    private static void checkReadable(Path path) {
        KeyFile.checkOwnerOnlyFile(path);
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw new KsmCryptoException("Key file " + path + " has " + size + " bytes: too large to be a key");
            }
        } catch (IOException e) {
            throw new KsmCryptoException("Cannot read key file " + path + ": " + e, e);
        }
    }

    /**
     * Raw first: a raw key has exactly {@code keyBytes} bytes, which is never the length of the same key in hex
     * ({@code 2 * keyBytes}) or Base64 ({@code 4 * ceil(keyBytes / 3)}) for the key sizes we use.
     */
    static byte[] parse(byte[] content, int keyBytes) {
        if (content.length == keyBytes) {
            return content.clone();
        }
        char[] text = trimmedText(content);
        try {
            byte[] key = text.length == keyBytes * 2 ? hex(text) : base64(text);
            if (key != null && key.length != keyBytes) {
                Arrays.fill(key, (byte) 0);
                return null;
            }
            return key;
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    private static char[] trimmedText(byte[] content) {
        int start = 0;
        int end = content.length;
        while (start < end && Character.isWhitespace(content[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(content[end - 1])) {
            end--;
        }
        char[] text = new char[end - start];
        for (int i = 0; i < text.length; i++) {
            text[i] = (char) (content[start + i] & 0xff);
        }
        return text;
    }

    private static byte[] hex(char[] text) {
        byte[] key = new byte[text.length / 2];
        for (int i = 0; i < key.length; i++) {
            int high = Character.digit(text[2 * i], 16);
            int low = Character.digit(text[2 * i + 1], 16);
            if (high < 0 || low < 0) {
                Arrays.fill(key, (byte) 0);
                return base64(text); // 2 * keyBytes characters can also be Base64 of something else
            }
            key[i] = (byte) (high << 4 | low);
        }
        return key;
    }

    private static byte[] base64(char[] text) {
        byte[] ascii = new byte[text.length];
        for (int i = 0; i < text.length; i++) {
            ascii[i] = (byte) text[i];
        }
        try {
            return Base64.getDecoder().decode(ascii);
        } catch (IllegalArgumentException notBase64) {
            return null;
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
    }
}
