package io.camelksm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path dir;

    @Test
    void createsAKeyFileOwnerOnlyInOwnerOnlyDirectories() throws Exception {
        KeyFile keyFile = new KeyFile(dir.resolve("new/sub/ksm.key"));

        byte[] key = keyFile.loadOrCreate();

        assertThat(key).hasSize(32);
        assertThat(key).isNotEqualTo(new byte[32]);
        Path file = keyFile.path();
        assertThat(Files.size(file)).isEqualTo(KeyFile.FILE_BYTES);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new/sub"))))
                .isEqualTo("rwx------");
        assertThat(Files.readAllBytes(file)).startsWith('K', 'S', 'M', 'K', 1);
        // no temporary file left behind
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void loadsTheSameKeyAgain() {
        KeyFile keyFile = new KeyFile(dir.resolve("ksm.key"));
        byte[] created = keyFile.loadOrCreate();

        assertThat(new KeyFile(dir.resolve("ksm.key")).load()).isEqualTo(created);
        assertThat(keyFile.loadOrCreate()).isEqualTo(created);
    }

    @Test
    void twoKeyFilesHaveDifferentKeys() {
        byte[] a = new KeyFile(dir.resolve("a.key")).loadOrCreate();
        byte[] b = new KeyFile(dir.resolve("b.key")).loadOrCreate();

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void refusesAWorldReadableKeyFile() throws Exception {
        KeyFile keyFile = new KeyFile(dir.resolve("ksm.key"));
        byte[] key = keyFile.loadOrCreate();
        Files.setPosixFilePermissions(keyFile.path(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(keyFile::load)
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining(keyFile.path().toString())
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600");
        assertThatThrownBy(keyFile::loadOrCreate).isInstanceOf(KsmCryptoException.class);
        // the error does not leak the key, in any encoding
        assertThatThrownBy(keyFile::load).message()
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(key))
                .doesNotContain(java.util.HexFormat.of().formatHex(key));
    }

    @Test
    void refusesAGroupReadableKeyFile() throws Exception {
        KeyFile keyFile = new KeyFile(dir.resolve("ksm.key"));
        keyFile.loadOrCreate();
        Files.setPosixFilePermissions(keyFile.path(), PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(keyFile::load)
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("accessible by group or others");
    }

    @Test
    void refusesAKeyFileOfTheWrongLength() throws Exception {
        Path file = dir.resolve("short.key");
        Files.write(file, new byte[] { 'K', 'S', 'M', 'K', 1, 2, 3 });
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> new KeyFile(file).load())
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("has 7 bytes")
                .hasMessageContaining(String.valueOf(KeyFile.FILE_BYTES));
    }

    @Test
    void refusesAFileThatIsNotAKeyFile() throws Exception {
        Path file = dir.resolve("other.key");
        byte[] content = new byte[KeyFile.FILE_BYTES];
        Arrays.fill(content, (byte) 'x');
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> new KeyFile(file).load())
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("wrong header");
    }

    @Test
    void aMissingKeyFileIsNamed() {
        Path file = dir.resolve("missing.key");

        assertThatThrownBy(() -> new KeyFile(file).load())
                .isInstanceOf(KsmCryptoException.class)
                .hasMessage("Key file " + file + " does not exist");
    }

    @Test
    void processesCreatingTheKeyFileTogetherAllGetTheSameKey() throws Exception {
        Path file = dir.resolve("race/ksm.key");
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<byte[]>> keys = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                keys.add(pool.submit(() -> {
                    start.await();
                    return new KeyFile(file).loadOrCreate();
                }));
            }
            byte[] first = keys.get(0).get();
            for (Future<byte[]> key : keys) {
                assertThat(key.get()).isEqualTo(first);
            }
            assertThat(new KeyFile(file).load()).isEqualTo(first);
        } finally {
            pool.shutdownNow();
        }
    }
}
