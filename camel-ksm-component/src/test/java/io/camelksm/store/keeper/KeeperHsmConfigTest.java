package io.camelksm.store.keeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

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

/**
 * The whole way an operator goes: bind with a one-time token into the HSM-encrypted client config (here with a
 * software PKCS#12 key), then serve credentials through it; the config on disk never holds the keys in clear.
 */
class KeeperHsmConfigTest {

    @TempDir
    Path dir;

    @Test
    void bindWithOneTimeTokenIntoEncryptedConfigThenServeCredentials() throws Exception {
        FakeKeeperBackend keeper = new FakeKeeperBackend();
        String uid = keeper.add(FakeRecord.login("ERP", "erp-bot", "erp-password"));
        Path keyStore = dir.resolve("config-key.p12");
        Secret password = Secret.of("key-store-password");
        Pkcs12KeyFile.addAesKey(keyStore, password, "ksm-config");
        Path config = dir.resolve("keeper-config.enc");
        KeeperStoreSettings settings = KeeperStoreSettings.builder().credential("erp", uid).build();

        try (ConfigCipher cipher = HsmConfigCiphers.open(HsmSettings.softwarePkcs12(keyStore, password,
                "ksm-config"))) {
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
            assertThat(indexOf(onDisk, Base64.getDecoder().decode(appKey))).isNegative();
        }

        // a new process: reopen the encrypted config and serve again, without binding
        try (ConfigCipher cipher = HsmConfigCiphers.open(HsmSettings.softwarePkcs12(keyStore, password,
                "ksm-config"));
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
        FakeKeeperBackend keeper = new FakeKeeperBackend();
        String uid = keeper.add(FakeRecord.login("ERP", "erp-bot", "erp-password"));
        Path keyStore = dir.resolve("config-key.p12");
        Secret password = Secret.of("key-store-password");
        Pkcs12KeyFile.addAesKey(keyStore, password, "ksm-config");
        Path config = dir.resolve("keeper-config.enc");
        KeeperStoreSettings settings = KeeperStoreSettings.builder().credential("erp", uid).build();

        try (ConfigCipher cipher = HsmConfigCiphers.open(HsmSettings.softwarePkcs12(keyStore, password,
                "ksm-config"))) {
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
        try (ConfigCipher cipher = HsmConfigCiphers.open(HsmSettings.softwarePkcs12(keyStore, password,
                "ksm-config"))) {
            assertThat(HsmKeyValueStorage.open(config, cipher).getString("serverPublicKeyId")).isEqualTo("12");
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
