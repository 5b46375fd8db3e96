package io.camelksm.hsm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import io.camelksm.credential.Secret;

/**
 * Creates SOFTWARE keys in a PKCS#12 file for {@link HsmSettings#softwarePkcs12}: development, tests and the embedded
 * default. Not an HSM; production keys are generated inside the HSM, never here. The file is written atomically and
 * owner-only.
 */
public final class Pkcs12KeyFile {

    private Pkcs12KeyFile() {
    }

    /** Adds a new random AES-256 key under that alias (creating the file if needed). */
    public static void addAesKey(Path file, Secret password, String alias) {
        addKey(file, password, alias, "AES");
    }

    /** Adds a new random 256-bit HMAC-SHA256 key under that alias (creating the file if needed). */
    public static void addHmacKey(Path file, Secret password, String alias) {
        addKey(file, password, alias, "HmacSHA256");
    }

    private static void addKey(Path file, Secret password, String alias, String algorithm) {
        char[] pass = password.chars();
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    keyStore.load(in, pass);
                }
            } else {
                keyStore.load(null, pass);
            }
            if (keyStore.containsAlias(alias)) {
                throw new HsmException("PKCS#12 file " + file + " already has a key '" + alias + "'");
            }
            KeyGenerator generator = KeyGenerator.getInstance(algorithm);
            generator.init(256);
            SecretKey key = generator.generateKey();
            keyStore.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(pass));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            keyStore.store(out, pass);
            AtomicFiles.write(file, out.toByteArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new HsmException("cannot add key '" + alias + "' to PKCS#12 file " + file + ": "
                                   + JceProviders.causes(e), e);
        } finally {
            Arrays.fill(pass, '\0');
        }
    }
}
