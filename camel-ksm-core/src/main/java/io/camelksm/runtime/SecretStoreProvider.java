package io.camelksm.runtime;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import io.camelksm.PartHealth;
import io.camelksm.credential.CredentialStore;

/**
 * A store of secret values that lives in a module of its own (Keeper: {@code camel-ksm-keeper}), found through
 * {@link ServiceLoader} so that the core and the component need none of its libraries.
 */
public interface SecretStoreProvider {

    /** The store this provider opens. */
    StoreKind kind();

    /**
     * Checks the settings and returns what opens the store. Nothing is opened yet, so a bad option fails before the
     * database is touched.
     *
     * @throws IllegalArgumentException naming the option that is missing or wrong
     */
    Session prepare(KeeperSettings settings, Clock clock);

    /** An opened (or about to be opened) store and everything behind it; closing wipes and releases it all. */
    interface Session extends AutoCloseable {

        CredentialStore open();

        /** Whether the opened store serves fresh enough data; the message never holds a secret. */
        default PartHealth storeHealth() {
            return PartHealth.up("no health information", Map.of());
        }

        /** Whether the key that protects the store's client config is usable, if there is such a key. */
        default Optional<PartHealth> keyHealth() {
            return Optional.empty();
        }

        /** The store's counters, for metrics. */
        default SecretStoreStatistics statistics() {
            return SecretStoreStatistics.NONE;
        }

        @Override
        void close();
    }

    /** The provider of the kind on the class path, if any. */
    static Optional<SecretStoreProvider> find(StoreKind kind) {
        for (SecretStoreProvider provider : ServiceLoader.load(SecretStoreProvider.class,
                SecretStoreProvider.class.getClassLoader())) {
            if (provider.kind() == kind) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}
