package io.camelksm.crypto;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Creates files and directories that only their owner can use, with the permissions set atomically at creation. */
public final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyFiles() {
    }

    /** Whether anyone but the owner may write (create, rename, delete entries in a directory). */
    public static boolean othersCanWrite(Set<PosixFilePermission> permissions) {
        return permissions.contains(PosixFilePermission.GROUP_WRITE)
               || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** Whether anyone but the owner has any access at all. */
    public static boolean othersHaveAccess(Set<PosixFilePermission> permissions) {
        return permissions.stream().anyMatch(GROUP_OR_OTHERS::contains);
    }

    /** The owner's permissions only (the file's group and others lose theirs). */
    public static Set<PosixFilePermission> ownerPart(Set<PosixFilePermission> permissions) {
        Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
        permissions.stream().filter(p -> !GROUP_OR_OTHERS.contains(p)).forEach(owner::add);
        return owner;
    }

    /** Creates an empty file as {@code rw-------}; false if it exists already (left as it is). */
    public static boolean createFile(Path file) throws IOException {
        try {
            if (isPosix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /**
     * Creation attributes of a file only its owner may read and write ({@code rw-------}); none where POSIX permissions
     * do not exist.
     */
    public static FileAttribute<?>[] fileAttributes() {
        return isPosix() ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_FILE) }
                : new FileAttribute<?>[0];
    }

    public static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates a directory and its missing parents as {@code rwx------}; directories that exist are left as they are.
     */
    public static Path createDirectories(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath();
        if (Files.isDirectory(dir)) {
            return dir;
        }
        return isPosix()
                ? Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY))
                : Files.createDirectories(dir);
    }

    /** A new, empty temporary file in the directory, readable and writable by its owner only. */
    static Path createTempFile(Path directory, String prefix) throws IOException {
        if (isPosix()) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_FILE);
            return Files.createTempFile(directory, prefix, ".tmp", ownerOnly);
        }
        Path file = Files.createTempFile(directory, prefix, ".tmp");
        // best effort where POSIX permissions do not exist
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
        file.toFile().setWritable(false, false);
        file.toFile().setWritable(true, true);
        return file;
    }
}
