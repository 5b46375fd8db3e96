package io.camelksm.cli;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Freshly generated private keys as the PEM text an operator pipes into ksm-admin. */
final class TestKeys {

    private TestKeys() {
    }

    /** An unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY") RSA key of the given size. */
    static String rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unencrypted PKCS#8 PEM EC key on the named curve, e.g. secp256r1 (P-256) or secp384r1. */
    static String ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A traditional PKCS#1 PEM ("BEGIN RSA PRIVATE KEY") as openssl genrsa wrote it before 3.0. */
    static String rsaPkcs1() {
        String pkcs8 = rsa(2048);
        return pkcs8.replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY").replace("END PRIVATE KEY",
                "END RSA PRIVATE KEY");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
               + "\n-----END " + type + "-----\n";
    }
}
