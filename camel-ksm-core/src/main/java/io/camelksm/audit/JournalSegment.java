package io.camelksm.audit;

import static io.camelksm.audit.AuditJournal.FILE_HEADER;
import static io.camelksm.audit.AuditJournal.MAGIC;
import static io.camelksm.audit.AuditJournal.RECORD_HEADER;
import static io.camelksm.audit.AuditJournal.VERSION;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.crypto.OwnerOnlyFiles;

/** One file of the {@link AuditJournal}, mapped whole; its layout is described there. */
final class JournalSegment {

    private static final Logger LOG = LoggerFactory.getLogger(JournalSegment.class);
    private static final Pattern NAME = Pattern.compile("audit-(\\d{20})\\.journal");

    final Path path;
    final FileChannel channel;
    final MappedByteBuffer buffer;
    final long firstSequence;
    /** Set once no more events go into this file; {@link #lastSequence} is then final. */
    volatile boolean sealed;
    volatile long lastSequence;

    private JournalSegment(Path path, FileChannel channel, MappedByteBuffer buffer, long firstSequence) {
        this.path = path;
        this.channel = channel;
        this.buffer = buffer;
        this.firstSequence = firstSequence;
        this.lastSequence = firstSequence - 1;
    }

    static JournalSegment create(Path dir, UUID id, long firstSequence, int size) throws IOException {
        Path path = dir.resolve(String.format("audit-%020d.journal", firstSequence));
        FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE), OwnerOnlyFiles.fileAttributes());
        try {
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            buffer.putInt(0, MAGIC).putInt(4, VERSION).putLong(8, firstSequence)
                    .putLong(16, id.getMostSignificantBits()).putLong(24, id.getLeastSignificantBits());
            return new JournalSegment(path, channel, buffer, firstSequence);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** The files left behind in the directory, oldest first, each sealed after its last valid record. */
    static List<JournalSegment> recoverAll(Path dir, UUID id) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().forEach(files::add);
        }
        List<JournalSegment> found = new ArrayList<>();
        for (Path file : files) {
            JournalSegment s = recover(file, id);
            if (s != null) {
                found.add(s);
            }
        }
        return found;
    }

    /** A file left behind, sealed after its last valid record; null (and deleted) when it holds none. */
    static JournalSegment recover(Path path, UUID id) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long size = channel.size();
        if (size < FILE_HEADER || size > Integer.MAX_VALUE) {
            channel.close();
            LOG.warn("Deleting {}: not an audit journal file of a usable size", path);
            Files.delete(path);
            return null;
        }
        MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        if (buffer.getInt(0) == 0 && buffer.getLong(8) == 0) {
            channel.close();
            LOG.info("Deleting {}: created when the process died, before anything was written to it", path);
            Files.delete(path);
            return null;
        }
        if (buffer.getInt(0) != MAGIC || buffer.getInt(4) != VERSION
            || buffer.getLong(16) != id.getMostSignificantBits()
            || buffer.getLong(24) != id.getLeastSignificantBits()) {
            channel.close();
            throw new KsmAuditException("The audit journal file " + path + " does not belong to this journal (its"
                                        + " header names another journal or format): move it away");
        }
        JournalSegment s = new JournalSegment(path, channel, buffer, buffer.getLong(8));
        CRC32C crc = new CRC32C();
        int offset = FILE_HEADER;
        long expected = s.firstSequence;
        while (offset + RECORD_HEADER <= size) {
            int length = buffer.getInt(offset);
            if (length <= 0 || offset + RECORD_HEADER + length > size
                || buffer.getLong(offset + 8) != expected) {
                break;
            }
            crc.reset();
            crc.update(buffer.slice(offset + 8, 8 + length));
            if ((int) crc.getValue() != buffer.getInt(offset + 4)) {
                break; // torn: written when the JVM died, its request never went on
            }
            offset += RECORD_HEADER + length;
            expected++;
        }
        s.seal(expected - 1);
        return s;
    }

    void seal(long last) {
        lastSequence = last;
        sealed = true;
    }

    void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing {}: {}", path, e.toString());
        }
    }

    void delete() {
        closeChannel();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Cannot delete the audit journal file {}, whose events are all in the database: {}", path,
                    e.toString());
        }
    }
}
