package io.camelksm.crypto;

import java.util.Arrays;

import javax.crypto.SecretKey;

/**
 * A raw secret key whose bytes we own and can wipe ({@code SecretKeySpec} cannot be destroyed on Java 17). The JCE
 * providers copy the bytes through {@link #getEncoded()} when a cipher or MAC is initialised.
 */
final class WipeableKey implements SecretKey {

    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final byte[] bytes;
    private volatile boolean destroyed;

    /** A copy of {@code length} bytes of {@code source} from {@code offset}; the caller wipes its own array. */
    WipeableKey(String algorithm, byte[] source, int offset, int length) {
        this.algorithm = algorithm;
        this.bytes = Arrays.copyOfRange(source, offset, offset + length);
    }

    WipeableKey(String algorithm, byte[] source) {
        this(algorithm, source, 0, source.length);
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException("the key of this encryption scheme has been wiped");
        }
        return bytes.clone();
    }

    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return algorithm + " key ******";
    }
}
