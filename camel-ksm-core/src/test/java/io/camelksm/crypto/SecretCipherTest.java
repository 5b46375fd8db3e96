package io.camelksm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.Secret;

class SecretCipherTest {

    private static final CredentialName API = CredentialName.of("MyApi");
    private static final SecretLocation API_PASSWORD = SecretLocation.field(API, CredentialField.PASSWORD);

    private final AesGcmScheme current = new AesGcmScheme("aes-new", randomKey());
    private final AesGcmScheme older = new AesGcmScheme("aes-old", randomKey());
    private final SchemeRegistry registry = new SchemeRegistry(current, List.of(older));
    private final SecretCipher cipher = new SecretCipher(registry);

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @AfterEach
    void wipe() {
        registry.close();
    }

    @Test
    void encryptsWithTheCurrentSchemeAndDecrypts() {
        EncryptedValue value = cipher.encrypt(API_PASSWORD, Secret.of("s3cr3t-ü"));

        assertThat(value.schemeId()).isEqualTo("aes-new");
        assertThat(value.encoded()).startsWith("aes-new:").doesNotContain("s3cr3t");
        assertThat(cipher.decrypt(API_PASSWORD, value).reveal()).isEqualTo("s3cr3t-ü");
        assertThat(cipher.isOutdated(value)).isFalse();
    }

    @Test
    void decryptsWithTheSchemeThatWroteTheValue() {
        SecretCipher oldCipher = new SecretCipher(new SchemeRegistry(older));
        EncryptedValue old = oldCipher.encrypt(API_PASSWORD, Secret.of("old-password"));

        assertThat(cipher.decrypt(API_PASSWORD, old).reveal()).isEqualTo("old-password");
        assertThat(cipher.isOutdated(old)).isTrue();
    }

    @Test
    void aValueCopiedToAnotherFieldOrCredentialDoesNotDecrypt() {
        EncryptedValue password = cipher.encrypt(API_PASSWORD, Secret.of("hunter2"));
        SecretLocation otherCredential = SecretLocation.field(CredentialName.of("Other"), CredentialField.PASSWORD);
        SecretLocation otherField = SecretLocation.field(API, CredentialField.TOKEN);
        SecretLocation propertyOfSameName = SecretLocation.property(API, "password");

        for (SecretLocation elsewhere : List.of(otherCredential, otherField, propertyOfSameName)) {
            assertThatThrownBy(() -> cipher.decrypt(elsewhere, password))
                    .isInstanceOf(KsmCryptoException.class)
                    .hasMessageContaining("Cannot decrypt " + elsewhere)
                    .hasMessageContaining("scheme 'aes-new'")
                    .hasMessageNotContaining("hunter2")
                    .hasCauseInstanceOf(GeneralSecurityException.class);
        }
        // the location is case-insensitive like the name itself
        SecretLocation sameNameOtherCase = SecretLocation.field(CredentialName.of("MYAPI"), CredentialField.PASSWORD);
        assertThat(cipher.decrypt(sameNameOtherCase, password).reveal()).isEqualTo("hunter2");
    }

    @Test
    void aTamperedValueFailsNamingCredentialAndField() {
        EncryptedValue value = cipher.encrypt(API_PASSWORD, Secret.of("hunter2"));
        byte[] payload = value.payload();
        payload[payload.length - 1] ^= 0x40;

        assertThatThrownBy(() -> cipher.decrypt(API_PASSWORD, new EncryptedValue("aes-new", payload)))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageStartingWith("Cannot decrypt credential 'MyApi' field 'password' with scheme 'aes-new'")
                .hasMessageContaining("altered");
    }

    @Test
    void anUnknownSchemeFailsClearly() {
        EncryptedValue value = cipher.encrypt(API_PASSWORD, Secret.of("hunter2"));

        assertThatThrownBy(() -> cipher.decrypt(API_PASSWORD, new EncryptedValue("des3-legacy", value.payload())))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessage("Cannot decrypt credential 'MyApi' field 'password': it was encrypted with scheme"
                            + " 'des3-legacy', which is not available here (available: aes-new, aes-old)");
    }

    @Test
    void aReadOnlySchemeCannotBeCurrent() {
        EncryptionScheme legacy = new EncryptionScheme() {
            @Override
            public String id() {
                return "des3-legacy";
            }

            @Override
            public String algorithm() {
                return "DESede/CBC/PKCS5Padding";
            }

            @Override
            public boolean canEncrypt() {
                return false;
            }

            @Override
            public byte[] encrypt(byte[] plaintext, byte[] aad) {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] decrypt(byte[] payload, byte[] aad) {
                return payload.clone();
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> new SchemeRegistry(legacy))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("'des3-legacy' is read-only");
        try (SchemeRegistry withLegacy = new SchemeRegistry(new AesGcmScheme("aes-x", randomKey()), List.of(legacy))) {
            assertThat(withLegacy.ids()).containsExactly("aes-x", "des3-legacy");
            assertThat(withLegacy.current().id()).isEqualTo("aes-x");
        }
    }

    @Test
    void aSchemeIdCannotBeRegisteredTwice() {
        AesGcmScheme twin = new AesGcmScheme("aes-new", randomKey());

        assertThatThrownBy(() -> new SchemeRegistry(current, List.of(twin)))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("'aes-new' is registered twice");
    }

    @Test
    void encryptedValueTextForm() {
        EncryptedValue value = new EncryptedValue("aes-new", new byte[] { 1, 2, 3 });

        assertThat(value.encoded()).isEqualTo("aes-new:AQID");
        assertThat(EncryptedValue.parse("aes-new:AQID")).isEqualTo(value);
        assertThat(value.toString()).isEqualTo("EncryptedValue[scheme=aes-new, 3 bytes]");
        assertThatThrownBy(() -> EncryptedValue.parse("no-colon")).isInstanceOf(KsmCryptoException.class);
        assertThatThrownBy(() -> EncryptedValue.parse("aes-new:***")).isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("not valid Base64");
    }

    @Test
    void keyCheckRecognisesTheRightKeyOnly() {
        EncryptedValue check = KeyCheck.create(current);

        assertThat(KeyCheck.matches(current, check)).isTrue();
        try (AesGcmScheme sameIdOtherKey = new AesGcmScheme("aes-new", randomKey())) {
            assertThat(KeyCheck.matches(sameIdOtherKey, check)).isFalse();
        }
        assertThat(KeyCheck.matches(older, check)).isFalse();
    }
}
