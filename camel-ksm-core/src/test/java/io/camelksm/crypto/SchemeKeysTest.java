package io.camelksm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemeKeysTest {

    @TempDir
    Path dir;

    private final byte[] key = SchemeAlgorithm.AES_256_CBC_HMAC_SHA256.generateKey();

    private Path ownerOnly(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        if (OwnerOnlyFiles.isPosix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    @Test
    void importsRawHexAndBase64Keys() throws Exception {
        Path raw = ownerOnly("raw.key", key);
        Path hex = ownerOnly("hex.key", ("  " + HexFormat.of().withUpperCase().formatHex(key) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        Path base64 = ownerOnly("b64.key", (Base64.getEncoder().encodeToString(key) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        for (Path file : new Path[] { raw, hex, base64 }) {
            assertThat(SchemeKeys.importKey(file, SchemeAlgorithm.AES_256_CBC_HMAC_SHA256)).as(file.toString())
                    .isEqualTo(key);
        }
    }

    @Test
    void importsA3desKeyAsOpensslPrintsIt() throws Exception {
        Path hex = ownerOnly("legacy.key", "4d2d07115e36703f4b75e638c08e42a1836b743c8cea6ec6\n"
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(SchemeKeys.importKey(hex, SchemeAlgorithm.DES_EDE3_CBC))
                .isEqualTo(HexFormat.of().parseHex("4d2d07115e36703f4b75e638c08e42a1836b743c8cea6ec6"));
    }

    @Test
    void aKeyOfAnotherLengthIsRefusedWithoutShowingIt() throws Exception {
        String hex = HexFormat.of().formatHex(key);
        Path file = ownerOnly("short.key", hex.getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> SchemeKeys.importKey(file, SchemeAlgorithm.AES_256_GCM))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessage("Key file " + file + " does not hold a key for AES-256-GCM: expected exactly 32 raw bytes,"
                            + " 64 hexadecimal digits or the same in Base64 (the file has 128 bytes)")
                .hasNoCause();
        Path garbage = ownerOnly("garbage.key", "not a key at all!".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> SchemeKeys.importKey(garbage, SchemeAlgorithm.AES_256_GCM))
                .isInstanceOf(KsmCryptoException.class).hasMessageContaining("does not hold a key for AES-256-GCM")
                .hasMessageNotContaining("not a key at all");
    }

    @Test
    void refusesAFileOthersCanRead() throws Exception {
        assumeTrue(OwnerOnlyFiles.isPosix());
        Path file = ownerOnly("shared.key", key);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> SchemeKeys.importKey(file, SchemeAlgorithm.AES_256_CBC_HMAC_SHA256))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessage("Key file " + file + " is accessible by group or others (rw-r--r--); it must be readable"
                            + " by its owner only: chmod 600 " + file);
    }

    @Test
    void refusesMissingAndOversizedFiles() throws Exception {
        Path missing = dir.resolve("missing.key");
        assertThatThrownBy(() -> SchemeKeys.importKey(missing, SchemeAlgorithm.AES_256_GCM))
                .isInstanceOf(KsmCryptoException.class).hasMessage("Key file " + missing + " does not exist");
        Path big = ownerOnly("big.key", new byte[5000]);
        assertThatThrownBy(() -> SchemeKeys.importKey(big, SchemeAlgorithm.AES_256_GCM))
                .isInstanceOf(KsmCryptoException.class).hasMessageContaining("5000 bytes: too large to be a key");
    }

    @Test
    void writesANewOwnerOnlyFileThatImportsBackAndNeverOverwrites() throws Exception {
        Path file = dir.resolve("keys").resolve("scheme-2.key");

        SchemeKeys.write(file, key);

        if (OwnerOnlyFiles.isPosix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(SchemeKeys.importKey(file, SchemeAlgorithm.AES_256_CBC_HMAC_SHA256)).isEqualTo(key);
        assertThatThrownBy(() -> SchemeKeys.write(file, new byte[64])).isInstanceOf(KsmCryptoException.class)
                .hasMessage("Key file " + file + " exists already; it is never overwritten");
        assertThat(Files.readAllBytes(file)).isEqualTo(key);
    }
}
