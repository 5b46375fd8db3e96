package io.camelksm.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.crypto.OwnerOnlyFiles;

/**
 * The directory of an {@link AuditJournal}, locked for one process at a time, and the journal's id kept in it (the id
 * survives restarts: with an event's sequence it is the event's unique key in the database).
 */
final class JournalDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalDirectory.class);

    static final String ID_FILE = "journal.id";
    static final String LOCK_FILE = "journal.lock";

    private final Path path;
    private final UUID id;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private JournalDirectory(Path path, UUID id, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.id = id;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the directory if needed, locks it and reads (or creates) the journal id.
     *
     * @throws KsmAuditException when another process holds the directory or its id file is damaged
     */
    static JournalDirectory lock(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath();
        OwnerOnlyFiles.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), OwnerOnlyFiles.fileAttributes());
        try {
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this process already
            }
            if (lock == null) {
                throw new KsmAuditException("The audit journal " + dir + " is in use by another process: give each"
                                            + " process its own auditJournalDirectory");
            }
            return new JournalDirectory(dir, readOrCreateId(dir), lockChannel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    UUID id() {
        return id;
    }

    Path path() {
        return path;
    }

    private static UUID readOrCreateId(Path dir) throws IOException {
        Path file = dir.resolve(ID_FILE);
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new KsmAuditException("The audit journal id file " + file + " is damaged (expected a UUID)");
            }
        }
        UUID id = UUID.randomUUID();
        Path temp = dir.resolve(ID_FILE + ".tmp");
        Files.deleteIfExists(temp);
        Files.write(temp, id.toString().getBytes(StandardCharsets.US_ASCII));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    /** Unlocks the directory. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("Releasing the audit journal lock: {}", e.toString());
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing {}: {}", channel, e.toString());
        }
    }
}
