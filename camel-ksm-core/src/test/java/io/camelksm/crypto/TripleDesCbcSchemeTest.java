package io.camelksm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.Secret;

class TripleDesCbcSchemeTest {

    // made once with OpenSSL 3.0:
    // printf 'legacy p@ssw0rd – ünïcode' | openssl enc -des-ede3-cbc -K <KEY> -iv <IV> | base64
    private static final String KEY = "4d2d07115e36703f4b75e638c08e42a1836b743c8cea6ec6";
    private static final String IV = "c79692fd3f6c6d0c";
    private static final String OPENSSL_OUTPUT = "sW7dj82a/4ukT784PLEAGV4hVntUs7D3qsMHyfb2bfc=";
    private static final String PLAINTEXT = "legacy p@ssw0rd – ünïcode";

    private static byte[] ivThenCiphertext(String ivHex, byte[] ciphertext) {
        byte[] iv = HexFormat.of().parseHex(ivHex);
        byte[] payload = new byte[iv.length + ciphertext.length];
        System.arraycopy(iv, 0, payload, 0, iv.length);
        System.arraycopy(ciphertext, 0, payload, iv.length, ciphertext.length);
        return payload;
    }

    @Test
    void readsAValueWrittenByOpensslEnc() throws Exception {
        byte[] payload = ivThenCiphertext(IV, Base64.getDecoder().decode(OPENSSL_OUTPUT));
        byte[] key = HexFormat.of().parseHex(KEY);
        try (EncryptionScheme scheme = SchemeAlgorithm.of("3des-cbc").open("legacy-3des", key)) {
            assertThat(new String(scheme.decrypt(payload, new byte[0]), StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
            // legacy values are not bound to a place: the associated data is ignored
            assertThat(new String(scheme.decrypt(payload, "anywhere".getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
        }
    }

    /** The same with a fresh key, IV and value, through the openssl on this machine. */
    @Test
    void readsWhatTheInstalledOpensslWrites(@TempDir Path dir) throws Exception {
        byte[] key = new byte[24];
        byte[] iv = new byte[8];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        random.nextBytes(iv);
        String value = "pw-" + random.nextLong() + "-éà";
        Path in = Files.writeString(dir.resolve("plain.txt"), value);
        Path out = dir.resolve("enc.bin");
        Process openssl;
        try {
            openssl = new ProcessBuilder("openssl", "enc", "-des-ede3-cbc", "-K", HexFormat.of().formatHex(key),
                    "-iv", HexFormat.of().formatHex(iv), "-in", in.toString(), "-out", out.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException noOpenssl) {
            assumeTrue(false, "openssl is not installed");
            return;
        }
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();

        try (EncryptionScheme scheme = SchemeAlgorithm.DES_EDE3_CBC.open("legacy-3des", key)) {
            byte[] payload = ivThenCiphertext(HexFormat.of().formatHex(iv), Files.readAllBytes(out));
            assertThat(new String(scheme.decrypt(payload, null), StandardCharsets.UTF_8)).isEqualTo(value);
        }
    }

    /** A legacy value read back the way the store does: by the scheme id stored with it, through SecretCipher. */
    @Test
    void aRegistryReadsLegacyValuesButWritesWithItsCurrentScheme() {
        byte[] aesKey = SchemeAlgorithm.AES_256_GCM.generateKey();
        SecretLocation where = SecretLocation.field(CredentialName.of("Legacy"), CredentialField.PASSWORD);
        try (SchemeRegistry registry = new SchemeRegistry(SchemeAlgorithm.AES_256_GCM.open("aes-now", aesKey),
                List.of(SchemeAlgorithm.DES_EDE3_CBC.open("legacy-3des", HexFormat.of().parseHex(KEY))))) {
            SecretCipher cipher = new SecretCipher(registry);
            EncryptedValue legacy = new EncryptedValue("legacy-3des",
                    ivThenCiphertext(IV, Base64.getDecoder().decode(OPENSSL_OUTPUT)));

            Secret read = cipher.decrypt(where, legacy);

            assertThat(read.reveal()).isEqualTo(PLAINTEXT);
            assertThat(cipher.isOutdated(legacy)).isTrue();
            EncryptedValue rewritten = cipher.encrypt(where, read);
            assertThat(rewritten.schemeId()).isEqualTo("aes-now");
            assertThat(cipher.decrypt(where, rewritten).reveal()).isEqualTo(PLAINTEXT);
        } finally {
            Arrays.fill(aesKey, (byte) 0);
        }
    }

    @Test
    void neverEncrypts() {
        try (EncryptionScheme scheme = SchemeAlgorithm.DES_EDE3_CBC.open("legacy-3des", new byte[24])) {
            assertThat(scheme.canEncrypt()).isFalse();
            assertThatThrownBy(() -> scheme.encrypt(new byte[] { 1 }, new byte[0]))
                    .isInstanceOf(KsmCryptoException.class)
                    .hasMessage("3DES-CBC is kept only to read legacy values: scheme 'legacy-3des' cannot encrypt;"
                                + " import its key to read old values and write with AES-256-GCM or"
                                + " AES-256-CBC-HMAC-SHA256");
            assertThatThrownBy(() -> new SchemeRegistry(scheme)).isInstanceOf(KsmCryptoException.class)
                    .hasMessageContaining("'legacy-3des' is read-only");
        }
    }

    /** The database checks every scheme's key when it opens; an imported legacy key is checked the same way. */
    @Test
    void hasAKeyCheckThatTellsTheRightKeyFromAWrongOne() {
        byte[] key = HexFormat.of().parseHex(KEY);
        byte[] wrong = key.clone();
        wrong[0] ^= 2; // not just a parity bit: DES ignores the lowest bit of each byte
        try (EncryptionScheme scheme = SchemeAlgorithm.DES_EDE3_CBC.open("legacy-3des", key);
             EncryptionScheme wrongKey = SchemeAlgorithm.DES_EDE3_CBC.open("legacy-3des", wrong)) {
            EncryptedValue check = KeyCheck.create(scheme);

            assertThat(KeyCheck.matches(scheme, check)).isTrue();
            assertThat(KeyCheck.matches(wrongKey, check)).isFalse();
            assertThat(KeyCheck.create(scheme)).as("a fresh IV each time").isNotEqualTo(check);
            assertThatThrownBy(() -> scheme.encrypt(new byte[] { 1 }, null)).isInstanceOf(KsmCryptoException.class);
        }
    }

    @Test
    void refusesPayloadsThatAreNotWholeBlocks() {
        try (EncryptionScheme scheme = SchemeAlgorithm.DES_EDE3_CBC.open("legacy-3des", new byte[24])) {
            assertThatThrownBy(() -> scheme.decrypt(new byte[8], null)).isInstanceOf(GeneralSecurityException.class)
                    .hasMessageContaining("8 bytes is not a 3DES-CBC value");
            assertThatThrownBy(() -> scheme.decrypt(new byte[21], null)).isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Test
    void refusesKeysThatAreNot192Bits() {
        assertThatThrownBy(() -> new TripleDesCbcScheme("legacy-3des", new byte[16]))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("'legacy-3des' needs a 192-bit 3DES key, got 128 bits");
    }
}
