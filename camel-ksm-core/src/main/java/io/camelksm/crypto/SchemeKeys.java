package io.camelksm.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Reads a scheme's key from a file: raw bytes of the algorithm's key length, or the same as hex or Base64 text. A file
 * others can read is refused; the key is never printed. (Placeholder on branch schemes-store; branch
 * schemes-algorithms owns this class.)
 */
public final class SchemeKeys {

    private SchemeKeys() {
    }

    /** The key in the file; the caller wipes it. */
    public static byte[] read(Path file, SchemeAlgorithm algorithm) {
        checkOwnerOnly(file);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KsmCryptoException("Cannot read key file " + file + ": " + e.getMessage(), e);
        }
        try {
            if (content.length == algorithm.keyBytes()) {
                return content.clone();
            }
            String text = new String(content, StandardCharsets.US_ASCII).strip();
            byte[] key = decodeText(text);
            if (key == null || key.length != algorithm.keyBytes()) {
                if (key != null) {
                    Arrays.fill(key, (byte) 0);
                }
                throw new KsmCryptoException("Key file " + file + " does not hold a " + algorithm.displayName()
                                             + " key: expected " + algorithm.keyBytes() + " raw bytes, or them as hex"
                                             + " or Base64 text");
            }
            return key;
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static byte[] decodeText(String text) {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException notHex) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
    }

    /** Refuses a key file that group or others may access. */
    public static void checkOwnerOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new KsmCryptoException("Key file " + file + " does not exist or is not a regular file");
        }
        if (!OwnerOnlyFiles.isPosix()) {
            return;
        }
        try {
            var permissions = Files.getPosixFilePermissions(file);
            if (OwnerOnlyFiles.othersHaveAccess(permissions)) {
                throw new KsmCryptoException("Key file " + file + " is accessible by group or others ("
                                             + PosixFilePermissions.toString(permissions) + "); it must be readable"
                                             + " by its owner only: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new KsmCryptoException("Cannot read the permissions of key file " + file + ": " + e.getMessage(), e);
        }
    }
}
