package io.camelksm.hsm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;

import io.camelksm.PartHealth;

/**
 * Whether an HSM key is usable: encrypts and decrypts a fixed probe (no secret) with it. For health checks; the message
 * names the key by its description, never holds key material or the PIN.
 */
public final class HsmKeyProbe {

    private static final byte[] PROBE = "camel-ksm HSM key probe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD = "camel-ksm/1\0health".getBytes(StandardCharsets.US_ASCII);

    private HsmKeyProbe() {
    }

    public static PartHealth probe(ConfigCipher cipher) {
        Map<String, Object> details = Map.of("key", cipher.description());
        try {
            ConfigCipher.Sealed sealed = cipher.encrypt(PROBE, AAD);
            byte[] back = cipher.decrypt(cipher.mechanism(), sealed.iv(), sealed.ciphertext(), AAD);
            boolean same = MessageDigest.isEqual(PROBE, back);
            Arrays.fill(back, (byte) 0);
            return same ? PartHealth.up("The HSM key " + cipher.description() + " encrypts and decrypts", details)
                    : PartHealth.down("The HSM key " + cipher.description() + " did not decrypt what it encrypted",
                            details);
        } catch (RuntimeException e) {
            return PartHealth.down("The HSM key " + cipher.description() + " is not usable: " + e.getMessage(),
                    details);
        }
    }
}
