package io.camelksm.hsm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the header of an encrypted config file says: format version, mechanism and the alias of the HSM key that
 * encrypted it. Readable without the key, so an operator (and {@code ksm-admin}) can tell which key a file needs.
 *
 * @see EncryptedConfigFormat
 */
public record EncryptedConfigHeader(int version, ConfigMechanism mechanism, String keyAlias) {

    public EncryptedConfigHeader {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(keyAlias, "keyAlias");
    }

    /**
     * Reads the header of a config file without decrypting it.
     *
     * @throws InvalidConfigFileException if the file does not start with a valid header
     * @throws HsmException               if the file cannot be read
     */
    public static EncryptedConfigHeader read(Path file) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(EncryptedConfigFormat.MAX_HEADER_LENGTH);
        } catch (NoSuchFileException e) {
            throw new HsmException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new HsmException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return EncryptedConfigFormat.readHeader(file, start);
    }
}
