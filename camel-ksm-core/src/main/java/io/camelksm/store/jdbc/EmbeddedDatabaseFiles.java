package io.camelksm.store.jdbc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.KsmException;
import io.camelksm.crypto.OwnerOnlyFiles;

/**
 * The embedded H2 database's directory and files, kept owner-only like the key file beside them: the database holds
 * the audit trail, the access rights and the encrypted secrets. H2 creates its files with the process umask (0644
 * usually), so the database file is created empty, owner-only, before H2 opens it (H2 fills an empty file), and files
 * of earlier versions are tightened.
 */
final class EmbeddedDatabaseFiles {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseFiles.class);

    private EmbeddedDatabaseFiles() {
    }

    /**
     * Before H2 opens the database at {@code base} ({@code /dir/ksm} for {@code /dir/ksm.mv.db}): creates the
     * directory {@code rwx------}, or checks the one that exists (refused if group or others can write it, a warning
     * if they can read it), and creates the database file {@code rw-------}.
     */
    static void prepare(Path base) {
        Path dir = base.toAbsolutePath().getParent();
        try {
            if (Files.isDirectory(dir)) {
                checkDirectory(dir);
            } else {
                OwnerOnlyFiles.createDirectories(dir);
            }
            if (OwnerOnlyFiles.createFile(dir.resolve(base.getFileName() + ".mv.db"))) {
                LOG.debug("Created the database file {}.mv.db owner-only", base);
            }
        } catch (IOException e) {
            throw new KsmException("Cannot create the directory " + dir + " of the camel-ksm database: " + e, e);
        }
    }

    /** After H2 opened it: database files (ours: {@code <base>.*.db}) that others may access become owner-only. */
    static void tightenFiles(Path base) {
        if (!OwnerOnlyFiles.isPosix()) {
            return;
        }
        Path dir = base.toAbsolutePath().getParent();
        String prefix = base.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".db"))) {
            for (Path file : files) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (OwnerOnlyFiles.othersHaveAccess(permissions)) {
                    Files.setPosixFilePermissions(file, OwnerOnlyFiles.ownerPart(permissions));
                    LOG.warn("The camel-ksm database file {} was accessible by group or others ({}): made it"
                             + " owner-only", file, PosixFilePermissions.toString(permissions));
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot make the camel-ksm database files in {} owner-only ({}): check them, chmod 600 {}*.db",
                    dir, e.toString(), dir.resolve(prefix));
        }
    }

    private static void checkDirectory(Path dir) throws IOException {
        if (!OwnerOnlyFiles.isPosix()) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
        String shown = PosixFilePermissions.toString(permissions);
        if (OwnerOnlyFiles.othersCanWrite(permissions)) {
            throw new KsmException("The directory " + dir + " of the camel-ksm database can be written by group or"
                                   + " others (" + shown + "): they could replace the database or its key file."
                                   + " Make it private: chmod 700 " + dir);
        }
        if (OwnerOnlyFiles.othersHaveAccess(permissions)) {
            LOG.warn("SECURITY: the directory {} of the camel-ksm database (audit trail, access rights, encrypted"
                     + " secrets) can be read or entered by group or others ({}); the database files are owner-only,"
                     + " but make the directory private: chmod 700 {}", dir, shown, dir);
        }
    }
}
