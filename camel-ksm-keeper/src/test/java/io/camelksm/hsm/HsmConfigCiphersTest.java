package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.util.List;
import java.util.Map;

import javax.crypto.KeyGenerator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import io.camelksm.credential.Secret;

/** Provider selection, key lookup and mechanism choice, without an HSM (SoftHsmConfigStorageTest has one). */
class HsmConfigCiphersTest {

    private static final String PASSWORD = "p12-Pa55word";

    @TempDir
    Path dir;

    private Path keys;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Logger logger;

    @BeforeEach
    void setUp() {
        keys = dir.resolve("keys.p12");
        Pkcs12KeyFile.addAesKey(keys, Secret.of(PASSWORD), "aes-key");
        Pkcs12KeyFile.addHmacKey(keys, Secret.of(PASSWORD), "hmac-key");
        logger = (Logger) LoggerFactory.getLogger(HsmConfigCiphers.class);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(log);
    }

    @Test
    void aSoftwareKeyWorksOnlyWithAWarningAtStart() {
        try (ConfigCipher cipher = HsmConfigCiphers.open(HsmSettings.softwarePkcs12(keys, Secret.of(PASSWORD),
                "aes-key"))) {
            assertThat(cipher.mechanism()).isEqualTo(ConfigMechanism.AES_256_GCM);
            assertThat(cipher.keyAlias()).isEqualTo("aes-key");
        }
        List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage())
                .contains("SOFTWARE key", keys.toString(), "'aes-key'")
                .doesNotContain(PASSWORD);
    }

    @Test
    void cbcHmacModeWhenForced() {
        HsmSettings settings = HsmSettings.softwarePkcs12(keys, Secret.of(PASSWORD), "aes-key")
                .withHmacKeyAlias("hmac-key")
                .withMechanism(ConfigMechanism.AES_256_CBC_HMAC_SHA256);

        try (ConfigCipher cipher = HsmConfigCiphers.open(settings)) {
            assertThat(cipher.mechanism()).isEqualTo(ConfigMechanism.AES_256_CBC_HMAC_SHA256);
            assertThat(cipher.supports(ConfigMechanism.AES_256_GCM)).isTrue();
        }
    }

    @Test
    void cbcHmacModeWithoutAnHmacKeyIsAConfigurationError() {
        HsmSettings settings = HsmSettings.softwarePkcs12(keys, Secret.of(PASSWORD), "aes-key")
                .withMechanism(ConfigMechanism.AES_256_CBC_HMAC_SHA256);

        assertThatThrownBy(() -> HsmConfigCiphers.open(settings))
                .isInstanceOf(HsmException.class)
                .hasMessageStartingWith("AES_256_CBC_HMAC_SHA256 needs an HMAC key: set the HMAC key alias");
    }

    @Test
    void aWrongPasswordIsNamedWithoutShowingIt() {
        assertThatThrownBy(() -> HsmConfigCiphers.open(HsmSettings.softwarePkcs12(keys, Secret.of("wrong-pw-123"),
                "aes-key")))
                .isInstanceOf(HsmException.class)
                .hasMessageContaining("failed: wrong PIN or password?")
                .hasMessageNotContaining("wrong-pw-123");
    }

    @Test
    void aMissingKeyAliasIsNamed() {
        assertThatThrownBy(() -> HsmConfigCiphers.open(HsmSettings.softwarePkcs12(keys, Secret.of(PASSWORD),
                "no-such-key")))
                .isInstanceOf(HsmException.class)
                .hasMessage("key 'no-such-key' not found in PKCS#12 file " + keys);
    }

    @Test
    void theHmacKeyIsNotAcceptedAsTheAesKey() {
        assertThatThrownBy(() -> HsmConfigCiphers.open(HsmSettings.softwarePkcs12(keys, Secret.of(PASSWORD),
                "hmac-key")))
                .hasMessageContaining("'hmac-key'").hasMessageContaining("not AES");
    }

    @Test
    void anAes128KeyIsRefused() throws Exception {
        Path small = dir.resolve("small.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, PASSWORD.toCharArray());
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(128);
        ks.setEntry("aes-128", new KeyStore.SecretKeyEntry(generator.generateKey()),
                new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
        try (OutputStream out = Files.newOutputStream(small)) {
            ks.store(out, PASSWORD.toCharArray());
        }

        assertThatThrownBy(() -> HsmConfigCiphers.open(HsmSettings.softwarePkcs12(small, Secret.of(PASSWORD),
                "aes-128")))
                .hasMessageContaining("is AES-128, not AES-256");
    }

    @Test
    void aMissingKeyStoreFileIsNamed() {
        Path none = dir.resolve("none.p12");
        assertThatThrownBy(() -> HsmConfigCiphers.open(HsmSettings.softwarePkcs12(none, Secret.of(PASSWORD), "k")))
                .hasMessageContaining(none + "").hasMessageContaining("does not exist");
    }

    @Test
    void nCipherWithoutItsJarsIsAClearError() {
        assertThatThrownBy(() -> HsmConfigCiphers.open(HsmSettings.nCipher(null, null, "ksm-config-key")))
                .isInstanceOf(HsmException.class)
                .hasMessageStartingWith("JCE provider nCipherKM is not available: class"
                                        + " com.ncipher.provider.km.nCipherKM is not on the classpath")
                .hasMessageContaining("nCipherKM.jar");
    }

    @Test
    void aProviderClassOfAnotherNameIsRefused() {
        HsmSettings settings = HsmSettings.nCipher(null, null, "k")
                .withJceProvider("OtherKM", TestNamedProvider.class.getName(), "nCipher.sworld");

        assertThatThrownBy(() -> HsmConfigCiphers.open(settings))
                .hasMessage("class io.camelksm.hsm.TestNamedProvider is the JCE provider TestKM, not OtherKM");
    }

    @Test
    void aProviderIsLoadedByClassAndRegisteredWhenNotYetRegistered() {
        HsmSettings settings = HsmSettings.nCipher(null, null, "k")
                .withJceProvider(TestNamedProvider.NAME, TestNamedProvider.class.getName(), "nCipher.sworld");
        try {
            assertThatThrownBy(() -> HsmConfigCiphers.open(settings))
                    .hasMessageStartingWith("cannot open the nCipher.sworld key store of TestKM:");
            assertThat(Security.getProvider(TestNamedProvider.NAME)).isInstanceOf(TestNamedProvider.class);
        } finally {
            Security.removeProvider(TestNamedProvider.NAME);
        }
    }

    @Test
    void aProviderFoundByNameServesItsKeyStore() throws Exception {
        // the nCipher path (provider by name, its key store type, key store file, passphrase) on a JDK provider;
        // the key is exportable, so it is flagged: an HSM key would not be
        Path jceks = dir.resolve("keys.jceks");
        KeyStore ks = KeyStore.getInstance("JCEKS");
        ks.load(null, PASSWORD.toCharArray());
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        ks.setEntry("world-key", new KeyStore.SecretKeyEntry(generator.generateKey()),
                new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
        try (OutputStream out = Files.newOutputStream(jceks)) {
            ks.store(out, PASSWORD.toCharArray());
        }
        HsmSettings settings = HsmSettings.nCipher(jceks, Secret.of(PASSWORD), "world-key")
                .withJceProvider("SunJCE", null, "JCEKS");

        try (ConfigCipher cipher = HsmConfigCiphers.open(settings)) {
            assertThat(cipher.description()).isEqualTo("SunJCE key 'world-key' (AES_256_GCM)");
        }
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("Key 'world-key'", "can be exported in clear"));
    }

    @Test
    void aMissingPkcs11ConfigIsNamed() {
        Path none = dir.resolve("none.cfg");
        assertThatThrownBy(() -> HsmConfigCiphers.open(HsmSettings.pkcs11(none, Secret.of("1234"), "k")))
                .hasMessage("SunPKCS11 config file " + none + " does not exist");
    }

    @Test
    void aBrokenPkcs11ConfigIsNamed() throws Exception {
        Path cfg = dir.resolve("broken.cfg");
        Files.writeString(cfg, "name = Broken\nlibrary = " + dir.resolve("libnothing.so") + "\n");

        assertThatThrownBy(() -> HsmConfigCiphers.open(HsmSettings.pkcs11(cfg, Secret.of("1234"), "k")))
                .isInstanceOf(HsmException.class)
                .hasMessageStartingWith("SunPKCS11 cannot start with " + cfg.toRealPath());
    }

    @Test
    void settingsFromConfigurationKeys() {
        HsmSettings pkcs11 = HsmSettings.fromProperties(Map.of("provider", "PKCS11", "pkcs11-config", "/etc/hsm.cfg",
                "key-alias", "ksm-config-key", "hmac-key-alias", "ksm-hmac", "mechanism", "cbc-hmac"),
                Secret.of("0000"));
        HsmSettings ncipher = HsmSettings.fromProperties(Map.of("provider", "ncipher", "key-alias", "k"), null);
        HsmSettings p12 = HsmSettings.fromProperties(Map.of("provider", "pkcs12", "keystore-file", "k.p12",
                "key-alias", "k", "mechanism", "auto"), Secret.of("pw"));

        assertThat(pkcs11.type()).isEqualTo(HsmProviderType.PKCS11);
        assertThat(pkcs11.pkcs11Config()).isEqualTo(Path.of("/etc/hsm.cfg"));
        assertThat(pkcs11.hmacKeyAlias()).isEqualTo("ksm-hmac");
        assertThat(pkcs11.mechanism()).isEqualTo(ConfigMechanism.AES_256_CBC_HMAC_SHA256);
        assertThat(pkcs11.toString()).contains("pkcs11", "ksm-config-key", "pin=******").doesNotContain("0000");
        assertThat(ncipher.providerName()).isEqualTo("nCipherKM");
        assertThat(ncipher.providerClass()).isEqualTo("com.ncipher.provider.km.nCipherKM");
        assertThat(ncipher.keyStoreType()).isEqualTo("nCipher.sworld");
        assertThat(ncipher.pin()).isNull();
        assertThat(p12.type()).isEqualTo(HsmProviderType.SOFTWARE_PKCS12);
        assertThat(p12.mechanism()).isNull();
    }

    @Test
    void badConfigurationKeysAreNamed() {
        assertThatThrownBy(() -> HsmSettings.fromProperties(Map.of("key-alias", "k"), null))
                .hasMessage("HSM setting 'provider' is missing");
        assertThatThrownBy(() -> HsmSettings.fromProperties(Map.of("provider", "luna", "key-alias", "k"), null))
                .hasMessage("unknown HSM provider 'luna': use ncipher, pkcs11 or pkcs12");
        assertThatThrownBy(() -> HsmSettings.fromProperties(Map.of("provider", "pkcs11", "key-alias", "k"), null))
                .hasMessage("HSM setting 'pkcs11-config' is missing");
        assertThatThrownBy(() -> HsmSettings.fromProperties(Map.of("provider", "pkcs11", "pkcs11-config", "c"), null))
                .hasMessage("HSM setting 'key-alias' is missing");
        assertThatThrownBy(() -> HsmSettings.fromProperties(Map.of("provider", "pkcs12", "keystore-file", "f",
                "key-alias", "k", "mechanism", "ecb"), null))
                .hasMessage("unknown mechanism 'ecb': use auto, gcm or cbc-hmac");
    }
}
