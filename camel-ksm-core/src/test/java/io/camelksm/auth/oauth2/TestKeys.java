package io.camelksm.auth.oauth2;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import io.camelksm.credential.Secret;

/** Key pairs made once per test run, and their private keys as PKCS#8 PEM. */
final class TestKeys {

    static final KeyPair RSA = generate("RSA", 2048);
    static final KeyPair EC = generateEc("secp256r1");
    static final KeyPair EC_P384 = generateEc("secp384r1");
    static final KeyPair RSA_1024 = generate("RSA", 1024);

    /** A 32-byte shared secret for HS256. */
    static final String HMAC_SECRET = "0123456789abcdef0123456789abcdef-hs256";

    private TestKeys() {
    }

    static Secret pem(KeyPair pair) {
        return Secret.of(pemText(pair.getPrivate().getEncoded(), "PRIVATE KEY"));
    }

    static String pemText(byte[] der, String label) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generateEc(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
