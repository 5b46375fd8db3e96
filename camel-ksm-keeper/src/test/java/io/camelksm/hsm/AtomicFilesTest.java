package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlyFileAndLeavesNoTempFile() throws Exception {
        Path target = dir.resolve("sub/config.enc");

        AtomicFiles.write(target, new byte[] { 1, 2, 3 });

        assertThat(target).hasBinaryContent(new byte[] { 1, 2, 3 });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(list(target.getParent())).containsExactly("config.enc");
    }

    @Test
    void replacesTheContentWithANewFile() throws Exception {
        Path target = dir.resolve("config.enc");
        AtomicFiles.write(target, new byte[] { 1 });
        Object inodeBefore = Files.getAttribute(target, "unix:ino");

        AtomicFiles.write(target, new byte[] { 2, 2 });

        assertThat(target).hasBinaryContent(new byte[] { 2, 2 });
        // a rename, not an overwrite in place: a reader never sees half of it
        assertThat(Files.getAttribute(target, "unix:ino")).isNotEqualTo(inodeBefore);
        assertThat(list(dir)).containsExactly("config.enc");
    }

    @Test
    void aFailedRenameLeavesTheTargetAsItWasAndRemovesTheTempFile() throws Exception {
        // a non-empty directory cannot be replaced by a file: the last step fails
        Path target = dir.resolve("config.enc");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep"), "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] { 9 })).isInstanceOf(IOException.class);

        assertThat(target.resolve("keep")).hasContent("old");
        assertThat(list(dir)).containsExactly("config.enc");
    }

    @Test
    void deleteRemovesTheTargetAndTempFilesLeftByAKilledWriter() throws Exception {
        Path target = dir.resolve("config.enc");
        AtomicFiles.write(target, new byte[] { 1 });
        Files.write(dir.resolve(".config.enc.12345.tmp"), new byte[] { 7 });
        Files.write(dir.resolve("unrelated.tmp"), new byte[] { 7 });

        assertThat(AtomicFiles.delete(target)).isTrue();
        assertThat(AtomicFiles.delete(target)).isFalse();

        assertThat(list(dir)).containsExactly("unrelated.tmp");
    }

    private static Stream<String> listStream(Path d) throws IOException {
        return Files.list(d).map(p -> p.getFileName().toString()).sorted();
    }

    private static java.util.List<String> list(Path d) throws IOException {
        try (Stream<String> s = listStream(d)) {
            return s.toList();
        }
    }
}
