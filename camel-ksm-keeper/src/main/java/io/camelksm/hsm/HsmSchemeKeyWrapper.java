package io.camelksm.hsm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.camelksm.crypto.HsmKeyWrapper;
import io.camelksm.crypto.KsmCryptoException;

/**
 * Wraps encryption scheme data keys by encrypting them with AES-256-GCM inside the HSM, under a non-extractable AES key
 * found by alias. JDK 17's SunPKCS11 offers no AES key wrap cipher ({@code AES/KW}, {@code AESWrap}: "No such
 * algorithm", measured against SoftHSM2 2.6), while {@code AES/GCM/NoPadding} encryption with an HSM key works on
 * SunPKCS11 and nCipherKM alike; the data key is a byte array in this process anyway, so encryption inside the HSM
 * protects it as well as a key wrap would.
 * <p>
 * Wrapped form: {@code version(1) || mechanism id(1) || IV length(1) || IV || ciphertext+tag}; the additional data is
 * a fixed label, the version, the mechanism and the key alias, so a wrapped key found under another alias or changed
 * in any byte does not unwrap. The HSM session is logged in again when the HSM lost it ({@link HsmConfigCiphers}).
 */
final class HsmSchemeKeyWrapper implements HsmKeyWrapper {

    private static final int VERSION = 1;
    private static final byte[] LABEL = "camel-ksm scheme data key".getBytes(StandardCharsets.US_ASCII);

    private final ConfigCipher cipher;

    HsmSchemeKeyWrapper(ConfigCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public byte[] wrap(byte[] dataKey) {
        if (dataKey == null || dataKey.length == 0) {
            throw new KsmCryptoException("no data key to wrap with " + describe());
        }
        ConfigMechanism mechanism = cipher.mechanism();
        ConfigCipher.Sealed sealed;
        try {
            sealed = cipher.encrypt(dataKey, aad(mechanism));
        } catch (HsmException e) {
            throw new KsmCryptoException("cannot wrap a scheme data key: " + e.getMessage(), e);
        }
        byte[] iv = sealed.iv();
        return ByteBuffer.allocate(3 + iv.length + sealed.ciphertext().length)
                .put((byte) VERSION).put((byte) mechanism.id()).put((byte) iv.length)
                .put(iv).put(sealed.ciphertext()).array();
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        if (wrapped == null || wrapped.length < 3 || wrapped[0] != VERSION) {
            throw new KsmCryptoException("the wrapped scheme data key is not in camel-ksm's format (version "
                                         + VERSION + "): it cannot be unwrapped with " + describe());
        }
        ConfigMechanism mechanism = ConfigMechanism.byId(wrapped[1]);
        int ivLength = wrapped[2];
        if (mechanism == null || ivLength != mechanism.ivLength()
            || wrapped.length < 3 + ivLength + mechanism.minCiphertextLength()) {
            throw new KsmCryptoException("the wrapped scheme data key is damaged (unknown mechanism or too short)");
        }
        byte[] iv = Arrays.copyOfRange(wrapped, 3, 3 + ivLength);
        byte[] ciphertext = Arrays.copyOfRange(wrapped, 3 + ivLength, wrapped.length);
        try {
            return cipher.decrypt(mechanism, iv, ciphertext, aad(mechanism));
        } catch (ConfigAuthenticationException e) {
            throw new KsmCryptoException("the scheme data key does not unwrap with " + describe()
                                         + ": another HSM key wrapped it, or the stored value was changed", e);
        } catch (HsmException e) {
            throw new KsmCryptoException("cannot unwrap a scheme data key: " + e.getMessage(), e);
        }
    }

    private byte[] aad(ConfigMechanism mechanism) {
        byte[] alias = cipher.keyAlias().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(LABEL.length + 2 + alias.length)
                .put(LABEL).put((byte) VERSION).put((byte) mechanism.id()).put(alias).array();
    }

    @Override
    public String describe() {
        return cipher.description();
    }

    @Override
    public void close() {
        cipher.close();
    }

    @Override
    public String toString() {
        return "HsmSchemeKeyWrapper[" + describe() + "]";
    }
}
