package io.camelksm.store.keeper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import io.camelksm.runtime.KeeperSettings;
import io.camelksm.runtime.SecretStoreProvider;
import io.camelksm.runtime.SecretStoreStatistics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.KsmException;
import io.camelksm.PartHealth;
import io.camelksm.credential.Secret;
import io.camelksm.hsm.ConfigCipher;
import io.camelksm.hsm.HsmConfigCiphers;
import io.camelksm.hsm.HsmKeyProbe;
import io.camelksm.hsm.HsmKeyValueStorage;
import io.camelksm.hsm.HsmSettings;
import io.camelksm.store.keeper.KeeperClient;
import io.camelksm.store.keeper.KeeperCredentialStore;
import io.camelksm.store.keeper.KeeperStoreSettings;

/**
 * Assembles the Keeper store of the {@code ksm} component ({@code store=keeper}) from its options: the HSM cipher, the
 * HSM-encrypted client config, the Keeper client, the store; and closes all of it again. The options are checked when
 * this is made, so a bad configuration fails the component's start with the option's name, before anything is opened.
 * <p>
 * Keeper being unreachable at start does not fail the start: the records are prefetched when possible, otherwise the
 * first request fetches them (and fails with Keeper's error while Keeper stays away), so routes that do not use Keeper
 * are not held up by a Keeper outage.
 */
final class KeeperStoreFactory implements SecretStoreProvider.Session {

    private static final Logger LOG = LoggerFactory.getLogger(KeeperStoreFactory.class);

    private final Path configFile;
    private final Path hsmSettingsFile;
    private final Path mappingFile;
    private final KeeperStoreSettings settings;
    private final KeeperSettings.Hsm hsmOptions;
    private final KeeperSettings.Cache cacheOptions;
    private final HsmSettings hsm;
    private final KeeperClientFactory clientFactory;
    private final Clock clock;

    private volatile ConfigCipher cipher;
    private volatile HsmKeyValueStorage storage;
    private volatile KeeperCredentialStore store;

    /**
     * @throws IllegalArgumentException naming the missing or wrong option (files are read here, the HSM not yet)
     */
    KeeperStoreFactory(KeeperSettings keeper, Clock clock) {
        this.mappingFile = existingFile("keeperMappingFile", keeper.mappingFile(),
                "a properties file with keeper.credentials.<name>=<record UID>");
        this.hsmOptions = keeper.hsm();
        this.hsmSettingsFile = hsmOptions.provider() != null && isBlank(keeper.hsmSettingsFile()) ? null
                : existingFile("keeperHsmSettings", keeper.hsmSettingsFile(), "a properties file with provider,"
                               + " key-alias, pkcs11-config ... of the HSM key; or set keeperHsmProvider and"
                               + " keeperHsmKeyAlias instead");
        this.cacheOptions = keeper.cache();
        this.configFile = existingFile("keeperConfigFile", keeper.configFile(),
                "the HSM-encrypted Keeper client config; bind it first with ksm-admin config init");
        this.settings = storeSettings();
        this.hsm = hsmSettings(keeper.hsmPin());
        this.clientFactory = clientFactory(keeper.clientFactory());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static KeeperClientFactory clientFactory(Object given) {
        if (given == null) {
            return KeeperClientFactory.SDK;
        }
        if (given instanceof KeeperClientFactory factory) {
            return factory;
        }
        throw new IllegalArgumentException("keeperClientFactory must be a " + KeeperClientFactory.class.getName()
                                           + ", got a " + given.getClass().getName());
    }

    /**
     * Opens the HSM key and the client config, makes the store and prefetches its records (best effort).
     *
     * @throws KsmException naming the option, if the HSM key or the client config cannot be opened
     */
    @Override
    public KeeperCredentialStore open() {
        try {
            cipher = opened(hsmSource() + ": cannot open the HSM key",
                    () -> HsmConfigCiphers.open(hsm));
            storage = opened("keeperConfigFile " + configFile,
                    () -> HsmKeyValueStorage.open(configFile, cipher));
            KeeperClient client = clientFactory.create(storage);
            store = new KeeperCredentialStore(client, settings, clock);
        } catch (RuntimeException e) {
            close();
            throw e;
        } finally {
            if (hsm.pin() != null) {
                hsm.pin().destroy(); // the cipher keeps its own copy, to log in again after an HSM interruption
            }
        }
        prefetch();
        return store;
    }

    /** Runs the step; its failure is re-thrown as a KsmException that says which option it came from. */
    private static <T> T opened(String what, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (KsmException e) {
            throw new KsmException(what + ": " + e.getMessage(), e);
        }
    }

    private void prefetch() {
        try {
            store.prefetch();
        } catch (RuntimeException e) {
            // messages of the Keeper store name records and causes, never secrets
            LOG.warn("Keeper records could not be fetched at start; the first request fetches them: {}",
                    e.getMessage());
        }
    }

    @Override
    public PartHealth storeHealth() {
        KeeperCredentialStore s = store;
        return s == null ? PartHealth.down("The Keeper store is not open", Map.of()) : s.health();
    }

    @Override
    public Optional<PartHealth> keyHealth() {
        ConfigCipher c = cipher;
        return Optional.of(c == null ? PartHealth.down("The HSM key of the Keeper client config is not open",
                Map.of()) : HsmKeyProbe.probe(c));
    }

    @Override
    public SecretStoreStatistics statistics() {
        KeeperCredentialStore s = store;
        HsmKeyValueStorage config = storage;
        KeeperStoreStatistics keeper = s == null ? new KeeperStoreStatistics(0, 0, 0, 0, 0, 0) : s.statistics();
        return new SecretStoreStatistics(keeper.fetches(), keeper.staleServed(), keeper.throttled(),
                keeper.failures(), config == null ? 0 : config.writeCount());
    }

    /** Closes the store (wiping its cache) and the HSM session; safe to call more than once. */
    @Override
    public void close() {
        KeeperCredentialStore s = store;
        ConfigCipher c = cipher;
        store = null;
        cipher = null;
        storage = null;
        try {
            if (s != null) {
                s.close();
            }
        } finally {
            if (c != null) {
                c.close();
            }
        }
    }

    private KeeperStoreSettings storeSettings() {
        KeeperStoreSettings settings;
        try {
            settings = KeeperStoreSettings.fromProperties(
                    KeeperOptionOverrides.storeProperties(load(mappingFile), cacheOptions));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keeperMappingFile " + mappingFile + ": "
                                               + KeeperOptionOverrides.withOptionNames(e.getMessage()), e);
        }
        if (settings.credentials().isEmpty()) {
            throw new IllegalArgumentException("keeperMappingFile " + mappingFile + " maps no credential: add"
                                               + " keeper.credentials.<name>=<record UID>");
        }
        return settings;
    }

    private HsmSettings hsmSettings(Secret hsmPin) {
        // a copy: open() wipes it, and the settings may open the store again after a restart
        Secret pin = hsmPin == null || hsmPin.isEmpty() ? null : hsmPin.copy();
        Map<String, String> file = hsmSettingsFile == null ? Map.of() : load(hsmSettingsFile);
        try {
            return HsmSettings.fromProperties(KeeperOptionOverrides.hsmProperties(file, hsmOptions), pin);
        } catch (IllegalArgumentException | KsmException e) {
            throw new IllegalArgumentException(hsmSource() + ": " + KeeperOptionOverrides.withOptionNames(
                    e.getMessage()), e);
        }
    }

    /** Where the HSM key was named, for messages: the settings file, or the options alone. */
    private String hsmSource() {
        return hsmSettingsFile != null ? "keeperHsmSettings " + hsmSettingsFile
                : "keeperHsmProvider " + hsmOptions.provider();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Path existingFile(String option, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("store=keeper needs the option " + option + " (" + what + ")");
        }
        Path path = Path.of(value.strip()).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(option + " " + path + " is not a readable file (" + what + ")");
        }
        return path;
    }

    private static Map<String, String> load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k).strip()));
        return map;
    }
}
