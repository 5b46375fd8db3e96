package io.camelksm.store.keeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.keepersecurity.secretsManager.core.SecretsManager;

import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.Secret;
import io.camelksm.hsm.ConfigCipher;
import io.camelksm.hsm.HsmConfigCiphers;
import io.camelksm.hsm.HsmKeyValueStorage;
import io.camelksm.hsm.HsmSettings;
import io.camelksm.hsm.Pkcs12KeyFile;
import io.camelksm.testsupport.Bytes;
import io.camelksm.testsupport.TestClock;

/**
 * The whole way an operator goes: bind with a one-time token into the HSM-encrypted client config (here with a
 * software PKCS#12 key), then serve credentials through it; the config on disk never holds the keys in clear.
 */
class KeeperHsmConfigTest {

    @TempDir
    Path dir;

    private final FakeKeeperBackend keeper = new FakeKeeperBackend();
    private final Secret password = Secret.of("key-store-password");
    private Path keyStore;
    private Path config;
    private KeeperStoreSettings settings;

    @BeforeEach
    void keeperWithOneLoginAndAConfigKey() {
        String uid = keeper.add(FakeRecord.login("ERP", "erp-bot", "erp-password"));
        keyStore = dir.resolve("config-key.p12");
        Pkcs12KeyFile.addAesKey(keyStore, password, "ksm-config");
        config = dir.resolve("keeper-config.enc");
        settings = KeeperStoreSettings.builder().credential("erp", uid).build();
    }

    /** The config cipher on the software key, opened anew as each process would. */
    private ConfigCipher openCipher() {
        return HsmConfigCiphers.open(HsmSettings.softwarePkcs12(keyStore, password, "ksm-config"));
    }

    @Test
    void bindWithOneTimeTokenIntoEncryptedConfigThenServeCredentials() throws Exception {
        try (ConfigCipher cipher = openCipher()) {
            HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
            SecretsManager.initializeStorage(storage, keeper.oneTimeToken(), null);
            try (KeeperCredentialStore store = new KeeperCredentialStore(KeeperClient.sdk(storage,
                    keeper.transport()), settings, new TestClock())) {
                assertThat(store.find(CredentialName.of("erp")).orElseThrow().secret(CredentialField.PASSWORD)
                        .orElseThrow().reveal()).isEqualTo("erp-password");
            }
            assertThat(storage.keys()).as("bound: the client key is gone, the app key is there")
                    .contains("appKey", "clientId", "privateKey", "hostname").doesNotContain("clientKey");

            byte[] onDisk = Files.readAllBytes(config);
            String appKey = storage.getString("appKey");
            String privateKey = storage.getString("privateKey");
            assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain(appKey)
                    .doesNotContain(privateKey).doesNotContain("clientId").doesNotContain(keeper.getClass()
                            .getSimpleName());
            assertThat(Bytes.indexOf(onDisk, Base64.getDecoder().decode(appKey))).isNegative();
        }

        // a new process: reopen the encrypted config and serve again, without binding
        try (ConfigCipher cipher = openCipher();
             KeeperCredentialStore store = new KeeperCredentialStore(KeeperClient.sdk(HsmKeyValueStorage.open(config,
                     cipher), keeper.transport()), settings, new TestClock())) {
            assertThat(store.find(CredentialName.of("erp")).orElseThrow().field(CredentialField.USERNAME))
                    .contains("erp-bot");
        }
        assertThat(keeper.getSecretCalls()).as("binding fetch + SDK's re-fetch after binding + one after reopening")
                .isEqualTo(3);
    }

    @Test
    void serverKeyRotationIsWrittenToTheEncryptedConfig() {
        try (ConfigCipher cipher = openCipher()) {
            HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
            keeper.writeBoundConfig(storage);
            long writes = storage.writeCount();
            keeper.requireServerKeyId(12);
            try (KeeperCredentialStore store = new KeeperCredentialStore(KeeperClient.sdk(storage,
                    keeper.transport()), settings, new TestClock())) {
                assertThat(store.find(CredentialName.of("erp")).orElseThrow().field(CredentialField.USERNAME))
                        .contains("erp-bot");
            }
            assertThat(storage.getString("serverPublicKeyId")).isEqualTo("12");
            assertThat(storage.writeCount()).isEqualTo(writes + 1);
            assertThat(keeper.calls()).as("the key answer, then the retry").isEqualTo(2);
        }
        try (ConfigCipher cipher = openCipher()) {
            assertThat(HsmKeyValueStorage.open(config, cipher).getString("serverPublicKeyId")).isEqualTo("12");
        }
    }
}
