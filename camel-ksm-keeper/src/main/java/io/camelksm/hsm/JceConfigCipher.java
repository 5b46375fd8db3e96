package io.camelksm.hsm;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.security.auth.DestroyFailedException;
import javax.security.auth.Destroyable;

/**
 * {@link ConfigCipher} on a JCE provider: the keys are handles into the HSM (SunPKCS11, nCipherKM) or, when
 * configured explicitly, software keys. A new {@link Cipher} per operation keeps it thread-safe (Cipher objects are
 * not).
 */
final class JceConfigCipher implements ConfigCipher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Provider provider;
    private final Key key;
    private final String keyAlias;
    private final Key hmacKey;
    private final ConfigMechanism mechanism;

    /**
     * @param provider  the provider to run the operations in, or null for the JDK's default (software keys)
     * @param hmacKey   the HMAC-SHA256 key of the CBC mode, or null
     * @param mechanism the mechanism for new writes
     */
    JceConfigCipher(Provider provider, Key key, String keyAlias, Key hmacKey, ConfigMechanism mechanism) {
        this.provider = provider;
        this.key = Objects.requireNonNull(key, "key");
        this.keyAlias = Objects.requireNonNull(keyAlias, "keyAlias");
        this.hmacKey = hmacKey;
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
        if (!supports(mechanism)) {
            throw new HsmException(mechanism + " needs an HMAC key besides the AES key '" + keyAlias + "'");
        }
    }

    @Override
    public ConfigMechanism mechanism() {
        return mechanism;
    }

    @Override
    public String keyAlias() {
        return keyAlias;
    }

    @Override
    public boolean supports(ConfigMechanism m) {
        return m == ConfigMechanism.AES_256_GCM || hmacKey != null;
    }

    @Override
    public Sealed encrypt(byte[] plaintext, byte[] aad) {
        byte[] iv = new byte[mechanism.ivLength()];
        RANDOM.nextBytes(iv);
        try {
            if (mechanism == ConfigMechanism.AES_256_GCM) {
                Cipher cipher = cipher(mechanism);
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(ConfigMechanism.GCM_TAG_LENGTH * 8, iv));
                cipher.updateAAD(aad);
                return new Sealed(iv, cipher.doFinal(plaintext));
            }
            Cipher cipher = cipher(mechanism);
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            byte[] encrypted = cipher.doFinal(plaintext);
            byte[] mac = mac(aad, iv, encrypted);
            byte[] out = Arrays.copyOf(encrypted, encrypted.length + mac.length);
            System.arraycopy(mac, 0, out, encrypted.length, mac.length);
            return new Sealed(iv, out);
        } catch (GeneralSecurityException | ProviderException e) {
            throw failure("encrypt", e);
        }
    }

    @Override
    public byte[] decrypt(ConfigMechanism m, byte[] iv, byte[] ciphertext, byte[] aad) {
        if (!supports(m)) {
            throw new HsmException("data encrypted with " + m + " needs an HMAC key, and " + description()
                                   + " has none");
        }
        try {
            if (m == ConfigMechanism.AES_256_GCM) {
                Cipher cipher = cipher(m);
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(ConfigMechanism.GCM_TAG_LENGTH * 8, iv));
                cipher.updateAAD(aad);
                return cipher.doFinal(ciphertext);
            }
            int split = ciphertext.length - ConfigMechanism.MAC_LENGTH;
            if (split < 0) {
                throw notAuthentic();
            }
            byte[] encrypted = Arrays.copyOf(ciphertext, split);
            byte[] expected = mac(aad, iv, encrypted);
            // verify before decrypting (encrypt-then-MAC): no padding oracle
            if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(ciphertext, split, ciphertext.length))) {
                throw notAuthentic();
            }
            Cipher cipher = cipher(m);
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
            return cipher.doFinal(encrypted);
        } catch (AEADBadTagException e) {
            throw notAuthentic();
        } catch (BadPaddingException e) {
            // only reachable after a valid MAC: the HMAC key matches but the AES key does not
            throw notAuthentic();
        } catch (GeneralSecurityException | ProviderException e) {
            throw failure("decrypt", e);
        }
    }

    private Cipher cipher(ConfigMechanism m) throws GeneralSecurityException {
        return provider == null ? Cipher.getInstance(m.transformation())
                : Cipher.getInstance(m.transformation(), provider);
    }

    private byte[] mac(byte[] aad, byte[] iv, byte[] encrypted) throws GeneralSecurityException {
        Mac mac = provider == null ? Mac.getInstance("HmacSHA256") : Mac.getInstance("HmacSHA256", provider);
        mac.init(hmacKey);
        // the lengths make the concatenation unambiguous
        mac.update(ByteBuffer.allocate(8).putInt(aad.length).putInt(iv.length).array());
        mac.update(aad);
        mac.update(iv);
        return mac.doFinal(encrypted);
    }

    private ConfigAuthenticationException notAuthentic() {
        return new ConfigAuthenticationException("data does not authenticate with " + description()
                                                 + " (another key encrypted it, or it was changed)");
    }

    private HsmException failure(String operation, Exception e) {
        // provider messages name PKCS#11 return codes and algorithms, not key material
        return new HsmException("HSM could not " + operation + " with " + description() + ": "
                                + JceProviders.causes(e), e);
    }

    @Override
    public String description() {
        String where = provider == null ? "software" : provider.getName();
        return where + " key '" + keyAlias + "' (" + mechanism + ")";
    }

    @Override
    public void close() {
        destroy(key);
        destroy(hmacKey);
    }

    private static void destroy(Key k) {
        if (k instanceof Destroyable d && !d.isDestroyed()) {
            try {
                d.destroy();
            } catch (DestroyFailedException e) {
                // HSM handles and JDK 17's SecretKeySpec cannot be destroyed: nothing more to do
            }
        }
    }

    @Override
    public String toString() {
        return "JceConfigCipher[" + description() + "]";
    }
}
