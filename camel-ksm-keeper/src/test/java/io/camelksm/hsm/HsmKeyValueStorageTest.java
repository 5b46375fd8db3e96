package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.keepersecurity.secretsManager.core.SecretsManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.camelksm.credential.Secret;

/**
 * The storage's promises, with a software PKCS#12 key (these hold whatever the key lives in; the SoftHSM2 tests show
 * them again through a real token).
 */
class HsmKeyValueStorageTest {

    private static final String PRIVATE_KEY = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg-test-private-key";

    @TempDir
    Path dir;

    private Path config;
    private ConfigCipher cipher;

    @BeforeEach
    void setUp() {
        config = dir.resolve("ksm-config.enc");
        cipher = open("ksm-config-key");
    }

    @AfterEach
    void tearDown() {
        cipher.close();
    }

    private ConfigCipher open(String alias) {
        Path keys = dir.resolve("keys.p12");
        Secret password = Secret.of("test-password");
        if (!keyStoreHas(alias)) {
            Pkcs12KeyFile.addAesKey(keys, password, alias);
        }
        return HsmConfigCiphers.open(HsmSettings.softwarePkcs12(keys, password, alias));
    }

    private boolean keyStoreHas(String alias) {
        Path keys = dir.resolve("keys.p12");
        if (!Files.exists(keys)) {
            return false;
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keys)) {
                ks.load(in, "test-password".toCharArray());
            }
            return ks.containsAlias(alias);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void stringsAndBytesSurviveAReopen() {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
        storage.saveString("clientId", "client-1");
        storage.saveBytes("privateKey", new byte[] { 0, 1, 2, (byte) 255 });

        HsmKeyValueStorage reopened = HsmKeyValueStorage.open(config, open("ksm-config-key"));

        assertThat(reopened.getString("clientId")).isEqualTo("client-1");
        assertThat(reopened.getBytes("privateKey")).containsExactly(0, 1, 2, 255);
        assertThat(reopened.getString("privateKey")).isEqualTo("AAEC/w==");
        assertThat(reopened.getString("missing")).isNull();
        assertThat(reopened.getBytes("missing")).isNull();
        assertThat(reopened.keys()).containsExactly("clientId", "privateKey");
    }

    @Test
    void theFileNeverHoldsPlaintext() throws Exception {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
        storage.saveString("privateKey", PRIVATE_KEY);
        storage.saveString("hostname", "keepersecurity.eu");

        String raw = new String(Files.readAllBytes(config), StandardCharsets.ISO_8859_1);

        assertThat(raw).doesNotContain(PRIVATE_KEY.substring(0, 12), "hostname", "keepersecurity");
        assertThat(EncryptedConfigHeader.read(config).keyAlias()).isEqualTo("ksm-config-key");
        assertThat(storage.toString()).doesNotContain(PRIVATE_KEY);
    }

    @Test
    void aMissingFileIsAnEmptyConfigAndAppearsAtTheFirstWrite() {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);

        assertThat(storage.getString("clientId")).isNull();
        storage.delete("clientId");
        assertThat(config).doesNotExist();

        storage.saveString("clientId", "c");
        assertThat(config).exists();
    }

    @Test
    void unchangedContentIsNotRewritten() throws Exception {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
        storage.saveString("clientId", "client-1");
        storage.saveBytes("appKey", new byte[] { 1, 2, 3 });
        Object inode = Files.getAttribute(config, "unix:ino");
        FileTime modified = Files.getLastModifiedTime(config);
        byte[] bytes = Files.readAllBytes(config);
        long writes = storage.writeCount();

        storage.saveString("clientId", "client-1");
        storage.saveBytes("appKey", new byte[] { 1, 2, 3 });
        storage.delete("never-there");

        assertThat(storage.writeCount()).isEqualTo(writes).isEqualTo(2);
        assertThat(Files.getAttribute(config, "unix:ino")).isEqualTo(inode);
        assertThat(Files.getLastModifiedTime(config)).isEqualTo(modified);
        assertThat(Files.readAllBytes(config)).isEqualTo(bytes);

        storage.saveString("clientId", "client-2");
        assertThat(storage.writeCount()).isEqualTo(3);
        assertThat(Files.getAttribute(config, "unix:ino")).isNotEqualTo(inode);
    }

    @Test
    void deleteRemovesOneKeyAndDeleteAllTheFile() {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
        storage.saveString("clientId", "c");
        storage.saveString("clientKey", "k");

        storage.delete("clientKey");
        assertThat(HsmKeyValueStorage.open(config, cipher).keys()).containsExactly("clientId");

        storage.deleteAll();
        assertThat(config).doesNotExist();
        assertThat(storage.getString("clientId")).isNull();
        assertThat(storage.keys()).isEmpty();
        storage.deleteAll(); // nothing left: no error
    }

    @Test
    void exportingForDisplayWritesNothing() throws Exception {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
        storage.saveString("privateKey", PRIVATE_KEY);
        byte[] before = Files.readAllBytes(config);
        FileTime modified = Files.getLastModifiedTime(config);

        Secret json = storage.exportJson();

        assertThat(json.reveal()).contains("\"privateKey\" : \"" + PRIVATE_KEY + "\"");
        assertThat(json.toString()).doesNotContain(PRIVATE_KEY);
        assertThat(list(dir)).containsExactlyInAnyOrder("keys.p12", "ksm-config.enc");
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(config)).isEqualTo(modified);
        assertThat(storage.writeCount()).isEqualTo(1);
        json.destroy();
    }

    @Test
    void plaintextIsWrittenOnlyWhereExplicitlyAsked() throws Exception {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
        storage.saveString("privateKey", PRIVATE_KEY);
        byte[] before = Files.readAllBytes(config);
        Path export = dir.resolve("export/plain.json");

        storage.exportPlaintext(export);

        assertThat(export).content().contains(PRIVATE_KEY);
        assertThat(Files.getPosixFilePermissions(export)).hasSize(2); // rw------- only
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
        assertThatThrownBy(() -> storage.exportPlaintext(config))
                .isInstanceOf(HsmException.class)
                .hasMessage("will not overwrite the encrypted config " + config + " with plaintext");
        assertThatThrownBy(() -> storage.exportPlaintext(dir.resolve("./ksm-config.enc")))
                .isInstanceOf(HsmException.class);
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = { "empty", "truncated", "corrupted", "not-utf8", "random-text", "only-magic" })
    void filesThatAreNotValidEncryptedConfigsAreNamedAsSuch(String kind) throws Exception {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
        storage.saveString("privateKey", PRIVATE_KEY);
        byte[] valid = Files.readAllBytes(config);
        byte[] bad = switch (kind) {
            case "empty" -> new byte[0];
            case "truncated" -> Arrays.copyOf(valid, valid.length - 5);
            case "corrupted" -> {
                byte[] b = valid.clone();
                b[b.length - 20] ^= 0x40;
                yield b;
            }
            case "not-utf8" -> new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, 0x7B };
            case "random-text" -> "hostname: keepersecurity.com\nclientId: abc\n".getBytes(StandardCharsets.UTF_8);
            case "only-magic" -> new byte[] { (byte) 0xFF, 'K', 'S', 'M' };
            default -> throw new IllegalArgumentException(kind);
        };
        Files.write(config, bad);

        assertThatThrownBy(() -> HsmKeyValueStorage.open(config, cipher))
                .isInstanceOf(InvalidConfigFileException.class)
                .hasMessageStartingWith(config + " is not a valid encrypted config file")
                .hasMessageNotContaining(PRIVATE_KEY);
        assertThat(Files.readAllBytes(config)).isEqualTo(bad);
    }

    @Test
    void aFileThatDecryptsToInvalidJsonHasItsOwnError() throws Exception {
        byte[] notJson = "privateKey=SECRET-VALUE".getBytes(StandardCharsets.UTF_8);
        Files.write(config, EncryptedConfigFormat.encrypt(notJson, cipher));

        assertThatThrownBy(() -> HsmKeyValueStorage.open(config, cipher))
                .isInstanceOf(InvalidConfigJsonException.class)
                .hasMessageStartingWith(config + " does not hold a valid config: it decrypted, but not valid JSON")
                .hasMessageNotContaining("SECRET-VALUE");

        Files.write(config, EncryptedConfigFormat.encrypt("[\"SECRET-VALUE\"]".getBytes(StandardCharsets.UTF_8),
                cipher));
        assertThatThrownBy(() -> HsmKeyValueStorage.open(config, cipher))
                .isInstanceOf(InvalidConfigJsonException.class)
                .hasMessage(config + " does not hold a valid config: it decrypted, but content is not a JSON object");
    }

    @Test
    void aPlaintextConfigIsNotEncryptedSilently() throws Exception {
        String plain = "{\"clientId\": \"c\", \"privateKey\": \"" + PRIVATE_KEY + "\"}";
        Files.writeString(config, plain);

        assertThatThrownBy(() -> HsmKeyValueStorage.open(config, cipher))
                .isInstanceOf(PlaintextConfigException.class)
                .hasMessageStartingWith(config + " holds a plaintext (unencrypted) config")
                .hasMessageContaining("migrate it explicitly")
                .hasMessageNotContaining(PRIVATE_KEY);
        assertThat(config).hasContent(plain);
    }

    @Test
    void migrationEncryptsAPlaintextConfigInPlaceWhenAsked() throws Exception {
        // as Keeper's LocalConfigStorage writes it: pretty, with nulls for unset keys
        Files.writeString(config, "{\n  \"hostname\": \"keepersecurity.com\",\n  \"clientId\": \"c\",\n"
                                  + "  \"privateKey\": \"" + PRIVATE_KEY + "\",\n  \"clientKey\": null\n}\n");

        HsmKeyValueStorage storage = HsmKeyValueStorage.migratePlaintext(config, cipher);

        assertThat(storage.getString("privateKey")).isEqualTo(PRIVATE_KEY);
        assertThat(storage.keys()).containsExactly("clientId", "hostname", "privateKey");
        assertThat(new String(Files.readAllBytes(config), StandardCharsets.ISO_8859_1)).doesNotContain("clientId");
        assertThat(HsmKeyValueStorage.open(config, cipher).getString("hostname")).isEqualTo("keepersecurity.com");
        assertThat(list(dir)).containsExactlyInAnyOrder("keys.p12", "ksm-config.enc");
    }

    @Test
    void migrationAcceptsTheBase64FormOfTheConfig() throws Exception {
        // the form Keeper hands out as KSM_CONFIG
        String json = "{\"clientId\":\"c\",\"appKey\":\"a\"}";
        Files.writeString(config, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)) + "\n");

        assertThatThrownBy(() -> HsmKeyValueStorage.open(config, cipher)).isInstanceOf(PlaintextConfigException.class);
        HsmKeyValueStorage storage = HsmKeyValueStorage.migratePlaintext(config, cipher);

        assertThat(storage.getString("appKey")).isEqualTo("a");
    }

    @Test
    void migrationRefusesWhatIsNotAPlaintextConfig() throws Exception {
        HsmKeyValueStorage.open(config, cipher).saveString("clientId", "c");
        byte[] encrypted = Files.readAllBytes(config);

        assertThatThrownBy(() -> HsmKeyValueStorage.migratePlaintext(config, cipher))
                .hasMessage("cannot migrate " + config + ": it is already an encrypted config file");
        assertThat(Files.readAllBytes(config)).isEqualTo(encrypted);

        Files.writeString(config, "clientId: c");
        assertThatThrownBy(() -> HsmKeyValueStorage.migratePlaintext(config, cipher))
                .isInstanceOf(InvalidConfigJsonException.class)
                .hasMessageStartingWith(config + " does not hold a valid config: it is not a plaintext config");
        assertThat(config).hasContent("clientId: c");

        assertThatThrownBy(() -> HsmKeyValueStorage.migratePlaintext(dir.resolve("none.json"), cipher))
                .hasMessageEndingWith("none.json: the file does not exist");
    }

    @Test
    void aFileOfAnotherKeyGivesAClearError() {
        HsmKeyValueStorage.open(config, cipher).saveString("clientId", "c");

        try (ConfigCipher other = open("other-key")) {
            assertThatThrownBy(() -> HsmKeyValueStorage.open(config, other))
                    .isInstanceOf(ConfigKeyMismatchException.class)
                    .hasMessageContaining("encrypted with HSM key 'ksm-config-key', but the configured key is"
                                          + " 'other-key'");
        }
    }

    @Test
    void anHsmFailureOnWriteRaisesAndChangesNeitherMemoryNorFile() throws Exception {
        TestCiphers.BreakableCipher hsm = new TestCiphers.BreakableCipher(cipher);
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, hsm);
        storage.saveString("clientId", "c1");
        byte[] before = Files.readAllBytes(config);

        hsm.breakNow();

        assertThatThrownBy(() -> storage.saveString("clientId", "c2"))
                .isInstanceOf(HsmException.class)
                .hasMessageContaining("CKR_DEVICE_REMOVED");
        assertThatThrownBy(() -> storage.delete("clientId")).isInstanceOf(HsmException.class);
        assertThat(storage.getString("clientId")).isEqualTo("c1");
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
        assertThat(list(dir)).containsExactlyInAnyOrder("keys.p12", "ksm-config.enc");
        assertThat(HsmKeyValueStorage.open(config, cipher).getString("clientId")).isEqualTo("c1");
    }

    @Test
    void anHsmFailureOnReadRaises() throws Exception {
        HsmKeyValueStorage.open(config, cipher).saveString("clientId", "c1");
        TestCiphers.BreakableCipher hsm = new TestCiphers.BreakableCipher(cipher);
        hsm.breakNow();

        assertThatThrownBy(() -> HsmKeyValueStorage.open(config, hsm))
                .isInstanceOf(HsmException.class)
                .hasMessageContaining("CKR_DEVICE_REMOVED");
    }

    @Test
    void changingTheKeyReencryptsTheConfig() throws Exception {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
        storage.saveString("privateKey", PRIVATE_KEY);

        try (ConfigCipher newKey = open("new-key")) {
            storage.changeKey(newKey);

            assertThat(storage.keyAlias()).isEqualTo("new-key");
            assertThat(EncryptedConfigHeader.read(config).keyAlias()).isEqualTo("new-key");
            assertThat(HsmKeyValueStorage.open(config, newKey).getString("privateKey")).isEqualTo(PRIVATE_KEY);
            assertThatThrownBy(() -> HsmKeyValueStorage.open(config, cipher))
                    .isInstanceOf(ConfigKeyMismatchException.class);
            storage.saveString("clientId", "after");
            assertThat(HsmKeyValueStorage.open(config, newKey).getString("clientId")).isEqualTo("after");
        }
    }

    @Test
    void aFailedKeyChangeKeepsTheOldKeyAndFile() throws Exception {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
        storage.saveString("privateKey", PRIVATE_KEY);
        byte[] before = Files.readAllBytes(config);
        TestCiphers.BreakableCipher newKey = new TestCiphers.BreakableCipher(open("new-key"));
        newKey.breakNow();

        assertThatThrownBy(() -> storage.changeKey(newKey))
                .isInstanceOf(HsmException.class)
                .hasMessageContaining("nothing was changed");

        assertThat(storage.keyAlias()).isEqualTo("ksm-config-key");
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
        storage.saveString("clientId", "still-works");
        assertThat(HsmKeyValueStorage.open(config, cipher).getString("clientId")).isEqualTo("still-works");
    }

    @Test
    void aKeyChangeThatDoesNotDecryptBackIsRefused() throws Exception {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
        storage.saveString("privateKey", PRIVATE_KEY);
        byte[] before = Files.readAllBytes(config);
        // an HSM that encrypts, then cannot decrypt what it wrote
        ConfigCipher writesOnly = new TestCiphers.BreakableCipher(open("new-key")) {
            @Override
            public byte[] decrypt(ConfigMechanism mechanism, byte[] iv, byte[] ciphertext, byte[] aad) {
                throw new ConfigAuthenticationException("does not authenticate (test)");
            }
        };

        assertThatThrownBy(() -> storage.changeKey(writesOnly)).hasMessageContaining("nothing was changed");
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
        assertThat(storage.keyAlias()).isEqualTo("ksm-config-key");
    }

    @Test
    void twelveThreadsReadAndWriteSafely() throws Exception {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);

        StorageStress.run(storage, () -> HsmKeyValueStorage.open(config, cipher), 8, 4, 50);
    }

    @Test
    void keeperSdkKeepsItsClientConfigThroughTheStorage() {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
        String token = "US:" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        SecretsManager.initializeStorage(storage, token, null);

        HsmKeyValueStorage reopened = HsmKeyValueStorage.open(config, cipher);
        assertThat(reopened.keys()).contains("hostname", "clientId", "clientKey", "privateKey");
        assertThat(reopened.getString("hostname")).isEqualTo("keepersecurity.com");
        assertThat(reopened.getBytes("clientKey")).containsOnly(0).hasSize(32);
        // the SDK reads back through the storage: the same token again is a no-op, another one is refused
        SecretsManager.initializeStorage(reopened, token, null);
        assertThat(reopened.writeCount()).isZero();
        String other = "US:" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] { 1, 2, 3, 4 });
        assertThatThrownBy(() -> SecretsManager.initializeStorage(reopened, other, null))
                .hasMessageContaining("already initialized with a different client Id");
    }

    @Test
    void nullKeysAndValuesAreRejected() {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);

        assertThatThrownBy(() -> storage.saveString("k", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> storage.saveBytes("k", null)).isInstanceOf(NullPointerException.class);
        assertThat(config).doesNotExist();
    }

    @Test
    void openRemovesOnlyStaleUnlockedTempFilesOfItsOwnConfig() throws Exception {
        HsmKeyValueStorage.open(config, cipher).saveString("clientId", "c1");
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofMinutes(10)));
        Path stale = temp(".ksm-config.enc.1234567890.tmp", old);
        Path young = temp(".ksm-config.enc.42.tmp", null);
        Path locked = temp(".ksm-config.enc.77.tmp", old);
        List<Path> notOurs = List.of(temp(".ksm-config.enc.abc.tmp", old), temp("ksm-config.enc.1.tmp", old),
                temp(".other.enc.1.tmp", old), temp(".ksm-config.enc.1.tmp.bak", old));

        try (FileChannel writer = FileChannel.open(locked, StandardOpenOption.WRITE);
             FileLock ignored = writer.lock()) {
            // a writer that holds its temp file's lock is alive, however old the file
            HsmKeyValueStorage reopened = HsmKeyValueStorage.open(config, cipher);
            assertThat(reopened.getString("clientId")).isEqualTo("c1");
        }

        assertThat(stale).doesNotExist();
        assertThat(young).exists(); // may be a write in flight
        assertThat(locked).exists();
        assertThat(notOurs).allSatisfy(p -> assertThat(p).exists());
        assertThat(config).exists();
        // once the lock is gone, the old one goes at the next open
        HsmKeyValueStorage.open(config, cipher);
        assertThat(locked).doesNotExist();
    }

    private Path temp(String name, FileTime modified) throws Exception {
        Path p = Files.write(dir.resolve(name), new byte[] { 1, 2, 3 });
        if (modified != null) {
            Files.setLastModifiedTime(p, modified);
        }
        return p;
    }

    private static List<String> list(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

}
