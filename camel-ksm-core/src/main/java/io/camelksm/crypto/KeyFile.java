package io.camelksm.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file that holds the AES-256 key of the default encryption scheme, outside the database. Format (37 bytes): the
 * magic {@code KSMK}, a format version byte (1) and 32 random key bytes. It is created on first use, readable and
 * writable by its owner only, and refused if anyone else may access it.
 */
public final class KeyFile {

    public static final int KEY_BYTES = AesGcmScheme.KEY_BYTES;
    static final byte[] MAGIC = { 'K', 'S', 'M', 'K' };
    static final byte VERSION = 1;
    public static final int FILE_BYTES = MAGIC.length + 1 + KEY_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path path;

    public KeyFile(Path path) {
        this.path = Objects.requireNonNull(path, "key file path").toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /** The key from an existing key file; the caller wipes the returned array. */
    public byte[] load() {
        checkOwnerOnlyFile(path);
        byte[] content = null;
        try {
            long size = Files.size(path);
            if (size != FILE_BYTES) {
                throw new KsmCryptoException("Key file " + path + " has " + size + " bytes, but a camel-ksm key file"
                                             + " has " + FILE_BYTES + ": it is not a camel-ksm key file, or it was"
                                             + " damaged");
            }
            content = Files.readAllBytes(path);
            if (content.length != FILE_BYTES
                || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new KsmCryptoException("Key file " + path + " is not a camel-ksm key file (wrong header)");
            }
            if (content[MAGIC.length] != VERSION) {
                throw new KsmCryptoException("Key file " + path + " has format version " + content[MAGIC.length]
                                             + "; this camel-ksm reads version " + VERSION);
            }
            return Arrays.copyOfRange(content, MAGIC.length + 1, FILE_BYTES);
        } catch (IOException e) {
            throw new KsmCryptoException("Cannot read key file " + path + ": " + e, e);
        } finally {
            if (content != null) {
                Arrays.fill(content, (byte) 0);
            }
        }
    }

    /** The key from the key file, creating the file with a new random key if there is none yet. */
    public byte[] loadOrCreate() {
        return exists() ? load() : create();
    }

    /**
     * Writes a new key to a private temporary file and links it into place, which fails if the key file appeared
     * meanwhile: two processes starting together end up with the same key, never overwrite each other's.
     */
    private byte[] create() {
        byte[] content = new byte[FILE_BYTES];
        Path temp = null;
        try {
            Path directory = OwnerOnlyFiles.createDirectories(path.getParent());
            System.arraycopy(MAGIC, 0, content, 0, MAGIC.length);
            content[MAGIC.length] = VERSION;
            byte[] key = new byte[KEY_BYTES];
            RANDOM.nextBytes(key);
            System.arraycopy(key, 0, content, MAGIC.length + 1, KEY_BYTES);
            Arrays.fill(key, (byte) 0);

            temp = OwnerOnlyFiles.createTempFile(directory, "." + path.getFileName() + "-");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (!linkIntoPlace(temp)) {
                LOG.info("Key file {} was created by another process meanwhile; using it", path);
                return load();
            }
            syncDirectory(directory);
            LOG.info("Created a new encryption key file {} (keep a backup: values encrypted with it cannot be read"
                     + " without it)", path);
            return Arrays.copyOfRange(content, MAGIC.length + 1, FILE_BYTES);
        } catch (IOException e) {
            throw new KsmCryptoException("Cannot create key file " + path + ": " + e, e);
        } finally {
            Arrays.fill(content, (byte) 0);
            deleteQuietly(temp);
        }
    }

    /** @return false if the key file exists already */
    private boolean linkIntoPlace(Path temp) throws IOException {
        try {
            Files.createLink(path, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            if (Files.exists(path)) {
                return false;
            }
            // file systems without hard links: a plain move, which refuses to replace an existing file
            try {
                Files.move(temp, path);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
    }

    /**
     * Refuses a key file that is missing, not a regular file, or accessible by anyone but its owner; for this file and
     * for the key files of encryption schemes ({@link SchemeKeys}).
     */
    static void checkOwnerOnlyFile(Path path) {
        if (!Files.exists(path)) {
            throw new KsmCryptoException("Key file " + path + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new KsmCryptoException("Key file " + path + " is not a regular file");
        }
        if (!OwnerOnlyFiles.isPosix()) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (OwnerOnlyFiles.othersHaveAccess(permissions)) {
                throw new KsmCryptoException("Key file " + path + " is accessible by group or others ("
                                             + PosixFilePermissions.toString(permissions) + "); it must be readable by"
                                             + " its owner only: chmod 600 " + path);
            }
        } catch (IOException e) {
            throw new KsmCryptoException("Cannot read the permissions of key file " + path + ": " + e, e);
        }
    }

    private static void syncDirectory(Path directory) {
        // makes the new directory entry durable; not every platform can open a directory, which is fine
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover empty-or-private temporary file; harmless
        }
    }

    @Override
    public String toString() {
        return "KeyFile[" + path + "]";
    }
}
