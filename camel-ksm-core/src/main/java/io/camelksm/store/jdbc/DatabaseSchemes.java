package io.camelksm.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.KsmException;
import io.camelksm.crypto.EncryptedValue;
import io.camelksm.crypto.EncryptionScheme;
import io.camelksm.crypto.KeyCheck;
import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.KsmCryptoException;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.crypto.SchemeRegistry;
import io.camelksm.crypto.UnavailableScheme;

/**
 * The encryption schemes of the database, opened on this node: every row of {@code encryption_scheme} with its key
 * (or an {@link UnavailableScheme} saying why the key is not here), and the {@link SchemeRegistry} whose current scheme
 * is the row marked default. The registry is rebuilt when this node changes the default, and when another node did:
 * at once when this node hears of it ({@link #refresh()}, on a change notice), else the default row is read again at
 * most every {@link #REFRESH} when the registry is asked for.
 */
public final class DatabaseSchemes implements AutoCloseable {

    /** How long a node may go on writing with a default another node replaced. */
    public static final Duration REFRESH = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSchemes.class);

    private final EncryptionSchemeTable table;
    private final SchemeKeyOpener keys;
    private final Clock clock;
    private final Map<String, EncryptionScheme> opened = new ConcurrentHashMap<>();
    private volatile SchemeRegistry registry;
    private volatile long checkedAtMillis;

    /** @param original the scheme of the database's key file, opened and checked already */
    DatabaseSchemes(EncryptionSchemeTable table, SchemeKeyOpener keys, EncryptionScheme original, Clock clock) {
        this.table = table;
        this.keys = keys;
        this.clock = clock;
        opened.put(original.id(), original);
        reload();
    }

    /** The schemes to encrypt and decrypt with now. */
    public SchemeRegistry registry() {
        long now = clock.millis();
        if (now - checkedAtMillis >= REFRESH.toMillis()) {
            checkedAtMillis = now;
            try {
                if (!table.defaultId().equals(registry.current().id())) {
                    reload();
                }
            } catch (RuntimeException e) {
                LOG.warn("Cannot check the default encryption scheme ({}); going on with '{}'", e.getMessage(),
                        registry.current().id());
            }
        }
        return registry;
    }

    /**
     * Reads the schemes again now: another node changed them ({@link ChangeNotice.Kind#SCHEMES}). A failure is logged and
     * the current registry stays; the periodic check ({@link #REFRESH}) tries again.
     */
    public void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the encryption schemes again after a change on another node ({}); going on with"
                     + " '{}' as the default", e.getMessage(), registry.current().id());
        }
    }

    /** Opens what is new in the table and rebuilds the registry around the default row. */
    synchronized void reload() {
        List<EncryptionSchemeTable.SchemeRow> rows = table.list();
        String defaultId = null;
        List<EncryptionScheme> readers = new ArrayList<>();
        for (EncryptionSchemeTable.SchemeRow row : rows) {
            // a key that was missing (a SERVER file not yet copied here) is looked for again
            EncryptionScheme scheme = opened.compute(row.id(),
                    (id, known) -> known == null || known instanceof UnavailableScheme ? keys.open(row) : known);
            if (row.isDefault()) {
                defaultId = row.id();
            } else {
                readers.add(scheme);
            }
        }
        if (defaultId == null) {
            throw new KsmException("The camel-ksm database has no default encryption scheme");
        }
        EncryptionScheme current = opened.get(defaultId);
        if (current instanceof UnavailableScheme unavailable) {
            throw new KsmCryptoException("The default encryption scheme cannot be used on this node: "
                                         + unavailable.reason());
        }
        registry = new SchemeRegistry(current, readers);
        checkedAtMillis = clock.millis();
    }

    /**
     * A new scheme with a random key from SecureRandom; not the default until {@link #setDefault}. Refused for a
     * read-only (legacy) algorithm: {@link SchemeAlgorithm#generateKey()} says to import its key instead.
     */
    public void create(String name, SchemeAlgorithm algorithm, KeyLocation location) {
        byte[] key = algorithm.generateKey();
        try {
            add(name, algorithm, location, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** A new scheme with the given key (not modified; the caller wipes it). */
    public synchronized void add(String name, SchemeAlgorithm algorithm, KeyLocation location, byte[] key) {
        if (table.find(name).isPresent()) {
            throw new EncryptionSchemeRefusedException("Encryption scheme '" + name + "' exists already");
        }
        EncryptionScheme scheme = algorithm.open(name, key); // checks the name as a scheme id and the key length
        try {
            Optional<EncryptedValue> check = Optional.of(KeyCheck.create(scheme)); // 3DES too: a wrong key is caught
            byte[] stored = keys.store(name, location, key);
            table.insert(new EncryptionSchemeTable.SchemeRow(name, algorithm.displayName(), location, check, stored,
                    false, null, clock.instant()));
            opened.put(name, scheme);
            reload();
        } catch (RuntimeException e) {
            scheme.close();
            throw e;
        }
    }

    /** Makes a scheme the one that encrypts new values, here at once and on other nodes within {@link #REFRESH}. */
    public synchronized void setDefault(String name) {
        EncryptionSchemeTable.SchemeRow row = require(name);
        if (row.retired()) {
            throw new EncryptionSchemeRefusedException("Encryption scheme '" + name
                                                       + "' is retired and cannot be the default");
        }
        EncryptionScheme scheme = opened.get(row.id());
        if (scheme instanceof UnavailableScheme unavailable) {
            throw new KsmCryptoException("Encryption scheme '" + name + "' cannot be the default: "
                                         + unavailable.reason());
        }
        if (scheme == null || !scheme.canEncrypt()) {
            throw new KsmCryptoException("Encryption scheme '" + name + "' cannot encrypt (read-only algorithm "
                                         + row.algorithm() + ")");
        }
        table.setDefault(row.id());
        reload();
    }

    /** Stops writing with a scheme; its values stay readable. The default scheme cannot be retired. */
    public synchronized void retire(String name) {
        EncryptionSchemeTable.SchemeRow row = require(name);
        if (row.isDefault()) {
            throw new EncryptionSchemeRefusedException("Encryption scheme '" + name
                                                       + "' is the default and cannot be retired: make"
                                   + " another scheme the default first (scheme set-default)");
        }
        if (!table.retire(row.id(), clock.instant())) {
            throw new EncryptionSchemeRefusedException("Encryption scheme '" + name + "' is retired already");
        }
        reload();
    }

    /** Deletes a retired scheme that holds no value. A SERVER key file stays where it is: remove it yourself. */
    public synchronized void delete(String name) {
        EncryptionSchemeTable.SchemeRow row = require(name);
        if (row.id().equals(KsmDatabase.DEFAULT_SCHEME_ID)) {
            throw new EncryptionSchemeRefusedException("Encryption scheme '" + name
                                                       + "' is the database's original scheme (its key is the"
                                   + " database's key file, which the database keeps needing): it can be retired,"
                                   + " not deleted");
        }
        if (!row.retired()) {
            throw new EncryptionSchemeRefusedException("Encryption scheme '" + name
                                                       + "' is not retired: retire it before deleting it");
        }
        long values = table.valueCounts().getOrDefault(row.id(), 0L);
        if (values > 0) {
            throw new EncryptionSchemeRefusedException("Encryption scheme '" + name + "' still holds " + values
                                                       + " values: re-encrypt"
                                   + " them first (ksm-admin reencrypt)");
        }
        table.delete(row.id());
        EncryptionScheme removed = opened.remove(row.id());
        reload();
        if (removed != null) {
            removed.close();
        }
    }

    /** Every scheme with its value count and whether this node has its key. */
    public List<EncryptionSchemeInfo> list() {
        Map<String, Long> counts = table.valueCounts();
        List<EncryptionSchemeInfo> infos = new ArrayList<>();
        for (EncryptionSchemeTable.SchemeRow row : table.list()) {
            EncryptionScheme scheme = opened.get(row.id());
            boolean available = scheme != null && !(scheme instanceof UnavailableScheme);
            infos.add(new EncryptionSchemeInfo(row.id(), row.id(), row.algorithm(), row.keyLocation(), available,
                    row.isDefault(), row.retired(), counts.getOrDefault(row.id(), 0L)));
        }
        return infos;
    }

    /** The key file a SERVER scheme of this name has on this node. */
    public Path serverKeyFile(String name) {
        return keys.serverKeyFile(name);
    }

    private EncryptionSchemeTable.SchemeRow require(String name) {
        return table.find(name).orElseThrow(() -> new EncryptionSchemeRefusedException(
                "There is no encryption scheme '" + name + "' (ksm-admin scheme list shows them)"));
    }

    /** Wipes every key. */
    @Override
    public synchronized void close() {
        opened.values().forEach(EncryptionScheme::close);
        keys.close();
    }
}
