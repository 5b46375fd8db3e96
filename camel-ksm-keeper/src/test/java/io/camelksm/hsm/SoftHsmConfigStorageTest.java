package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.keepersecurity.secretsManager.core.SecretsManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The config storage on a real (software) HSM: SoftHSM2 through SunPKCS11, with sensitive, non-extractable keys
 * generated inside the token by {@code .ci/softhsm-setup.sh}. Skipped without a token, except under CI, where it
 * fails.
 */
class SoftHsmConfigStorageTest {

    private static final String PRIVATE_KEY = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg-softhsm";

    private SoftHsm.Token token;

    @TempDir
    Path dir;

    @BeforeEach
    void token() {
        // per test, so a missing token shows as skipped tests (or failed ones under CI), not as no tests
        token = SoftHsm.token();
    }

    private Path config() {
        return dir.resolve("ksm-config.enc");
    }

    @Test
    void aNonExtractableTokenKeyEncryptsTheConfigWithGcm() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(HsmConfigCiphers.class);
        log.start();
        logger.addAppender(log);
        ConfigCipher cipher;
        try {
            cipher = HsmConfigCiphers.open(token.settings());
        } finally {
            logger.detachAppender(log);
        }
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config(), cipher);
        storage.saveString("privateKey", PRIVATE_KEY);
        storage.saveBytes("appKey", new byte[32]);

        assertThat(cipher.mechanism()).isEqualTo(ConfigMechanism.AES_256_GCM);
        assertThat(cipher.description()).startsWith("SunPKCS11-SoftHSM-camel-ksm key 'ksm-config-key'");
        // no warning: neither a software key nor an exportable one
        assertThat(log.list).noneMatch(e -> e.getLevel() == Level.WARN);
        assertThat(EncryptedConfigHeader.read(config()))
                .isEqualTo(new EncryptedConfigHeader(1, ConfigMechanism.AES_256_GCM, token.keyAlias()));
        assertThat(new String(Files.readAllBytes(config()), "ISO-8859-1")).doesNotContain("privateKey", "MIGHAgEA");
        // another cipher instance (a restart) reads it back through the token
        HsmKeyValueStorage reopened = HsmKeyValueStorage.open(config(), HsmConfigCiphers.open(token.settings()));
        assertThat(reopened.getString("privateKey")).isEqualTo(PRIVATE_KEY);
        assertThat(reopened.getBytes("appKey")).hasSize(32);
    }

    @Test
    void cbcWithAnHmacKeyInTheTokenAndGcmReadersThatHaveIt() {
        HsmSettings cbcSettings = token.settings().withHmacKeyAlias(token.hmacAlias())
                .withMechanism(ConfigMechanism.AES_256_CBC_HMAC_SHA256);
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config(), HsmConfigCiphers.open(cbcSettings));
        storage.saveString("privateKey", PRIVATE_KEY);
        assertThat(EncryptedConfigHeader.read(config()).mechanism())
                .isEqualTo(ConfigMechanism.AES_256_CBC_HMAC_SHA256);

        // without the HMAC key a CBC file cannot be checked, so it is not read
        assertThatThrownBy(() -> HsmKeyValueStorage.open(config(), HsmConfigCiphers.open(token.settings())))
                .isInstanceOf(HsmException.class)
                .hasMessageContaining("needs an HMAC key");
        // automatic mode with the HMAC key reads it, and writes GCM from then on
        HsmKeyValueStorage auto = HsmKeyValueStorage.open(config(),
                HsmConfigCiphers.open(token.settings().withHmacKeyAlias(token.hmacAlias())));
        assertThat(auto.getString("privateKey")).isEqualTo(PRIVATE_KEY);
        auto.saveString("clientId", "c");
        assertThat(EncryptedConfigHeader.read(config()).mechanism()).isEqualTo(ConfigMechanism.AES_256_GCM);
    }

    @Test
    void aChangedByteDoesNotAuthenticateWithTheTokenKey() throws Exception {
        ConfigCipher cipher = HsmConfigCiphers.open(token.settings());
        HsmKeyValueStorage.open(config(), cipher).saveString("privateKey", PRIVATE_KEY);
        byte[] bytes = Files.readAllBytes(config());
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(config(), bytes);

        assertThatThrownBy(() -> HsmKeyValueStorage.open(config(), cipher))
                .isInstanceOf(InvalidConfigFileException.class)
                .hasMessageStartingWith(config() + " is not a valid encrypted config file: it does not authenticate"
                                        + " with SunPKCS11-SoftHSM-camel-ksm key 'ksm-config-key'");
    }

    @Test
    void changingToAnotherTokenKeyReencryptsTheConfig() {
        ConfigCipher oldKey = HsmConfigCiphers.open(token.settings());
        ConfigCipher newKey = HsmConfigCiphers.open(token.settings(token.key2Alias()));
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config(), oldKey);
        storage.saveString("privateKey", PRIVATE_KEY);

        storage.changeKey(newKey);

        assertThat(EncryptedConfigHeader.read(config()).keyAlias()).isEqualTo(token.key2Alias());
        assertThat(HsmKeyValueStorage.open(config(), newKey).getString("privateKey")).isEqualTo(PRIVATE_KEY);
        assertThatThrownBy(() -> HsmKeyValueStorage.open(config(), oldKey))
                .isInstanceOf(ConfigKeyMismatchException.class)
                .hasMessageContaining("encrypted with HSM key 'ksm-config-key-2', but the configured key is"
                                      + " 'ksm-config-key'");
    }

    @Test
    void aKeyChangeToAKeyThatLeftTheHsmKeepsTheOldKeyAndFile() throws Exception {
        String alias = "tmp-" + UUID.randomUUID();
        token.createAesKey(alias);
        ConfigCipher doomed = HsmConfigCiphers.open(token.settings(alias));
        token.deleteKey(alias);
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config(), HsmConfigCiphers.open(token.settings()));
        storage.saveString("privateKey", PRIVATE_KEY);
        byte[] before = Files.readAllBytes(config());

        assertThatThrownBy(() -> storage.changeKey(doomed))
                .isInstanceOf(HsmException.class)
                .hasMessageContaining("nothing was changed")
                .hasMessageContaining("CKR_OBJECT_HANDLE_INVALID");

        assertThat(storage.keyAlias()).isEqualTo(token.keyAlias());
        assertThat(Files.readAllBytes(config())).isEqualTo(before);
        storage.saveString("clientId", "still-works");
        assertThat(HsmKeyValueStorage.open(config(), HsmConfigCiphers.open(token.settings())).getString("clientId"))
                .isEqualTo("still-works");
    }

    @Test
    void whenTheKeyLeavesTheHsmWritesFailAndNothingIsHalfWritten() throws Exception {
        String alias = "tmp-" + UUID.randomUUID();
        token.createAesKey(alias);
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config(), HsmConfigCiphers.open(token.settings(alias)));
        storage.saveString("clientId", "c1");
        byte[] before = Files.readAllBytes(config());

        token.deleteKey(alias);

        // logged in and looked up again, in vain: a bounded number of attempts, then a clear error
        assertThatThrownBy(() -> storage.saveString("clientId", "c2"))
                .isInstanceOf(HsmException.class)
                .hasMessageStartingWith("the HSM is unavailable: could not encrypt with SunPKCS11-SoftHSM-camel-ksm"
                                        + " key '" + alias + "' (AES_256_GCM) in 3 attempts")
                .hasMessageContaining("(CKR_OBJECT_HANDLE_INVALID)")
                .hasMessageContaining("last error: key '" + alias + "' not found in SunPKCS11-SoftHSM-camel-ksm");
        assertThat(storage.getString("clientId")).isEqualTo("c1");
        assertThat(Files.readAllBytes(config())).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(config());
        }
        assertThatThrownBy(() -> HsmConfigCiphers.open(token.settings(alias)))
                .hasMessageStartingWith("key '" + alias + "' not found in SunPKCS11-SoftHSM-camel-ksm");
    }

    @Test
    void aMissingKeyAliasIsNamed() {
        assertThatThrownBy(() -> HsmConfigCiphers.open(token.settings("no-such-key")))
                .isInstanceOf(HsmException.class)
                .hasMessage("key 'no-such-key' not found in SunPKCS11-SoftHSM-camel-ksm (" + token.pkcs11Config()
                            + ")");
    }

    @Test
    void aWrongPinIsAClearErrorThatDoesNotShowIt() throws Exception {
        // a PKCS#11 login is shared by the whole process, so a fresh login needs a process of its own
        String wrongPin = "99999999";
        try (ChildJvm child = ChildJvm.start(Map.of("KSM_CHILD_PIN", wrongPin), "open", "pkcs11",
                token.pkcs11Config().toString(), token.keyAlias())) {
            String line = child.nextLine(2, TimeUnit.MINUTES);
            assertThat(line).isEqualTo("error login to the PKCS11 key store of SunPKCS11-SoftHSM-camel-ksm failed:"
                                       + " wrong PIN or password?");
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        // the same child with the right PIN: the harness itself works
        try (ChildJvm child = ChildJvm.start(Map.of("KSM_CHILD_PIN", token.pin()), "open", "pkcs11",
                token.pkcs11Config().toString(), token.keyAlias())) {
            assertThat(child.nextLine(2, TimeUnit.MINUTES))
                    .isEqualTo("opened SunPKCS11-SoftHSM-camel-ksm key 'ksm-config-key' (AES_256_GCM)");
        }
    }

    @Test
    void twelveThreadsReadAndWriteThroughTheTokenSafely() throws Exception {
        ConfigCipher cipher = HsmConfigCiphers.open(token.settings());
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config(), cipher);

        StorageStress.run(storage, () -> HsmKeyValueStorage.open(config(), cipher), 8, 4, 25);
    }

    @Test
    void keeperSdkInitializesItsConfigThroughTheHsm() {
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(config(), HsmConfigCiphers.open(token.settings()));
        String oneTimeToken = "EU:" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        SecretsManager.initializeStorage(storage, oneTimeToken, null);

        HsmKeyValueStorage reopened = HsmKeyValueStorage.open(config(), HsmConfigCiphers.open(token.settings()));
        assertThat(reopened.getString("hostname")).isEqualTo("keepersecurity.eu");
        assertThat(reopened.getString("clientId")).isEqualTo(storage.getString("clientId"));
        assertThat(reopened.getBytes("privateKey")).isEqualTo(storage.getBytes("privateKey")).isNotEmpty();
    }
}
