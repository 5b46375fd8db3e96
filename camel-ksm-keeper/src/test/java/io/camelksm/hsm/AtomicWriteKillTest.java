package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.credential.Secret;

/**
 * Kills a JVM that rewrites the config in a loop (SIGKILL, at random moments, many times) and checks that the file
 * always decrypts to the config before or after the write in flight: never a torn, half-written or unreadable file.
 */
class AtomicWriteKillTest {

    private static final String PASSWORD = "kill-test-password";

    @TempDir
    Path dir;

    @Test
    void killedWritersLeaveTheOldOrTheNewConfigWithASoftwareKey() throws Exception {
        Path keys = dir.resolve("keys.p12");
        Pkcs12KeyFile.addAesKey(keys, Secret.of(PASSWORD), "kill-key");
        HsmSettings settings = HsmSettings.softwarePkcs12(keys, Secret.of(PASSWORD), "kill-key");

        killRepeatedly(settings, "pkcs12", keys, PASSWORD, 10);
    }

    @Test
    void killedWritersLeaveTheOldOrTheNewConfigWithTheSoftHsmKey() throws Exception {
        SoftHsm.Token token = SoftHsm.token();

        killRepeatedly(token.settings(), "pkcs11", token.pkcs11Config(), token.pin(), 6);
    }

    private void killRepeatedly(HsmSettings settings, String provider, Path keyConfig, String pin, int rounds)
            throws Exception {
        Path config = dir.resolve("ksm-config.enc");
        int landedUnacknowledged = 0;
        long last = 0;
        for (int round = 1; round <= rounds; round++) {
            long acknowledged;
            try (ChildJvm child = ChildJvm.start(Map.of("KSM_CHILD_PIN", pin), "write-loop", provider,
                    keyConfig.toString(), settings.keyAlias(), config.toString())) {
                String ready = child.nextLine(2, TimeUnit.MINUTES);
                assertThat(ready).as("round %d: child start", round).isEqualTo("ready " + last);
                // once it is writing in its loop, let it go on for a random while, then kill it wherever it is
                acknowledged = ok(child.nextLine(2, TimeUnit.MINUTES));
                long deadline = System.nanoTime()
                                + TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(1, 300));
                while (System.nanoTime() < deadline) {
                    String line = child.nextLine(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (line != null) {
                        acknowledged = ok(line);
                    }
                }
                for (String line : child.kill()) {
                    acknowledged = ok(line);
                }
            }
            assertThat(acknowledged).as("round %d: the child wrote", round).isGreaterThan(last);

            long onDisk;
            try (ConfigCipher cipher = HsmConfigCiphers.open(settings)) {
                onDisk = HsmChildMain.counter(HsmKeyValueStorage.open(config, cipher).getString(HsmChildMain.BLOB));
            }
            // the last acknowledged write, or one in flight when the kill came. Not an upper bound of
            // acknowledged + 1: a write can land while its "ok" line is still in the dying child's pipe.
            assertThat(onDisk).as("round %d", round).isGreaterThanOrEqualTo(acknowledged);
            if (onDisk > acknowledged) {
                landedUnacknowledged++;
            }
            last = onDisk;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> temps = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            // temp files of killed writers hold ciphertext only; deleteAll removes them
            System.out.printf("%d rounds, %d writes, %d landed after the last acknowledgement, %d temp files left%n",
                    rounds, last, landedUnacknowledged, temps.size());
        }
        // once they are older than a write can take, opening the storage removes what the killed writers left
        try (Stream<Path> files = Files.list(dir)) {
            FileTime old = FileTime.from(Instant.now().minus(AtomicFiles.STALE_TEMP_AGE.multipliedBy(2)));
            for (Path p : files.filter(p -> AtomicFiles.isTempOf(config, p)).toList()) {
                Files.setLastModifiedTime(p, old);
            }
        }
        try (ConfigCipher cipher = HsmConfigCiphers.open(settings)) {
            assertThat(HsmChildMain.counter(HsmKeyValueStorage.open(config, cipher).getString(HsmChildMain.BLOB)))
                    .isEqualTo(last);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
    }

    private static long ok(String line) {
        assertThat(line).isNotNull().startsWith("ok ");
        return Long.parseLong(line.substring(3));
    }
}
