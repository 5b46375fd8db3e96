package io.camelksm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class AesCbcHmacSchemeTest {

    private static final byte[] AAD = "credential\0field".getBytes(StandardCharsets.UTF_8);

    private static byte[] randomKey() {
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void roundTrip() throws Exception {
        try (AesCbcHmacScheme scheme = new AesCbcHmacScheme("cbc-test", randomKey())) {
            byte[] plaintext = "open sesame".getBytes(StandardCharsets.UTF_8);

            byte[] payload = scheme.encrypt(plaintext, AAD);

            assertThat(payload).hasSize(16 + 16 + 32); // IV, one padded block, tag
            assertThat(new String(payload, StandardCharsets.ISO_8859_1)).doesNotContain("open sesame");
            assertThat(scheme.decrypt(payload, AAD)).isEqualTo(plaintext);
            assertThat(scheme.decrypt(scheme.encrypt(new byte[0], AAD), AAD)).isEmpty();
        }
    }

    /** The documented layout, recomputed with plain JCE: IV || AES-CBC || HMAC(len(AAD) || AAD || IV || ct). */
    @Test
    void thePayloadIsEncryptThenMacAsDocumented() throws Exception {
        byte[] key = randomKey();
        try (AesCbcHmacScheme scheme = new AesCbcHmacScheme("cbc-test", key)) {
            byte[] plaintext = "0123456789abcdef-and-more".getBytes(StandardCharsets.UTF_8);
            byte[] payload = scheme.encrypt(plaintext, AAD);
            byte[] iv = Arrays.copyOfRange(payload, 0, 16);
            byte[] ciphertext = Arrays.copyOfRange(payload, 16, payload.length - 32);

            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, 0, 32, "AES"), new IvParameterSpec(iv));
            assertThat(aes.doFinal(ciphertext)).isEqualTo(plaintext);

            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, 32, 32, "HmacSHA256"));
            mac.update(ByteBuffer.allocate(8).putLong(AAD.length).array());
            mac.update(AAD);
            mac.update(iv);
            mac.update(ciphertext);
            assertThat(Arrays.copyOfRange(payload, payload.length - 32, payload.length)).isEqualTo(mac.doFinal());
        }
    }

    @Test
    void everyEncryptionUsesAFreshIv() {
        try (AesCbcHmacScheme scheme = new AesCbcHmacScheme("cbc-test", randomKey())) {
            byte[] plaintext = "same".getBytes(StandardCharsets.UTF_8);

            byte[] a = scheme.encrypt(plaintext, AAD);
            byte[] b = scheme.encrypt(plaintext, AAD);

            assertThat(Arrays.copyOf(a, 16)).isNotEqualTo(Arrays.copyOf(b, 16));
            assertThat(a).isNotEqualTo(b);
        }
    }

    @Test
    void otherAssociatedDataDoesNotDecrypt() {
        try (AesCbcHmacScheme scheme = new AesCbcHmacScheme("cbc-test", randomKey())) {
            byte[] payload = scheme.encrypt(new byte[] { 1, 2, 3 }, AAD);

            assertThatThrownBy(() -> scheme.decrypt(payload, "other".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AEADBadTagException.class);
            assertThatThrownBy(() -> scheme.decrypt(payload, new byte[0])).isInstanceOf(AEADBadTagException.class);
        }
    }

    @Test
    void aTamperedIvCiphertextOrTagDoesNotDecrypt() {
        try (AesCbcHmacScheme scheme = new AesCbcHmacScheme("cbc-test", randomKey())) {
            byte[] payload = scheme.encrypt("a value of two blocks, at least".getBytes(StandardCharsets.UTF_8), AAD);
            for (int position : new int[] { 0, 15, 16, payload.length - 33, payload.length - 32,
                                            payload.length - 1 }) {
                byte[] tampered = payload.clone();
                tampered[position] ^= 1;

                assertThatThrownBy(() -> scheme.decrypt(tampered, AAD)).as("byte %d flipped", position)
                        .isInstanceOf(AEADBadTagException.class);
            }
            byte[] truncated = Arrays.copyOf(payload, payload.length - 16);
            assertThatThrownBy(() -> scheme.decrypt(truncated, AAD)).isInstanceOf(AEADBadTagException.class);
            assertThatThrownBy(() -> scheme.decrypt(new byte[40], AAD)).isInstanceOf(AEADBadTagException.class)
                    .hasMessageContaining("40 bytes is not an AES-CBC-HMAC-SHA256 value");
        }
    }

    @Test
    void bothHalvesOfTheKeyMatter() {
        byte[] key = randomKey();
        byte[] otherMacKey = key.clone();
        otherMacKey[40] ^= 1;
        byte[] otherEncryptionKey = key.clone();
        otherEncryptionKey[3] ^= 1;
        try (AesCbcHmacScheme scheme = new AesCbcHmacScheme("cbc-test", key);
             AesCbcHmacScheme wrongMac = new AesCbcHmacScheme("cbc-test", otherMacKey);
             AesCbcHmacScheme wrongAes = new AesCbcHmacScheme("cbc-test", otherEncryptionKey)) {
            byte[] plaintext = "value".getBytes(StandardCharsets.UTF_8);
            byte[] payload = scheme.encrypt(plaintext, AAD);

            assertThatThrownBy(() -> wrongMac.decrypt(payload, AAD)).isInstanceOf(AEADBadTagException.class);
            // the tag still matches, so AES decrypts - and the padding or the plaintext come out wrong
            assertThat(decryptOrNull(wrongAes, payload)).isNotEqualTo(plaintext);
        }
    }

    private static byte[] decryptOrNull(EncryptionScheme scheme, byte[] payload) {
        try {
            return scheme.decrypt(payload, AAD);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    @Test
    void refusesKeysThatAreNot512Bits() {
        assertThatThrownBy(() -> new AesCbcHmacScheme("cbc-test", new byte[32]))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("'cbc-test' needs a 512-bit key (256 bits AES + 256 bits HMAC), got 256 bits");
    }

    @Test
    void aClosedSchemeHasWipedItsKeys() {
        byte[] key = randomKey();
        AesCbcHmacScheme scheme = new AesCbcHmacScheme("cbc-test", key);
        scheme.close();

        assertThatThrownBy(() -> scheme.encrypt(new byte[] { 1 }, AAD)).isInstanceOf(RuntimeException.class);
        assertThat(key).as("the caller's array is the caller's").isNotEqualTo(new byte[64]);
        assertThat(scheme.toString()).isEqualTo("AesCbcHmacScheme[cbc-test]");
    }
}
