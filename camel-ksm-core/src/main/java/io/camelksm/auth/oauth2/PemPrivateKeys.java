package io.camelksm.auth.oauth2;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import io.camelksm.credential.Secret;

/**
 * Reads an unencrypted PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}). Errors say what kind of PEM was
 * found and how to convert it, and never quote the key.
 */
final class PemPrivateKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemPrivateKeys() {
    }

    /** Whether the value looks like any PEM block (so it is not mistaken for a shared secret). */
    static boolean looksLikePem(Secret value) {
        char[] chars = value.chars();
        try {
            return new String(chars).contains("-----BEGIN ");
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * @param keyAlgorithm the JCA key algorithm expected: {@code RSA} or {@code EC}
     * @throws IllegalArgumentException naming the problem, never the key
     */
    static PrivateKey read(Secret pem, String keyAlgorithm) {
        String text = pem.reveal();
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----")) {
            throw new IllegalArgumentException("the private key is in the traditional (PKCS#1 / SEC 1) PEM format;"
                    + " convert it to PKCS#8 with 'openssl pkcs8 -topk8 -nocrypt -in key.pem'");
        }
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IllegalArgumentException("the private key is encrypted; store it as an unencrypted PKCS#8 PEM"
                    + " (camel-ksm encrypts it at rest)");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(
                    "the private key is not a PKCS#8 PEM block ('" + BEGIN + "' ... '" + END + "')");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the private key PEM block is not valid Base64");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance(keyAlgorithm).generatePrivate(spec);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the private key is not a valid PKCS#8 " + keyAlgorithm + " key"
                    + ("RSA".equals(keyAlgorithm) ? " (RS256 and PS256 need an RSA key)" : " (ES256 needs an EC P-256 key)"));
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }
}
