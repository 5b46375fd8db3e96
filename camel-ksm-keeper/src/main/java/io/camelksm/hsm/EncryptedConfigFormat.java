package io.camelksm.hsm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The binary layout of an encrypted config file (all integers big-endian, nothing after the ciphertext):
 *
 * <pre>
 * magic      4 bytes  FF 4B 53 4D  ("\xFFKSM": 0xFF never starts UTF-8 text, so no plaintext config looks like it)
 * version    1 byte   1
 * mechanism  1 byte   {@link ConfigMechanism#id()}
 * alias      1 byte length (1..255) + UTF-8 alias of the encryption key
 * iv         1 byte length + IV (12 bytes for GCM, 16 for CBC)
 * ciphertext 4 byte length + ciphertext (GCM: with its 16-byte tag; CBC: followed by the 32-byte HMAC-SHA256)
 * </pre>
 *
 * Magic, version, mechanism and alias form the header, authenticated together with the ciphertext (GCM additional
 * data, or inside the HMAC), so the alias or mechanism cannot be swapped unnoticed. The plaintext is the config JSON
 * in UTF-8.
 */
final class EncryptedConfigFormat {

    static final byte[] MAGIC = { (byte) 0xFF, 'K', 'S', 'M' };
    static final int VERSION = 1;
    static final int MAX_ALIAS_LENGTH = 255;
    /** Header plus IV and ciphertext length: enough bytes to read any header. */
    static final int MAX_HEADER_LENGTH = MAGIC.length + 3 + MAX_ALIAS_LENGTH;

    private EncryptedConfigFormat() {
    }

    /** A parsed file: header, IV and ciphertext. */
    record Parsed(EncryptedConfigHeader header, byte[] headerBytes, byte[] iv, byte[] ciphertext) {
    }

    /** Whether the bytes start like an encrypted config file (they may still be invalid). */
    static boolean hasMagic(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Encrypts the plaintext into a complete file image. */
    static byte[] encrypt(byte[] plaintext, ConfigCipher cipher) {
        byte[] header = headerBytes(cipher.mechanism(), cipher.keyAlias());
        ConfigCipher.Sealed sealed = cipher.encrypt(plaintext, header);
        if (sealed.iv().length != cipher.mechanism().ivLength()) {
            throw new HsmException(cipher.description() + " returned an IV of " + sealed.iv().length + " bytes");
        }
        return ByteBuffer.allocate(header.length + 1 + sealed.iv().length + 4 + sealed.ciphertext().length)
                .put(header)
                .put((byte) sealed.iv().length).put(sealed.iv())
                .putInt(sealed.ciphertext().length).put(sealed.ciphertext())
                .array();
    }

    static byte[] headerBytes(ConfigMechanism mechanism, String keyAlias) {
        byte[] alias = keyAlias.getBytes(StandardCharsets.UTF_8);
        if (alias.length == 0 || alias.length > MAX_ALIAS_LENGTH) {
            throw new HsmException("key alias must be 1 to " + MAX_ALIAS_LENGTH + " bytes of UTF-8, got "
                                   + alias.length);
        }
        return ByteBuffer.allocate(MAGIC.length + 3 + alias.length)
                .put(MAGIC).put((byte) VERSION).put((byte) mechanism.id())
                .put((byte) alias.length).put(alias)
                .array();
    }

    /** Parses the header only (the bytes may be a prefix of the file). */
    static EncryptedConfigHeader readHeader(Path file, byte[] bytes) {
        return parseHeader(file, ByteBuffer.wrap(bytes));
    }

    /**
     * Parses a whole file image.
     *
     * @throws InvalidConfigFileException naming what is wrong
     */
    static Parsed parse(Path file, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        EncryptedConfigHeader header = parseHeader(file, in);
        byte[] headerBytes = Arrays.copyOf(bytes, in.position());
        ConfigMechanism mechanism = header.mechanism();
        if (in.remaining() < 1) {
            throw invalid(file, "truncated before the IV");
        }
        int ivLength = Byte.toUnsignedInt(in.get());
        if (ivLength != mechanism.ivLength()) {
            throw invalid(file, "IV length " + ivLength + " does not fit " + mechanism);
        }
        if (in.remaining() < ivLength + 4) {
            throw invalid(file, "truncated in the IV");
        }
        byte[] iv = new byte[ivLength];
        in.get(iv);
        long ciphertextLength = Integer.toUnsignedLong(in.getInt());
        if (ciphertextLength > in.remaining()) {
            throw invalid(file, "truncated: ciphertext of " + ciphertextLength + " bytes, " + in.remaining()
                                + " present");
        }
        if (ciphertextLength < in.remaining()) {
            throw invalid(file, (in.remaining() - ciphertextLength) + " unexpected bytes after the ciphertext");
        }
        if (ciphertextLength < mechanism.minCiphertextLength()) {
            throw invalid(file, "ciphertext too short for " + mechanism);
        }
        byte[] ciphertext = new byte[(int) ciphertextLength];
        in.get(ciphertext);
        return new Parsed(header, headerBytes, iv, ciphertext);
    }

    private static EncryptedConfigHeader parseHeader(Path file, ByteBuffer in) {
        if (in.remaining() == 0) {
            throw invalid(file, "the file is empty");
        }
        if (in.remaining() < MAGIC.length) {
            throw invalid(file, "truncated header");
        }
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw invalid(file, "unknown format (no camel-ksm header)");
        }
        if (in.remaining() < 3) {
            throw invalid(file, "truncated header");
        }
        int version = Byte.toUnsignedInt(in.get());
        if (version != VERSION) {
            throw invalid(file, "format version " + version + " is not supported (this camel-ksm reads version "
                                + VERSION + ")");
        }
        int mechanismId = Byte.toUnsignedInt(in.get());
        ConfigMechanism mechanism = ConfigMechanism.byId(mechanismId);
        if (mechanism == null) {
            throw invalid(file, "unknown mechanism id " + mechanismId);
        }
        int aliasLength = Byte.toUnsignedInt(in.get());
        if (aliasLength == 0 || in.remaining() < aliasLength) {
            throw invalid(file, "truncated header (key alias)");
        }
        byte[] alias = new byte[aliasLength];
        in.get(alias);
        String keyAlias;
        try {
            keyAlias = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(alias)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(file, "key alias is not UTF-8");
        }
        if (keyAlias.chars().anyMatch(Character::isISOControl)) {
            throw invalid(file, "key alias contains control characters");
        }
        return new EncryptedConfigHeader(version, mechanism, keyAlias);
    }

    /**
     * Decrypts a parsed file with the configured cipher.
     *
     * @throws ConfigKeyMismatchException if the file names another key
     * @throws InvalidConfigFileException if it does not authenticate
     */
    static byte[] decrypt(Path file, Parsed parsed, ConfigCipher cipher) {
        EncryptedConfigHeader header = parsed.header();
        if (!header.keyAlias().equals(cipher.keyAlias())) {
            throw new ConfigKeyMismatchException(file, header.keyAlias(), cipher.keyAlias());
        }
        try {
            return cipher.decrypt(header.mechanism(), parsed.iv(), parsed.ciphertext(), parsed.headerBytes());
        } catch (ConfigAuthenticationException e) {
            throw invalid(file, "it does not authenticate with " + cipher.description()
                                + " (the file was changed, or a different key has this alias)");
        }
    }

    private static InvalidConfigFileException invalid(Path file, String reason) {
        return new InvalidConfigFileException(file, reason);
    }
}
