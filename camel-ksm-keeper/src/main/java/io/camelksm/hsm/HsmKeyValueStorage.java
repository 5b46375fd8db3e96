package io.camelksm.hsm;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.keepersecurity.secretsManager.core.KeyValueStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.credential.Secret;

/**
 * The Keeper SDK's {@link KeyValueStorage}, kept in a file encrypted by an HSM key, so the client config (client id,
 * private key, app key) never touches the disk in clear.
 * <p>
 * Promises (those of Keeper's own HSM storage module, v1.1.0):
 * <ul>
 * <li>every write re-encrypts the whole config with a fresh IV and replaces the file atomically (temp file in the same
 * directory, fsync, rename): after a crash the old or the new config is there, never a mix;</li>
 * <li>memory changes only after the file write succeeded: an HSM or disk failure raises and leaves both as they
 * were;</li>
 * <li>unchanged content is not rewritten;</li>
 * <li>{@link #exportJson()} decrypts for export without writing anything; only {@link #exportPlaintext(Path)} writes
 * plaintext, and only where told;</li>
 * <li>an empty, truncated, corrupted or foreign file fails with {@code "<path> is not a valid encrypted config file"};
 * a plaintext config is never encrypted silently ({@link #migratePlaintext(Path, ConfigCipher)});</li>
 * <li>{@link #changeKey(ConfigCipher)} re-encrypts under a new key; if that fails the old key and file stay in
 * use;</li>
 * <li>one lock guards every public method: safe for many threads;</li>
 * <li>temp files of writers that were killed mid-write are removed when the storage is opened (ours only, by exact
 * name, once they are a minute old and no writer holds their lock).</li>
 * </ul>
 * The storage does not own its cipher: the caller closes it. Byte values are kept Base64-encoded, as the SDK's own
 * storages do. Writes from several processes to the same file are not coordinated: one process owns a config.
 */
public final class HsmKeyValueStorage implements KeyValueStorage {

    private static final Logger LOG = LoggerFactory.getLogger(HsmKeyValueStorage.class);

    private final EncryptedConfigFile file;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    // both replaced, never mutated, and only after a successful write; guarded by lock
    private ConfigCipher cipher;
    private SortedMap<String, String> values;

    private HsmKeyValueStorage(EncryptedConfigFile file, ConfigCipher cipher, SortedMap<String, String> values) {
        this.file = file;
        this.cipher = cipher;
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /**
     * Opens the encrypted config at that path; a missing file is an empty config (the file appears at the first
     * write). Temp files that killed writers left beside it (older than a minute, not locked) are removed.
     *
     * @throws InvalidConfigFileException if the file is not a valid encrypted config file, or does not authenticate
     * @throws InvalidConfigJsonException if it decrypts to something that is not a config object
     * @throws ConfigKeyMismatchException (an InvalidConfigFileException) if it was encrypted with another key alias
     * @throws PlaintextConfigException   if it is a plaintext config (migrate it explicitly)
     * @throws HsmException               if the HSM fails or the file cannot be read
     */
    public static HsmKeyValueStorage open(Path file, ConfigCipher cipher) {
        Objects.requireNonNull(cipher, "cipher");
        Path path = file.toAbsolutePath();
        AtomicFiles.removeStaleTemps(path, AtomicFiles.STALE_TEMP_AGE);
        EncryptedConfigFile encrypted = new EncryptedConfigFile(path);
        byte[] bytes = encrypted.readIfExists();
        if (bytes == null) {
            return new HsmKeyValueStorage(encrypted, cipher, new TreeMap<>());
        }
        if (!EncryptedConfigFormat.hasMagic(bytes) && PlaintextConfig.looksLikeOne(bytes)) {
            throw new PlaintextConfigException(path);
        }
        return new HsmKeyValueStorage(encrypted, cipher, encrypted.decrypt(bytes, cipher));
    }

    /**
     * Encrypts a plaintext config (Keeper's JSON, or its Base64 form) in place, atomically, and opens it. This is the
     * only way a plaintext config becomes encrypted: the operator asks for it. The plaintext's old disk blocks are not
     * scrubbed; rotate the client's keys if the file was exposed.
     *
     * @throws HsmException               if the file does not exist or is already encrypted
     * @throws InvalidConfigJsonException if it is not a plaintext config
     */
    public static HsmKeyValueStorage migratePlaintext(Path file, ConfigCipher cipher) {
        Objects.requireNonNull(cipher, "cipher");
        Path path = file.toAbsolutePath();
        EncryptedConfigFile encrypted = new EncryptedConfigFile(path);
        byte[] bytes = encrypted.readIfExists();
        if (bytes == null) {
            throw new HsmException("cannot migrate " + path + ": the file does not exist");
        }
        if (EncryptedConfigFormat.hasMagic(bytes)) {
            throw new HsmException("cannot migrate " + path + ": it is already an encrypted config file");
        }
        SortedMap<String, String> plain;
        try {
            plain = PlaintextConfig.parse(bytes);
        } catch (ConfigJson.InvalidJson e) {
            throw new InvalidConfigJsonException(path, "it is not a plaintext config to migrate (" + e.getMessage()
                                                       + ")");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        HsmKeyValueStorage storage = new HsmKeyValueStorage(encrypted, cipher, new TreeMap<>());
        storage.lock.writeLock().lock();
        try {
            storage.file.writeVerified(plain, cipher);
            storage.values = Collections.unmodifiableSortedMap(plain);
        } finally {
            storage.lock.writeLock().unlock();
        }
        LOG.info("Encrypted the plaintext config {} with {}", path, cipher.description());
        return storage;
    }

    @Override
    public String getString(String key) {
        return read(() -> values.get(key));
    }

    @Override
    public void saveString(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        update(m -> m.put(key, value));
    }

    @Override
    public byte[] getBytes(String key) {
        String value = getString(key);
        if (value == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new HsmException("config value '" + key + "' in " + file.path() + " is not Base64");
        }
    }

    @Override
    public void saveBytes(String key, byte[] value) {
        Objects.requireNonNull(value, "value");
        saveString(key, Base64.getEncoder().encodeToString(value));
    }

    @Override
    public void delete(String key) {
        update(m -> m.remove(key));
    }

    /** Whether the config holds that key. */
    public boolean contains(String key) {
        return read(() -> values.containsKey(key));
    }

    /** The config's keys, sorted (their values are secret; the keys are not). */
    public SortedSet<String> keys() {
        return read(() -> Collections.unmodifiableSortedSet(new TreeSet<>(values.keySet())));
    }

    /**
     * The decrypted config as JSON, for export (e.g. {@code ksm-admin config decrypt} to stdout). Writes nothing to
     * disk. Destroy the secret when done.
     */
    public Secret exportJson() {
        return read(() -> {
            byte[] json = ConfigJson.write(values);
            try {
                return Secret.ofUtf8(json);
            } finally {
                Arrays.fill(json, (byte) 0);
            }
        });
    }

    /**
     * Writes the decrypted config as plaintext JSON to the target (atomically, owner-only), because the operator asked
     * for it explicitly. The encrypted file is left as it is.
     *
     * @throws HsmException if the target is the encrypted file itself, or cannot be written
     */
    public void exportPlaintext(Path target) {
        Path out = target.toAbsolutePath();
        read(() -> {
            file.exportPlaintext(values, out);
            return null;
        });
        LOG.warn("Wrote the config of {} in PLAINTEXT to {}, as asked", file.path(), out);
    }

    /**
     * Re-encrypts the config under a new key (e.g. another alias in the same HSM, or another HSM). The new file is
     * decrypted again before it replaces the old one. On any failure the old key and file stay in use. The caller
     * closes the old cipher when it no longer needs it.
     */
    public void changeKey(ConfigCipher newCipher) {
        Objects.requireNonNull(newCipher, "newCipher");
        lock.writeLock().lock();
        try {
            ConfigCipher old = cipher;
            file.writeVerified(values, newCipher);
            cipher = newCipher;
            LOG.info("Re-encrypted config {}: {} -> {}", file.path(), old.description(), newCipher.description());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forgets the config and deletes its file (and temp files a killed writer may have left beside it). */
    public void deleteAll() {
        lock.writeLock().lock();
        try {
            file.delete();
            values = Collections.emptySortedMap();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Path file() {
        return file.path();
    }

    /** The alias of the key new writes use. */
    public String keyAlias() {
        return read(() -> cipher.keyAlias());
    }

    /** The mechanism new writes use. */
    public ConfigMechanism mechanism() {
        return read(() -> cipher.mechanism());
    }

    /** How many times this instance wrote the file (a metric; unchanged content does not count). */
    public long writeCount() {
        return file.writes();
    }

    private void update(Consumer<SortedMap<String, String>> change) {
        lock.writeLock().lock();
        try {
            SortedMap<String, String> next = new TreeMap<>(values);
            change.accept(next);
            if (next.equals(values)) {
                return; // unchanged content is not rewritten
            }
            file.write(next, cipher);
            values = Collections.unmodifiableSortedMap(next);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T read(Supplier<T> reader) {
        Lock readLock = lock.readLock();
        readLock.lock();
        try {
            return reader.get();
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "HsmKeyValueStorage[file=" + file.path() + ", key=" + keyAlias() + "]";
    }
}
