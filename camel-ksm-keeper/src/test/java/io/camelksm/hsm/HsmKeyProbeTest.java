package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.PartHealth;
import io.camelksm.credential.Secret;

/** The HSM key probe of the ksm-keeper-hsm health check, on a software PKCS#12 key. */
class HsmKeyProbeTest {

    private static final String PASSWORD = "p12-pr0be-password";

    @TempDir
    Path dir;

    private ConfigCipher cipher() {
        Path keyStore = dir.resolve("keys.p12");
        Pkcs12KeyFile.addAesKey(keyStore, Secret.of(PASSWORD), "ksm-config");
        return HsmConfigCiphers.open(HsmSettings.softwarePkcs12(keyStore, Secret.of(PASSWORD), "ksm-config"));
    }

    @Test
    void aUsableKeyIsUpAndAnHsmFailureIsDownNamingTheKeyButNotThePassword() {
        try (ConfigCipher cipher = cipher()) {
            PartHealth up = HsmKeyProbe.probe(cipher);
            assertThat(up.up()).isTrue();
            assertThat(up.message()).contains("ksm-config").contains("encrypts and decrypts");

            PartHealth down = HsmKeyProbe.probe(new LostSession(cipher));

            assertThat(down.up()).isFalse();
            assertThat(down.message()).contains("ksm-config").contains("is not usable")
                    .contains("HSM session lost").doesNotContain(PASSWORD);
            assertThat(down.details().toString()).doesNotContain(PASSWORD);
        }
    }

    /** The real cipher whose HSM session is gone: every operation fails as the provider would report it. */
    private record LostSession(ConfigCipher real) implements ConfigCipher {
        @Override
        public ConfigMechanism mechanism() {
            return real.mechanism();
        }

        @Override
        public String keyAlias() {
            return real.keyAlias();
        }

        @Override
        public boolean supports(ConfigMechanism mechanism) {
            return real.supports(mechanism);
        }

        @Override
        public Sealed encrypt(byte[] plaintext, byte[] aad) {
            throw new HsmException("HSM session lost (CKR_SESSION_HANDLE_INVALID)");
        }

        @Override
        public byte[] decrypt(ConfigMechanism mechanism, byte[] iv, byte[] ciphertext, byte[] aad) {
            throw new HsmException("HSM session lost (CKR_SESSION_HANDLE_INVALID)");
        }

        @Override
        public String description() {
            return real.description();
        }

        @Override
        public void close() {
        }
    }
}
