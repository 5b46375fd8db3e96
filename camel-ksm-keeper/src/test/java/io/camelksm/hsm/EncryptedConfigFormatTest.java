package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncryptedConfigFormatTest {

    private static final byte[] JSON = "{\"clientId\":\"abc\",\"privateKey\":\"MIGHAgEAMBMG\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Path FILE = Path.of("/conf/ksm-config.enc");

    private final SecretKey key = TestCiphers.aesKey();
    private final SecretKey hmacKey = TestCiphers.hmacKey();

    private ConfigCipher cipher(ConfigMechanism mechanism) {
        return mechanism == ConfigMechanism.AES_256_GCM ? TestCiphers.gcm("ksm-config-key", key)
                : TestCiphers.cbcHmac("ksm-config-key", key, hmacKey);
    }

    @ParameterizedTest
    @EnumSource(ConfigMechanism.class)
    void roundTrips(ConfigMechanism mechanism) {
        ConfigCipher cipher = cipher(mechanism);
        byte[] image = EncryptedConfigFormat.encrypt(JSON, cipher);

        byte[] back = EncryptedConfigFormat.decrypt(FILE, EncryptedConfigFormat.parse(FILE, image), cipher);

        assertThat(back).isEqualTo(JSON);
        assertThat(new String(image, StandardCharsets.ISO_8859_1)).doesNotContain("clientId", "MIGHAgEAMBMG");
    }

    @ParameterizedTest
    @EnumSource(ConfigMechanism.class)
    void headerNamesFormatMechanismAndKeyAlias(ConfigMechanism mechanism, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.enc");
        Files.write(file, EncryptedConfigFormat.encrypt(JSON, cipher(mechanism)));

        EncryptedConfigHeader header = EncryptedConfigHeader.read(file);

        assertThat(header).isEqualTo(new EncryptedConfigHeader(1, mechanism, "ksm-config-key"));
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 6)).containsExactly(0xFF, 'K', 'S', 'M', 1, mechanism.id());
    }

    @ParameterizedTest
    @EnumSource(ConfigMechanism.class)
    void everyEncryptionUsesAFreshIv(ConfigMechanism mechanism) {
        ConfigCipher cipher = cipher(mechanism);
        EncryptedConfigFormat.Parsed first = EncryptedConfigFormat.parse(FILE,
                EncryptedConfigFormat.encrypt(JSON, cipher));
        EncryptedConfigFormat.Parsed second = EncryptedConfigFormat.parse(FILE,
                EncryptedConfigFormat.encrypt(JSON, cipher));

        assertThat(first.iv()).hasSize(mechanism.ivLength()).isNotEqualTo(second.iv());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @ParameterizedTest
    @EnumSource(ConfigMechanism.class)
    void everyTruncationIsNotAValidFile(ConfigMechanism mechanism) {
        ConfigCipher cipher = cipher(mechanism);
        byte[] image = EncryptedConfigFormat.encrypt(JSON, cipher);
        for (int length = 0; length < image.length; length++) {
            byte[] truncated = Arrays.copyOf(image, length);
            assertThatThrownBy(() -> parseAndDecrypt(truncated, cipher))
                    .as("truncated to %d of %d bytes", length, image.length)
                    .isInstanceOf(InvalidConfigFileException.class)
                    .hasMessageStartingWith(FILE + " is not a valid encrypted config file");
        }
    }

    @ParameterizedTest
    @EnumSource(ConfigMechanism.class)
    void everyChangedByteIsNotAValidFile(ConfigMechanism mechanism) {
        ConfigCipher cipher = cipher(mechanism);
        byte[] image = EncryptedConfigFormat.encrypt(JSON, cipher);
        for (int i = 0; i < image.length; i++) {
            byte[] changed = image.clone();
            changed[i] ^= 0x01;
            assertThatThrownBy(() -> parseAndDecrypt(changed, cipher))
                    .as("byte %d of %d changed", i, image.length)
                    .isInstanceOf(InvalidConfigFileException.class)
                    .hasMessageStartingWith(FILE + " is not a valid encrypted config file");
        }
    }

    @Test
    void bytesAfterTheCiphertextAreRejected() {
        ConfigCipher cipher = cipher(ConfigMechanism.AES_256_GCM);
        byte[] image = EncryptedConfigFormat.encrypt(JSON, cipher);
        byte[] longer = Arrays.copyOf(image, image.length + 3);

        assertThatThrownBy(() -> parseAndDecrypt(longer, cipher))
                .isInstanceOf(InvalidConfigFileException.class)
                .hasMessage(FILE + " is not a valid encrypted config file: 3 unexpected bytes after the ciphertext");
    }

    @Test
    void unknownVersionAndMechanismAreNamed() {
        ConfigCipher cipher = cipher(ConfigMechanism.AES_256_GCM);
        byte[] image = EncryptedConfigFormat.encrypt(JSON, cipher);
        byte[] version2 = image.clone();
        version2[4] = 2;
        byte[] mechanism9 = image.clone();
        mechanism9[5] = 9;

        assertThatThrownBy(() -> parseAndDecrypt(version2, cipher)).hasMessageContaining("format version 2");
        assertThatThrownBy(() -> parseAndDecrypt(mechanism9, cipher)).hasMessageContaining("unknown mechanism id 9");
    }

    @Test
    void theKeyAliasInTheHeaderIsAuthenticated() {
        // same key bytes under two aliases of equal length: only the header differs
        ConfigCipher writer = TestCiphers.gcm("key-a", key);
        ConfigCipher reader = TestCiphers.gcm("key-b", key);
        byte[] image = EncryptedConfigFormat.encrypt(JSON, writer);
        byte[] relabelled = image.clone();
        relabelled[7 + 4] = 'b'; // magic 4, version, mechanism, alias length, then "key-a"

        assertThatThrownBy(() -> parseAndDecrypt(relabelled, reader))
                .isInstanceOf(InvalidConfigFileException.class)
                .hasMessageContaining("does not authenticate with software key 'key-b'");
    }

    @Test
    void anotherKeyAliasIsAClearMismatch() {
        byte[] image = EncryptedConfigFormat.encrypt(JSON, TestCiphers.gcm("old-key", key));

        assertThatThrownBy(() -> parseAndDecrypt(image, TestCiphers.gcm("new-key", key)))
                .isInstanceOf(ConfigKeyMismatchException.class)
                .hasMessage(FILE + " is not a valid encrypted config file: it was encrypted with HSM key 'old-key',"
                            + " but the configured key is 'new-key'");
    }

    @Test
    void anotherKeyUnderTheSameAliasDoesNotAuthenticate() {
        byte[] image = EncryptedConfigFormat.encrypt(JSON, TestCiphers.gcm("ksm-config-key", key));

        assertThatThrownBy(() -> parseAndDecrypt(image, TestCiphers.gcm("ksm-config-key", TestCiphers.aesKey())))
                .isInstanceOf(InvalidConfigFileException.class)
                .hasMessageContaining("does not authenticate")
                .hasMessageContaining("a different key has this alias");
    }

    @Test
    void cbcDataNeedsTheHmacKey() {
        byte[] image = EncryptedConfigFormat.encrypt(JSON, cipher(ConfigMechanism.AES_256_CBC_HMAC_SHA256));
        ConfigCipher gcmOnly = TestCiphers.gcm("ksm-config-key", key);

        assertThatThrownBy(() -> parseAndDecrypt(image, gcmOnly))
                .isInstanceOf(HsmException.class)
                .hasMessageContaining("needs an HMAC key");
    }

    @Test
    void aWrongHmacKeyDoesNotAuthenticate() {
        byte[] image = EncryptedConfigFormat.encrypt(JSON, cipher(ConfigMechanism.AES_256_CBC_HMAC_SHA256));
        ConfigCipher otherHmac = TestCiphers.cbcHmac("ksm-config-key", key, TestCiphers.hmacKey());

        assertThatThrownBy(() -> parseAndDecrypt(image, otherHmac))
                .isInstanceOf(InvalidConfigFileException.class)
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void aCipherWithBothKeysReadsBothMechanisms() {
        ConfigCipher cbc = cipher(ConfigMechanism.AES_256_CBC_HMAC_SHA256);
        ConfigCipher gcmWithHmac = new JceConfigCipher(null, key, "ksm-config-key", hmacKey,
                ConfigMechanism.AES_256_GCM);

        assertThat(parseAndDecrypt(EncryptedConfigFormat.encrypt(JSON, cbc), gcmWithHmac)).isEqualTo(JSON);
    }

    private static byte[] parseAndDecrypt(byte[] image, ConfigCipher cipher) {
        return EncryptedConfigFormat.decrypt(FILE, EncryptedConfigFormat.parse(FILE, image), cipher);
    }
}
