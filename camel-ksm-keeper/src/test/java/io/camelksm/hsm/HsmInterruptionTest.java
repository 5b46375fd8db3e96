package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HSM key that goes away and comes back under a running writer (a loop of config writes through one
 * {@link HsmKeyValueStorage}), on the SoftHSM2 token: while it is gone, writes fail with a clear error and change
 * nothing; once it is back, writes go on through the same storage and cipher, without a restart. The key comes back as
 * an HSM backup restores it: the same key material under the same label, a new object handle (the old handle stays
 * {@code CKR_OBJECT_HANDLE_INVALID} for ever, which needed a restart before).
 */
class HsmInterruptionTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private SoftHsm.Token token;

    @BeforeEach
    void setUp() {
        token = SoftHsm.token();
    }

    @Test
    void writesFailClearlyWhileTheKeyIsGoneAndResumeWhenItIsRestored() throws Exception {
        String alias = "restorable-" + UUID.randomUUID();
        byte[] keyBytes = new byte[32];
        RANDOM.nextBytes(keyBytes);
        token.importAesKey(alias, keyBytes);
        Path config = dir.resolve("ksm-config.enc");
        try (ConfigCipher cipher = HsmConfigCiphers.open(token.settings(alias))) {
            HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
            try (Writer writer = new Writer(storage)) {
                writer.awaitOks(3);

                token.deleteKey(alias);
                String failure = writer.awaitFailure();
                assertThat(failure)
                        .startsWith("the HSM is unavailable: could not encrypt with SunPKCS11-SoftHSM-camel-ksm key '"
                                    + alias + "' (AES_256_GCM) in 3 attempts")
                        .contains("(CKR_OBJECT_HANDLE_INVALID)")
                        .doesNotContain(token.pin());
                long lastOkWhileGone = writer.lastOk.get();
                // nothing changed: the file holds the last write that succeeded, and memory agrees
                assertThat(storage.getString("counter")).isEqualTo(Long.toString(lastOkWhileGone));

                token.importAesKey(alias, keyBytes);
                writer.awaitOks(writer.oks.get() + 3);
            }
            long last = Long.parseLong(storage.getString("counter"));
            try (ConfigCipher fresh = HsmConfigCiphers.open(token.settings(alias))) {
                assertThat(HsmKeyValueStorage.open(config, fresh).getString("counter")).isEqualTo(Long.toString(last));
            }
        } finally {
            token.deleteKey(alias);
        }
    }

    @Test
    void anotherKeyUnderTheSameLabelIsRefusedAndChangesNothing() throws Exception {
        String alias = "replaced-" + UUID.randomUUID();
        token.createAesKey(alias);
        Path config = dir.resolve("ksm-config.enc");
        try (ConfigCipher cipher = HsmConfigCiphers.open(token.settings(alias))) {
            HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
            storage.saveString("clientId", "c1");
            byte[] before = Files.readAllBytes(config);

            token.deleteKey(alias);
            token.createAesKey(alias);

            assertThatThrownBy(() -> storage.saveString("clientId", "c2"))
                    .isInstanceOf(HsmException.class)
                    .hasMessage("key '" + alias + "' found again in the HSM is not the key this cipher opened with"
                                + " (another key under the same label?): refusing to use it; restore the original"
                                + " key, or restart with the new one if the change was intended");
            assertThat(Files.readAllBytes(config)).isEqualTo(before);
            assertThat(storage.getString("clientId")).isEqualTo("c1");
        } finally {
            token.deleteKey(alias);
        }
    }

    /**
     * The SoftHSM2 token directory itself removed and restored (renamed away and back) under a writer in a process of
     * its own (so that this test JVM's SoftHSM2 never sees the token gone). While it is gone every write fails clearly
     * after its bounded attempts and the file keeps the last good write. What SoftHSM2 then does is its own: it marks a
     * token whose directory it found missing invalid for the rest of the process (a new login fails, the key is not
     * found), so the writer recovers only in a new process; this test shows that nothing was lost or corrupted and that
     * a restart works. Real HSMs that report a lost session or handle recover in-process (the test above).
     */
    @Test
    void aRemovedAndRestoredTokenDirectoryLosesNothing() throws Exception {
        Path tokenDir = tokenDirectory();
        Path away = tokenDir.resolveSibling("away-" + UUID.randomUUID());
        Path config = dir.resolve("ksm-config.enc");
        long lastOk;
        List<String> afterRestore = new java.util.ArrayList<>();
        try (ChildJvm child = ChildJvm.start(java.util.Map.of("KSM_CHILD_PIN", token.pin()), "outage-loop", "pkcs11",
                token.pkcs11Config().toString(), token.keyAlias(), config.toString())) {
            assertThat(child.nextLine(2, TimeUnit.MINUTES)).isEqualTo("ready 0");
            lastOk = okUntil(child, 3);

            Files.move(tokenDir, away);
            String failure;
            try {
                String line = child.nextLine(1, TimeUnit.MINUTES);
                while (line != null && line.startsWith("ok ")) {
                    lastOk = Long.parseLong(line.substring(3));
                    line = child.nextLine(1, TimeUnit.MINUTES);
                }
                failure = line;
            } finally {
                Files.move(away, tokenDir);
            }
            assertThat(failure).isNotNull()
                    .startsWith("fail the HSM is unavailable: could not encrypt with SunPKCS11-SoftHSM-camel-ksm key '"
                                + token.keyAlias() + "'")
                    .contains("in 3 attempts")
                    .doesNotContain(token.pin());
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1); System.nanoTime() < end;) {
                String line = child.nextLine(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    afterRestore.add(line);
                }
            }
            afterRestore.addAll(child.kill());
        }
        for (String line : afterRestore) {
            if (line.startsWith("ok ")) {
                lastOk = Long.parseLong(line.substring(3));
            }
        }
        System.out.printf("token directory restored: the same writer process then wrote %d times and failed %d times%n",
                afterRestore.stream().filter(l -> l.startsWith("ok ")).count(),
                afterRestore.stream().filter(l -> l.startsWith("fail ")).count());
        // a restarted writer finds the last good write and goes on
        try (ChildJvm restarted = ChildJvm.start(java.util.Map.of("KSM_CHILD_PIN", token.pin()), "outage-loop",
                "pkcs11", token.pkcs11Config().toString(), token.keyAlias(), config.toString())) {
            String ready = restarted.nextLine(2, TimeUnit.MINUTES);
            assertThat(ready).startsWith("ready ");
            long onDisk = Long.parseLong(ready.substring("ready ".length()));
            // the last acknowledged write, or one whose "ok" the kill swallowed
            assertThat(onDisk).isBetween(lastOk, lastOk + 1);
            assertThat(restarted.nextLine(2, TimeUnit.MINUTES)).isEqualTo("ok " + (onDisk + 1));
        }
    }

    private static long okUntil(ChildJvm child, long count) throws InterruptedException {
        long n = 0;
        while (n < count) {
            String line = child.nextLine(2, TimeUnit.MINUTES);
            assertThat(line).isNotNull().startsWith("ok ");
            n = Long.parseLong(line.substring(3));
        }
        return n;
    }

    /** The token's directory under SoftHSM2's {@code directories.tokendir}. */
    private static Path tokenDirectory() throws Exception {
        Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
        String tokenDir = Files.readAllLines(conf).stream().filter(l -> l.startsWith("directories.tokendir"))
                .map(l -> l.substring(l.indexOf('=') + 1).strip()).findFirst().orElseThrow();
        try (var dirs = Files.list(Path.of(tokenDir))) {
            List<Path> tokens = dirs.filter(Files::isDirectory).toList();
            assertThat(tokens).as("token directories in " + tokenDir).hasSize(1);
            return tokens.get(0);
        }
    }

    /** Writes an increasing counter through the storage in a loop, recording what worked and what failed. */
    private static final class Writer implements AutoCloseable {

        final AtomicLong oks = new AtomicLong();
        final AtomicLong lastOk = new AtomicLong();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Writer(HsmKeyValueStorage storage) {
            thread = new Thread(() -> {
                long n = 0;
                while (running.get()) {
                    n++;
                    try {
                        storage.saveString("counter", Long.toString(n));
                        lastOk.set(n);
                        oks.incrementAndGet();
                    } catch (HsmException e) {
                        failures.add(e.getMessage());
                    }
                    sleep(10);
                }
            }, "config-writer");
            thread.start();
        }

        void awaitOks(long count) {
            await(() -> oks.get() >= count, "at least " + count + " successful writes (failures: " + failures + ")");
        }

        String awaitFailure() {
            int seen = failures.size();
            await(() -> failures.size() > seen, "a failed write");
            return failures.get(seen);
        }

        private static void await(java.util.function.BooleanSupplier condition, String what) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out waiting for " + what);
                }
                sleep(10);
            }
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(TimeUnit.MINUTES.toMillis(1));
        }
    }
}
