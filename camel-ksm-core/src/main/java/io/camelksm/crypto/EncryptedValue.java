package io.camelksm.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A value encrypted at rest together with the id of the scheme that wrote it. Its text form is
 * {@code <schemeId>:<base64(payload)>}; the database keeps the two parts in separate columns.
 */
public final class EncryptedValue {

    private static final Pattern SCHEME_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final String schemeId;
    private final byte[] payload;

    public EncryptedValue(String schemeId, byte[] payload) {
        this.schemeId = checkSchemeId(schemeId);
        this.payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** Reads the parts stored in two columns; the payload in Base64. */
    public static EncryptedValue of(String schemeId, String payloadBase64) {
        Objects.requireNonNull(payloadBase64, "payload");
        try {
            return new EncryptedValue(schemeId, Base64.getDecoder().decode(payloadBase64));
        } catch (IllegalArgumentException e) {
            throw new KsmCryptoException("Stored value of scheme '" + schemeId + "' is not valid Base64");
        }
    }

    /** Parses the text form {@code <schemeId>:<base64(payload)>}. */
    public static EncryptedValue parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw new KsmCryptoException("Encrypted value is malformed: expected <schemeId>:<base64>");
        }
        return of(text.substring(0, colon), text.substring(colon + 1));
    }

    static String checkSchemeId(String id) {
        if (id == null || !SCHEME_ID.matcher(id).matches()) {
            throw new KsmCryptoException("Encryption scheme id '" + id
                                         + "' is malformed: 1 to 64 of a-z, 0-9, '.', '_' or '-'");
        }
        return id;
    }

    public String schemeId() {
        return schemeId;
    }

    /** A copy of the encrypted bytes (IV, ciphertext and tag for AES-GCM). */
    public byte[] payload() {
        return payload.clone();
    }

    public String payloadBase64() {
        return Base64.getEncoder().encodeToString(payload);
    }

    /** The text form {@code <schemeId>:<base64(payload)>}. */
    public String encoded() {
        return schemeId + ":" + payloadBase64();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptedValue other && schemeId.equals(other.schemeId)
               && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * schemeId.hashCode() + Arrays.hashCode(payload);
    }

    /** Names the scheme and size only. */
    @Override
    public String toString() {
        return "EncryptedValue[scheme=" + schemeId + ", " + payload.length + " bytes]";
    }
}
