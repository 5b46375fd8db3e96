package io.camelksm.store.jdbc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.function.Function;

import io.camelksm.crypto.AesGcmScheme;
import io.camelksm.crypto.EncryptionScheme;
import io.camelksm.crypto.HsmKeySettings;
import io.camelksm.crypto.HsmKeyWrapper;
import io.camelksm.crypto.HsmKeyWrapperProvider;
import io.camelksm.crypto.KeyCheck;
import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.KsmCryptoException;
import io.camelksm.crypto.OwnerOnlyFiles;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.crypto.SchemeKeys;
import io.camelksm.crypto.UnavailableScheme;

/**
 * Keeps and finds the data keys of encryption schemes by key location: DATABASE (encrypted by the database's key file
 * key, AAD = the scheme id), SERVER (a key file per scheme) and HSM (wrapped by an HSM key, unwrapped once per process).
 * A key this node cannot open becomes an {@link UnavailableScheme} that says why.
 */
final class SchemeKeyOpener implements AutoCloseable {

    private final AesGcmScheme fileKey;
    private final Path keyDirectory;
    private final HsmKeySettings hsmSettings;
    private final Function<HsmKeySettings, HsmKeyWrapper> hsmOpener;
    private HsmKeyWrapper hsm;

    /**
     * @param fileKey the key file's key (wraps DATABASE keys); copied
     * @param hsmSettings the HSM of HSM schemes, or null; its wrapper comes from a {@link HsmKeyWrapperProvider}
     */
    SchemeKeyOpener(byte[] fileKey, Path keyDirectory, HsmKeySettings hsmSettings) {
        this(fileKey, keyDirectory, hsmSettings, SchemeKeyOpener::openHsm);
    }

    /** With the HSM wrapper made by {@code hsmOpener} (called at most once, on the first HSM scheme). */
    SchemeKeyOpener(byte[] fileKey, Path keyDirectory, HsmKeySettings hsmSettings,
                    Function<HsmKeySettings, HsmKeyWrapper> hsmOpener) {
        this.fileKey = new AesGcmScheme("ksm-scheme-key-wrap", fileKey);
        this.keyDirectory = keyDirectory;
        this.hsmSettings = hsmSettings;
        this.hsmOpener = hsmOpener;
    }

    /** The key file of a SERVER scheme on this node. */
    Path serverKeyFile(String schemeId) {
        return keyDirectory.resolve(schemeId + ".key");
    }

    /** Opens a scheme's key where its row says it is; checks it against the row's key check. */
    EncryptionScheme open(EncryptionSchemeTable.SchemeRow row) {
        SchemeAlgorithm algorithm;
        try {
            algorithm = SchemeAlgorithm.of(row.algorithm());
        } catch (KsmCryptoException e) {
            return unavailable(row, "scheme '" + row.id() + "' uses algorithm '" + row.algorithm()
                                    + "', which this camel-ksm does not know");
        }
        byte[] key = null;
        try {
            switch (row.keyLocation()) {
                case SERVER -> {
                    Path file = serverKeyFile(row.id());
                    if (!Files.exists(file)) {
                        return unavailable(row, "scheme '" + row.id() + "' needs its key file " + file
                                                + ", which is missing on this node");
                    }
                    key = SchemeKeys.read(file, algorithm);
                }
                case DATABASE -> key = unwrapFromDatabase(row.id(), row.wrappedKey());
                case HSM -> {
                    if (hsmSettings == null) {
                        return unavailable(row, "scheme '" + row.id() + "' needs the HSM settings (schemeHsmProvider,"
                                                + " schemeHsmKeyAlias, ...), which are not configured on this node");
                    }
                    try {
                        key = hsm().unwrap(row.wrappedKey());
                    } catch (KsmCryptoException e) {
                        // this scheme's values fail with the reason; the others stay usable
                        return unavailable(row, "scheme '" + row.id() + "' cannot unwrap its key in the HSM: "
                                                + e.getMessage());
                    }
                }
                default -> throw new IllegalStateException(row.keyLocation().name());
            }
            EncryptionScheme scheme = algorithm.open(row.id(), key);
            if (row.keyCheck().isPresent() && !KeyCheck.matches(scheme, row.keyCheck().get())) {
                scheme.close();
                return unavailable(row, "the key of scheme '" + row.id() + "' found on this node ("
                                        + where(row) + ") is not the key the scheme was created with");
            }
            return scheme;
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private String where(EncryptionSchemeTable.SchemeRow row) {
        return switch (row.keyLocation()) {
            case SERVER -> "key file " + serverKeyFile(row.id());
            case DATABASE -> "in the database, under the key file's key";
            case HSM -> hsm.describe();
        };
    }

    private static EncryptionScheme unavailable(EncryptionSchemeTable.SchemeRow row, String reason) {
        return new UnavailableScheme(row.id(), row.algorithm(), reason);
    }

    /**
     * Puts a new data key where the location says: returns what the row stores (DATABASE, HSM), or writes the SERVER
     * key file (owner-only, never over an existing one) and returns null.
     */
    byte[] store(String schemeId, KeyLocation location, byte[] key) {
        return switch (location) {
            case DATABASE -> fileKey.encrypt(key, associatedData(schemeId));
            case HSM -> {
                if (hsmSettings == null) {
                    throw new KsmCryptoException("scheme '" + schemeId + "' needs the HSM settings (schemeHsmProvider,"
                                                 + " schemeHsmKeyAlias, ...), which are not configured");
                }
                yield hsm().wrap(key);
            }
            case SERVER -> {
                writeServerKeyFile(serverKeyFile(schemeId), key);
                yield null;
            }
        };
    }

    private byte[] unwrapFromDatabase(String schemeId, byte[] wrapped) {
        if (wrapped == null) {
            throw new KsmCryptoException("scheme '" + schemeId + "' has key location DATABASE but no stored key");
        }
        try {
            return fileKey.decrypt(wrapped, associatedData(schemeId));
        } catch (GeneralSecurityException e) {
            throw new KsmCryptoException("The stored key of scheme '" + schemeId + "' cannot be decrypted with the"
                                         + " database's key file: a different key file, or the row was altered", e);
        }
    }

    private static byte[] associatedData(String schemeId) {
        return ("camel-ksm/1\0scheme-key\0" + schemeId).getBytes(StandardCharsets.UTF_8);
    }

    private static void writeServerKeyFile(Path file, byte[] key) {
        try {
            OwnerOnlyFiles.createDirectories(file.getParent());
            if (!OwnerOnlyFiles.createFile(file)) {
                throw new KsmCryptoException("Key file " + file + " exists already; move it away or choose another"
                                             + " scheme name");
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(key);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new KsmCryptoException("Cannot write key file " + file + ": " + e.getMessage(), e);
        }
    }

    private synchronized HsmKeyWrapper hsm() {
        if (hsm == null) {
            hsm = hsmOpener.apply(hsmSettings);
        }
        return hsm;
    }

    private static HsmKeyWrapper openHsm(HsmKeySettings settings) {
        Iterator<HsmKeyWrapperProvider> providers = ServiceLoader.load(HsmKeyWrapperProvider.class,
                SchemeKeyOpener.class.getClassLoader()).iterator();
        if (!providers.hasNext()) {
            throw new KsmCryptoException("Schemes with key location HSM need io.camelksm:camel-ksm-keeper on the"
                                         + " class path (it provides the HSM key wrapper)");
        }
        return providers.next().open(settings);
    }

    @Override
    public synchronized void close() {
        fileKey.close();
        if (hsm != null) {
            hsm.close();
        }
    }
}
