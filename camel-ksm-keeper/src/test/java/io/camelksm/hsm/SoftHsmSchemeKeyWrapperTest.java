package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.camelksm.credential.Secret;
import io.camelksm.crypto.HsmKeySettings;
import io.camelksm.crypto.HsmKeyWrapper;
import io.camelksm.crypto.HsmKeyWrapperProvider;
import io.camelksm.crypto.KsmCryptoException;

/** Scheme data keys wrapped by a non-extractable AES key in SoftHSM2, found through the ServiceLoader like the store. */
class SoftHsmSchemeKeyWrapperTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static HsmKeySettings settings(String alias) {
        SoftHsm.Token token = SoftHsm.token();
        return new HsmKeySettings("SunPKCS11", token.pkcs11Config(), null, Secret.of(token.pin()), alias);
    }

    private static HsmKeyWrapper open(String alias) {
        HsmKeyWrapperProvider provider = ServiceLoader.load(HsmKeyWrapperProvider.class).findFirst().orElseThrow();
        assertThat(provider).isInstanceOf(HsmSchemeKeyWrapperProvider.class);
        return provider.open(settings(alias));
    }

    private static byte[] key(int length) {
        byte[] key = new byte[length];
        RANDOM.nextBytes(key);
        return key;
    }

    @Test
    void theWrappingKeyStaysInTheHsm() throws Exception {
        SoftHsm.Token token = SoftHsm.token();
        Key key = token.otherSession().getKey(token.schemeKeyAlias(), null);
        assertThat(key.getAlgorithm()).isEqualTo("AES");
        assertThat(key.getEncoded()).as("a sensitive, non-extractable token key shows no bytes").isNull();
    }

    @Test
    void dataKeysOfEveryAlgorithmSizeComeBackFromAnotherOpenOfTheHsm() {
        String alias = SoftHsm.token().schemeKeyAlias();
        for (int length : new int[] {24, 32, 64}) {
            byte[] dataKey = key(length);
            byte[] wrapped;
            try (HsmKeyWrapper wrapper = open(alias)) {
                wrapped = wrapper.wrap(dataKey);
                assertThat(wrapper.describe()).contains("'" + alias + "'").contains("SunPKCS11");
            }
            assertThat(HexFormat.of().formatHex(wrapped)).doesNotContain(HexFormat.of().formatHex(dataKey));
            try (HsmKeyWrapper again = open(alias)) {
                assertThat(again.unwrap(wrapped)).isEqualTo(dataKey);
            }
        }
    }

    @Test
    void anotherProcessWithItsOwnLoginUnwrapsTheKeyAndAWrongPinThereIsAClearError() throws Exception {
        SoftHsm.Token token = SoftHsm.token();
        byte[] dataKey = key(32);
        String wrapped;
        try (HsmKeyWrapper wrapper = open(token.schemeKeyAlias())) {
            wrapped = HexFormat.of().formatHex(wrapper.wrap(dataKey));
        }
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dataKey));

        try (ChildJvm node2 = ChildJvm.start(Map.of("KSM_CHILD_PIN", token.pin()), "scheme-unwrap", "pkcs11",
                token.pkcs11Config().toString(), token.schemeKeyAlias(), wrapped)) {
            assertThat(node2.nextLine(2, TimeUnit.MINUTES)).isEqualTo("unwrapped " + digest);
        }
        try (ChildJvm wrongPin = ChildJvm.start(Map.of("KSM_CHILD_PIN", "7777-wrong"), "scheme-unwrap", "pkcs11",
                token.pkcs11Config().toString(), token.schemeKeyAlias(), wrapped)) {
            assertThat(wrongPin.nextLine(2, TimeUnit.MINUTES)).startsWith("error ")
                    .contains("'" + token.schemeKeyAlias() + "'").contains("wrong PIN")
                    .doesNotContain("7777-wrong");
        }
    }

    @Test
    void wrappingTheSameKeyTwiceGivesDifferentBytes() {
        byte[] dataKey = key(32);
        try (HsmKeyWrapper wrapper = open(SoftHsm.token().schemeKeyAlias())) {
            assertThat(wrapper.wrap(dataKey)).isNotEqualTo(wrapper.wrap(dataKey));
        }
    }

    @Test
    void aChangedByteDoesNotUnwrap() {
        byte[] dataKey = key(32);
        try (HsmKeyWrapper wrapper = open(SoftHsm.token().schemeKeyAlias())) {
            byte[] wrapped = wrapper.wrap(dataKey);
            for (int i : new int[] {5, 20, wrapped.length - 1}) {
                byte[] changed = Arrays.copyOf(wrapped, wrapped.length);
                changed[i] ^= 1;
                assertThatThrownBy(() -> wrapper.unwrap(changed)).isInstanceOf(KsmCryptoException.class)
                        .hasMessageContaining("does not unwrap with")
                        .hasMessageNotContaining(HexFormat.of().formatHex(dataKey));
            }
            assertThatThrownBy(() -> wrapper.unwrap(Arrays.copyOf(wrapped, 10)))
                    .isInstanceOf(KsmCryptoException.class).hasMessageContaining("damaged");
            assertThatThrownBy(() -> wrapper.unwrap(new byte[] {9, 1, 12}))
                    .isInstanceOf(KsmCryptoException.class).hasMessageContaining("not in camel-ksm's format");
        }
    }

    @Test
    void aKeyWrappedByAnotherHsmKeyIsRefusedNamingTheKey() {
        SoftHsm.Token token = SoftHsm.token();
        byte[] wrapped;
        try (HsmKeyWrapper wrapper = open(token.schemeKeyAlias())) {
            wrapped = wrapper.wrap(key(32));
        }
        try (HsmKeyWrapper other = open(token.key2Alias())) {
            assertThatThrownBy(() -> other.unwrap(wrapped)).isInstanceOf(KsmCryptoException.class)
                    .hasMessageContaining("'" + token.key2Alias() + "'")
                    .hasMessageContaining("another HSM key wrapped it");
        }
    }

    @Test
    void aMissingKeyIsAClearError() {
        assertThatThrownBy(() -> open("no-such-scheme-key")).isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("'no-such-scheme-key'").hasMessageContaining("not found");
    }

    @Test
    void settingsNameWhatIsMissing() {
        assertThatThrownBy(() -> new HsmSchemeKeyWrapperProvider()
                .open(new HsmKeySettings("SunPKCS11", null, null, null, "k")))
                .isInstanceOf(KsmCryptoException.class).hasMessageContaining("schemeHsmPkcs11Config");
        assertThatThrownBy(() -> new HsmSchemeKeyWrapperProvider()
                .open(new HsmKeySettings("Luna", null, null, null, "k")))
                .isInstanceOf(KsmCryptoException.class).hasMessageContaining("unknown HSM provider 'Luna'")
                .hasMessageContaining("SunPKCS11, nCipherKM or pkcs12");
    }
}
