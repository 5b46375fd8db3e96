package io.camelksm.hsm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.crypto.OwnerOnlyFiles;

/**
 * Replaces a file so that a reader, or a restart after a crash, sees the old content or the new, never a mix: write a
 * temp file in the same directory (same file system, so the rename is atomic), fsync it, rename it over the target,
 * fsync the directory. Files are created owner-only (0600) where the file system has POSIX permissions.
 * <p>
 * A writer killed mid-write leaves its temp file behind (ciphertext only, but clutter that grows):
 * {@link #removeStaleTemps(Path, Duration)} removes those of a target that are old and not locked by a writer.
 */
final class AtomicFiles {

    static final String TEMP_SUFFIX = ".tmp";
    /** A temp file untouched for this long belongs to a dead writer: a write takes milliseconds. */
    static final Duration STALE_TEMP_AGE = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);


    private AtomicFiles() {
    }

    /** The prefix of this target's temp files: hidden, and named after the target so they are easy to trace. */
    static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /**
     * Atomically replaces (or creates) the target with the content.
     *
     * @throws IOException if any step fails; the target is then unchanged and the temp file removed
     */
    static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, tempPrefix(target), TEMP_SUFFIX, OwnerOnlyFiles.fileAttributes());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                // the lock tells removeStaleTemps (here or in another process) that a live writer owns this file
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically", e);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Deletes the target and any temp files a killed writer left beside it; true if the target existed. */
    static boolean delete(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        boolean existed = Files.deleteIfExists(target);
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir,
                    p -> isTempOf(target, p))) {
                for (Path temp : temps) {
                    Files.deleteIfExists(temp);
                }
            }
            syncDirectory(dir);
        }
        return existed;
    }

    /**
     * Whether the candidate is one of our temp files for that target: exactly the name
     * {@link Files#createTempFile(Path, String, String)} gives, prefix + digits + suffix, nothing looser.
     */
    static boolean isTempOf(Path target, Path candidate) {
        String name = candidate.getFileName().toString();
        return tempName(target).matcher(name).matches();
    }

    private static Pattern tempName(Path target) {
        return Pattern.compile(Pattern.quote(tempPrefix(target)) + "[0-9]+" + Pattern.quote(TEMP_SUFFIX));
    }

    /**
     * Removes the temp files that killed writers left beside the target: ours only (exact name), regular files, last
     * modified longer than minAge ago and not locked by a writer (in this process or another). Never fails: a temp
     * file that cannot be removed is left, with a warning.
     *
     * @return how many were removed
     */
    static int removeStaleTemps(Path target, Duration minAge) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        Pattern ours = tempName(target);
        Instant cutoff = Instant.now().minus(minAge);
        int removed = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir,
                p -> ours.matcher(p.getFileName().toString()).matches())) {
            for (Path temp : temps) {
                if (removeIfStale(temp, cutoff)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot look for stale temp files of {} in {}: {}", target.getFileName(), dir, e.toString());
        }
        if (removed > 0) {
            syncDirectory(dir);
            LOG.info("Removed {} temp file(s) that killed writers left beside {}", removed, target);
        }
        return removed;
    }

    private static boolean removeIfStale(Path temp, Instant cutoff) {
        try {
            if (!Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            FileTime modified = Files.getLastModifiedTime(temp);
            if (modified.toInstant().isAfter(cutoff)) {
                return false; // may be a write in flight
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    return false; // another process writes it
                }
                try {
                    return Files.deleteIfExists(temp);
                } finally {
                    lock.release();
                }
            } catch (OverlappingFileLockException e) {
                return false; // a writer in this JVM holds it
            }
        } catch (IOException e) {
            LOG.warn("Cannot remove the stale temp file {}: {}", temp, e.toString());
            return false;
        }
    }

    /** Makes the rename itself durable. Not possible on every platform (Windows): then the rename has to do. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the data itself was forced before the rename
        }
    }
}
