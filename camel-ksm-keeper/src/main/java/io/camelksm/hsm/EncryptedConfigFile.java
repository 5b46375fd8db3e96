package io.camelksm.hsm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The file behind an {@link HsmKeyValueStorage}: reads and decrypts it, and replaces it atomically with the config
 * encrypted anew ({@link EncryptedConfigFormat}, {@link AtomicFiles}). Keeps no config of its own; the storage's lock
 * guards every call.
 */
final class EncryptedConfigFile {

    private final Path path;
    private final AtomicLong writes = new AtomicLong();

    EncryptedConfigFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** How many times the file was written through this instance. */
    long writes() {
        return writes.get();
    }

    /** The file's bytes, or null when it does not exist. */
    byte[] readIfExists() {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new HsmException("cannot read config file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The config in the file's bytes, decrypted with the cipher. */
    SortedMap<String, String> decrypt(byte[] bytes, ConfigCipher cipher) {
        EncryptedConfigFormat.Parsed parsed = EncryptedConfigFormat.parse(path, bytes);
        byte[] json = EncryptedConfigFormat.decrypt(path, parsed, cipher);
        try {
            return ConfigJson.parse(json);
        } catch (ConfigJson.InvalidJson e) {
            throw new InvalidConfigJsonException(path, "it decrypted, but " + e.getMessage());
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /** Encrypts the config with a fresh IV and replaces the file. */
    void write(SortedMap<String, String> config, ConfigCipher with) {
        byte[] json = ConfigJson.write(config);
        try {
            replace(EncryptedConfigFormat.encrypt(json, with));
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /** Encrypts, proves the result decrypts to the same config, then replaces the file. */
    void writeVerified(SortedMap<String, String> config, ConfigCipher with) {
        byte[] json = ConfigJson.write(config);
        byte[] back = null;
        try {
            byte[] image;
            try {
                image = EncryptedConfigFormat.encrypt(json, with);
                back = EncryptedConfigFormat.decrypt(path, EncryptedConfigFormat.parse(path, image), with);
            } catch (HsmException e) {
                throw new HsmException("cannot encrypt config " + path + " with " + with.description()
                                       + "; nothing was changed: " + e.getMessage(), e);
            }
            if (!MessageDigest.isEqual(json, back)) {
                throw new HsmException(with.description() + " did not decrypt the re-encrypted config " + path
                                       + " to the same content; nothing was changed");
            }
            replace(image);
        } finally {
            Arrays.fill(json, (byte) 0);
            if (back != null) {
                Arrays.fill(back, (byte) 0);
            }
        }
    }

    /**
     * Writes the config as plaintext JSON to the target (atomically, owner-only); never over this file.
     *
     * @throws HsmException if the target is this file, or cannot be written
     */
    void exportPlaintext(SortedMap<String, String> config, Path target) {
        if (target.normalize().equals(path.normalize()) || sameFile(target, path)) {
            throw new HsmException("will not overwrite the encrypted config " + path + " with plaintext");
        }
        byte[] json = ConfigJson.write(config);
        try {
            AtomicFiles.write(target, json);
        } catch (IOException e) {
            throw new HsmException("cannot write plaintext config to " + target + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /** Deletes the file and temp files a killed writer may have left beside it. */
    void delete() {
        try {
            AtomicFiles.delete(path);
        } catch (IOException e) {
            throw new HsmException("cannot delete config file " + path + ": " + e.getMessage(), e);
        }
    }

    private void replace(byte[] image) {
        try {
            AtomicFiles.write(path, image);
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new HsmException("cannot write config file " + path + " (the old file is unchanged): "
                                   + e.getMessage(), e);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
