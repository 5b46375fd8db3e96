package io.camelksm.hsm;

import java.security.GeneralSecurityException;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/** Software ciphers (the JDK's own AES) for tests of one class; the HSM tests use SoftHSM2. */
final class TestCiphers {

    private TestCiphers() {
    }

    static SecretKey aesKey() {
        return key("AES");
    }

    static SecretKey hmacKey() {
        return key("HmacSHA256");
    }

    static JceConfigCipher gcm(String alias, SecretKey key) {
        return new JceConfigCipher(null, key, alias, null, ConfigMechanism.AES_256_GCM);
    }

    static JceConfigCipher cbcHmac(String alias, SecretKey key, SecretKey hmacKey) {
        return new JceConfigCipher(null, key, alias, hmacKey, ConfigMechanism.AES_256_CBC_HMAC_SHA256);
    }

    private static SecretKey key(String algorithm) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(algorithm);
            generator.init(256);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stands for an HSM that goes away: fails every operation once {@link #breakNow()} was called. */
    static class BreakableCipher implements ConfigCipher {

        private final ConfigCipher delegate;
        private volatile boolean broken;
        private volatile int operations;

        BreakableCipher(ConfigCipher delegate) {
            this.delegate = delegate;
        }

        void breakNow() {
            broken = true;
        }

        int operations() {
            return operations;
        }

        @Override
        public ConfigMechanism mechanism() {
            return delegate.mechanism();
        }

        @Override
        public String keyAlias() {
            return delegate.keyAlias();
        }

        @Override
        public boolean supports(ConfigMechanism mechanism) {
            return delegate.supports(mechanism);
        }

        @Override
        public Sealed encrypt(byte[] plaintext, byte[] aad) {
            operations++;
            if (broken) {
                throw new HsmException("HSM could not encrypt: CKR_DEVICE_REMOVED (test)");
            }
            return delegate.encrypt(plaintext, aad);
        }

        @Override
        public byte[] decrypt(ConfigMechanism mechanism, byte[] iv, byte[] ciphertext, byte[] aad) {
            operations++;
            if (broken) {
                throw new HsmException("HSM could not decrypt: CKR_DEVICE_REMOVED (test)");
            }
            return delegate.decrypt(mechanism, iv, ciphertext, aad);
        }

        @Override
        public String description() {
            return "breakable " + delegate.description();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
