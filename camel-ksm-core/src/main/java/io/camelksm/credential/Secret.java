package io.camelksm.credential;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

import javax.security.auth.Destroyable;

/**
 * A secret value (password, token, client secret, private key). It never shows itself in {@link #toString()}, compares
 * in constant time and can be wiped with {@link #destroy()}.
 */
public final class Secret implements Destroyable {

    private static final String MASK = "******";

    private final char[] value;
    private volatile boolean destroyed;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Copies the given characters; the caller stays responsible for wiping its own array. */
    public static Secret of(char[] value) {
        Objects.requireNonNull(value, "secret value");
        return new Secret(value.clone());
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        return new Secret(value.toCharArray());
    }

    /** Decodes UTF-8 bytes; the caller stays responsible for wiping its own array. */
    public static Secret ofUtf8(byte[] utf8) {
        Objects.requireNonNull(utf8, "secret value");
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] copy = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        return new Secret(copy);
    }

    /** An independent copy: destroying one leaves the other intact. */
    public Secret copy() {
        checkNotDestroyed();
        return new Secret(value.clone());
    }

    /** A copy of the characters; wipe it when done. */
    public char[] chars() {
        checkNotDestroyed();
        return value.clone();
    }

    /** The UTF-8 encoding; wipe it when done. */
    public byte[] utf8() {
        checkNotDestroyed();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] copy = Arrays.copyOfRange(bytes.array(), bytes.position(), bytes.limit());
        Arrays.fill(bytes.array(), (byte) 0);
        return copy;
    }

    /**
     * The value as a String, for APIs that only take Strings (HTTP headers). Strings cannot be wiped: call this as late
     * as possible.
     */
    public String reveal() {
        checkNotDestroyed();
        return new String(value);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** Constant-time comparison (independent of where the first difference is). */
    public boolean matches(Secret other) {
        if (other == null) {
            return false;
        }
        byte[] a = utf8();
        byte[] b = other.utf8();
        try {
            return MessageDigest.isEqual(a, b);
        } finally {
            Arrays.fill(a, (byte) 0);
            Arrays.fill(b, (byte) 0);
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(value, '\0');
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("secret has been destroyed");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && matches(other);
    }

    @Override
    public int hashCode() {
        // a constant: a hash of the value would leak information about it
        return 0x5ec7e7;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
