package io.camelksm.hsm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that a reader, or a restart after a crash, sees the old content or the new, never a mix: write a
 * temp file in the same directory (same file system, so the rename is atomic), fsync it, rename it over the target,
 * fsync the directory. Files are created owner-only (0600) where the file system has POSIX permissions.
 */
final class AtomicFiles {

    static final String TEMP_SUFFIX = ".tmp";

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
        Path temp = POSIX
                ? Files.createTempFile(dir, tempPrefix(target), TEMP_SUFFIX, ownerOnly())
                : Files.createTempFile(dir, tempPrefix(target), TEMP_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
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

    static boolean isTempOf(Path target, Path candidate) {
        String name = candidate.getFileName().toString();
        return name.startsWith(tempPrefix(target)) && name.endsWith(TEMP_SUFFIX);
    }

    /** Makes the rename itself durable. Not possible on every platform (Windows): then the rename has to do. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the data itself was forced before the rename
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
