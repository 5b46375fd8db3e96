package io.camelksm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SchemeAlgorithmTest {

    private static final byte[] AAD = "where".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource({
            "AES-256-GCM, AES_256_GCM", "aes-256-gcm, AES_256_GCM", " AES_256_GCM , AES_256_GCM",
            "AES/GCM/NoPadding, AES_256_GCM",
            "AES-256-CBC-HMAC-SHA256, AES_256_CBC_HMAC_SHA256", "aes-256-cbc-hmac-sha256, AES_256_CBC_HMAC_SHA256",
            "3DES-CBC, DES_EDE3_CBC", "3des-cbc, DES_EDE3_CBC", "DESede/CBC/PKCS5Padding, DES_EDE3_CBC" })
    void findsAlgorithmsByNameIgnoringCase(String name, SchemeAlgorithm expected) {
        assertThat(SchemeAlgorithm.of(name)).isEqualTo(expected);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> SchemeAlgorithm.of("ROT13")).isInstanceOf(KsmCryptoException.class)
                .hasMessage("Unknown encryption algorithm 'ROT13': use one of AES-256-GCM, AES-256-CBC-HMAC-SHA256,"
                            + " 3DES-CBC");
        assertThatThrownBy(() -> SchemeAlgorithm.of(null)).isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("'null'");
    }

    @Test
    void namesKeySizesAndDefault() {
        assertThat(SchemeAlgorithm.DEFAULT).isEqualTo(SchemeAlgorithm.AES_256_GCM);
        assertThat(SchemeAlgorithm.AES_256_GCM.keyBytes()).isEqualTo(32);
        assertThat(SchemeAlgorithm.AES_256_CBC_HMAC_SHA256.keyBytes()).isEqualTo(64);
        assertThat(SchemeAlgorithm.DES_EDE3_CBC.keyBytes()).isEqualTo(24);
        assertThat(SchemeAlgorithm.AES_256_GCM.canEncrypt()).isTrue();
        assertThat(SchemeAlgorithm.AES_256_CBC_HMAC_SHA256.canEncrypt()).isTrue();
        assertThat(SchemeAlgorithm.DES_EDE3_CBC.canEncrypt()).isFalse();
        assertThat(SchemeAlgorithm.AES_256_CBC_HMAC_SHA256).hasToString("AES-256-CBC-HMAC-SHA256");
    }

    @ParameterizedTest
    @EnumSource(value = SchemeAlgorithm.class, names = { "AES_256_GCM", "AES_256_CBC_HMAC_SHA256" })
    void opensSchemesThatRoundTripWithAGeneratedKey(SchemeAlgorithm algorithm) throws Exception {
        byte[] key = algorithm.generateKey();
        assertThat(key).hasSize(algorithm.keyBytes()).isNotEqualTo(new byte[algorithm.keyBytes()]);
        assertThat(algorithm.generateKey()).isNotEqualTo(key);
        byte[] plaintext = "s3cr3t".getBytes(StandardCharsets.UTF_8);

        try (EncryptionScheme scheme = algorithm.open("scheme-1", key)) {
            Arrays.fill(key, (byte) 0); // open copied it
            byte[] payload = scheme.encrypt(plaintext, AAD);

            assertThat(scheme.id()).isEqualTo("scheme-1");
            assertThat(scheme.canEncrypt()).isTrue();
            assertThat(SchemeAlgorithm.of(scheme.algorithm())).isEqualTo(algorithm);
            assertThat(scheme.decrypt(payload, AAD)).isEqualTo(plaintext);
            assertThat(KeyCheck.matches(scheme, KeyCheck.create(scheme))).isTrue();
        }
    }

    @Test
    void aReadOnlyAlgorithmGeneratesNoKeys() {
        assertThatThrownBy(SchemeAlgorithm.DES_EDE3_CBC::generateKey).isInstanceOf(KsmCryptoException.class)
                .hasMessageStartingWith("3DES-CBC is kept only to read legacy values: a new scheme cannot encrypt");
    }

    @Test
    void opensOnlyKeysOfTheRightLength() {
        assertThatThrownBy(() -> SchemeAlgorithm.AES_256_CBC_HMAC_SHA256.open("cbc-1", new byte[32]))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessage("Encryption scheme 'cbc-1' of algorithm AES-256-CBC-HMAC-SHA256 needs a key of 64 bytes,"
                            + " got 32 bytes");
        assertThatThrownBy(() -> SchemeAlgorithm.AES_256_GCM.open("gcm-1", null))
                .isInstanceOf(KsmCryptoException.class).hasMessageEndingWith("got none");
    }

    @Test
    void algorithmsDoNotReadEachOthersValues() {
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        try (EncryptionScheme cbc = SchemeAlgorithm.AES_256_CBC_HMAC_SHA256.open("x", key);
             EncryptionScheme gcm = SchemeAlgorithm.AES_256_GCM.open("x", Arrays.copyOf(key, 32))) {
            byte[] fromCbc = cbc.encrypt(new byte[20], AAD);
            byte[] fromGcm = gcm.encrypt(new byte[20], AAD);

            assertThatThrownBy(() -> gcm.decrypt(fromCbc, AAD)).isInstanceOf(GeneralSecurityException.class);
            assertThatThrownBy(() -> cbc.decrypt(fromGcm, AAD)).isInstanceOf(GeneralSecurityException.class);
        }
    }
}
