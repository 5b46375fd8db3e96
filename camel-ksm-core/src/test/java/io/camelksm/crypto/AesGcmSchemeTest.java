package io.camelksm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;

class AesGcmSchemeTest {

    private static final byte[] AAD = "credential\0field".getBytes(StandardCharsets.UTF_8);

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void roundTrip() throws Exception {
        try (AesGcmScheme scheme = new AesGcmScheme("aes-test", randomKey())) {
            byte[] plaintext = "open sesame".getBytes(StandardCharsets.UTF_8);

            byte[] payload = scheme.encrypt(plaintext, AAD);

            assertThat(payload).hasSize(12 + plaintext.length + 16);
            assertThat(new String(payload, StandardCharsets.ISO_8859_1)).doesNotContain("open sesame");
            assertThat(scheme.decrypt(payload, AAD)).isEqualTo(plaintext);
        }
    }

    @Test
    void everyEncryptionUsesAFreshIv() {
        try (AesGcmScheme scheme = new AesGcmScheme("aes-test", randomKey())) {
            byte[] plaintext = "same".getBytes(StandardCharsets.UTF_8);

            byte[] a = scheme.encrypt(plaintext, AAD);
            byte[] b = scheme.encrypt(plaintext, AAD);

            assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
            assertThat(a).isNotEqualTo(b);
        }
    }

    @Test
    void otherAssociatedDataDoesNotDecrypt() {
        try (AesGcmScheme scheme = new AesGcmScheme("aes-test", randomKey())) {
            byte[] payload = scheme.encrypt(new byte[] { 1, 2, 3 }, AAD);

            assertThatThrownBy(() -> scheme.decrypt(payload, "other".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AEADBadTagException.class);
        }
    }

    @Test
    void aTamperedPayloadDoesNotDecrypt() {
        try (AesGcmScheme scheme = new AesGcmScheme("aes-test", randomKey())) {
            byte[] payload = scheme.encrypt(new byte[] { 1, 2, 3 }, AAD);
            payload[13] ^= 1;

            assertThatThrownBy(() -> scheme.decrypt(payload, AAD)).isInstanceOf(AEADBadTagException.class);
            assertThatThrownBy(() -> scheme.decrypt(new byte[10], AAD)).isInstanceOf(AEADBadTagException.class);
        }
    }

    @Test
    void anotherKeyDoesNotDecrypt() {
        try (AesGcmScheme a = new AesGcmScheme("aes-test", randomKey());
             AesGcmScheme b = new AesGcmScheme("aes-test", randomKey())) {
            byte[] payload = a.encrypt(new byte[] { 1, 2, 3 }, AAD);

            assertThatThrownBy(() -> b.decrypt(payload, AAD)).isInstanceOf(AEADBadTagException.class);
        }
    }

    @Test
    void refusesKeysThatAreNot256Bits() {
        assertThatThrownBy(() -> new AesGcmScheme("aes-test", new byte[16]))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("'aes-test' needs a 256-bit AES key, got 128 bits");
    }

    @Test
    void refusesMalformedSchemeIds() {
        assertThatThrownBy(() -> new AesGcmScheme("Has Space", randomKey()))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("'Has Space' is malformed");
    }

    @Test
    void aClosedSchemeHasWipedItsKey() {
        byte[] key = randomKey();
        AesGcmScheme scheme = new AesGcmScheme("aes-test", key);
        scheme.close();

        assertThatThrownBy(() -> scheme.encrypt(new byte[] { 1 }, AAD)).isInstanceOf(RuntimeException.class);
        assertThat(key).as("the caller's array is the caller's").isNotEqualTo(new byte[32]);
    }
}
