package io.camelksm.store.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.camelksm.crypto.KsmCryptoException;

/**
 * The MAC of one audit row in the chain: HMAC-SHA256 over the previous row's MAC, the row's sequence number and a
 * canonical encoding of its columns. The key is derived with HKDF-SHA256 (RFC 5869) from the key file's key under a
 * label of its own, so it is never stored, differs from the encryption key, and nobody holding only the database can
 * compute it. Wipe it with {@link #close()}.
 */
final class AuditMac implements AutoCloseable {

    static final int BYTES = 32;
    /** The "previous MAC" of the first chained row. */
    static final byte[] GENESIS = new byte[BYTES];

    private static final String HMAC = "HmacSHA256";
    private static final byte[] SALT = "camel-ksm audit chain".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "camel-ksm audit_event MAC key v1".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] key;
    private volatile boolean closed;

    private AuditMac(byte[] key) {
        this.key = key;
    }

    /** The audit MAC key derived from the key file's key; {@code fileKey} stays the caller's to wipe. */
    static AuditMac fromFileKey(byte[] fileKey) {
        return new AuditMac(FileKeyDerivation.derive(fileKey, SALT, INFO));
    }

    /** The MAC of a row with these column values (as {@link AuditColumns#ALL}) after a row with MAC {@code previous}. */
    byte[] mac(byte[] previous, long seq, Object[] values) {
        requireOpen();
        return hmac(key, encode(previous, seq, AuditColumns.ALL, values));
    }

    /** A wiped key would MAC with zeros: refuse instead (the database was closed). */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The audit MAC key was wiped: the camel-ksm database is closed");
        }
    }

    /** A MAC calculator for many rows in a row (one thread; the JCE lookup and key setup done once). */
    Calculator calculator() {
        requireOpen();
        return new Calculator(newMac(key));
    }

    /** Computes {@link #mac} for one row after another; not thread-safe. */
    static final class Calculator {

        private final Mac mac;

        private Calculator(Mac mac) {
            this.mac = mac;
        }

        byte[] mac(byte[] previous, long seq, Object[] values) {
            return mac.doFinal(encode(previous, seq, AuditColumns.ALL, values));
        }
    }

    /**
     * The canonical encoding: the previous MAC, the sequence number, then for every non-NULL column its name and
     * value, each length-prefixed (texts UTF-8; times as epoch microseconds; integers as 8 bytes). Skipping NULLs keeps
     * the MACs of older rows valid when a column is added later.
     */
    static byte[] encode(byte[] previous, long seq, List<AuditColumns.Column> columns, Object[] values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        chunk(out, previous);
        chunk(out, ByteBuffer.allocate(8).putLong(seq).array());
        for (int i = 0; i < columns.size(); i++) {
            if (values[i] == null) {
                continue;
            }
            AuditColumns.Column column = columns.get(i);
            chunk(out, column.name().getBytes(StandardCharsets.UTF_8));
            chunk(out, switch (column.type()) {
                case TEXT -> ((String) values[i]).getBytes(StandardCharsets.UTF_8);
                case TIME -> ByteBuffer.allocate(8).putLong(epochMicros((Instant) values[i])).array();
                case INT, LONG -> ByteBuffer.allocate(8).putLong(((Number) values[i]).longValue()).array();
            });
        }
        return out.toByteArray();
    }

    private static long epochMicros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static void chunk(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    /** Constant-time comparison of a computed MAC with the stored (hex) one; a malformed stored MAC never matches. */
    static boolean matches(byte[] computed, String stored) {
        byte[] parsed;
        try {
            parsed = stored == null ? new byte[0] : HEX.parseHex(stored);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(computed, parsed);
    }

    static String hex(byte[] mac) {
        return HEX.formatHex(mac);
    }

    /** A stored MAC as bytes, or null when it is not 32 bytes of hex. */
    static byte[] parse(String stored) {
        try {
            byte[] bytes = stored == null ? null : HEX.parseHex(stored);
            return bytes != null && bytes.length == BYTES ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        return newMac(key).doFinal(data);
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new KsmCryptoException("HMAC-SHA256 is not available for the audit chain: " + e.getMessage(), e);
        }
    }


    @Override
    public void close() {
        closed = true;
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "AuditMac[HMAC-SHA256, key not shown]";
    }
}
