package io.camelksm.store.keeper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.camelksm.runtime.KeeperSettings;

/**
 * Lays the component's Keeper options over the keys of the two properties files ({@code keeperHsmSettings},
 * {@code keeperMappingFile}): an option that is set wins over the file's key, so the files stay an alternative and the
 * parsing and checks stay in one place ({@code HsmSettings.fromProperties}, {@link KeeperStoreSettings#fromProperties}).
 */
final class KeeperOptionOverrides {

    /** HSM settings file key -> component option. */
    private static final Map<String, Function<KeeperSettings.Hsm, String>> HSM = new LinkedHashMap<>();
    /** Mapping file key -> component option. */
    private static final Map<String, Function<KeeperSettings.Cache, String>> CACHE = new LinkedHashMap<>();
    private static final Map<String, String> OPTION_NAMES = new LinkedHashMap<>();

    static {
        hsm("provider", "keeperHsmProvider", KeeperSettings.Hsm::provider);
        hsm("key-alias", "keeperHsmKeyAlias", KeeperSettings.Hsm::keyAlias);
        hsm("pkcs11-config", "keeperHsmPkcs11Config", KeeperSettings.Hsm::pkcs11Config);
        hsm("keystore-file", "keeperHsmKeystoreFile", KeeperSettings.Hsm::keystoreFile);
        hsm("hmac-key-alias", "keeperHsmHmacKeyAlias", KeeperSettings.Hsm::hmacKeyAlias);
        hsm("mechanism", "keeperHsmMechanism", KeeperSettings.Hsm::mechanism);
        cache("keeper.cache.ttl", "keeperCacheTtl", KeeperSettings.Cache::ttl);
        cache("keeper.cache.max-stale", "keeperCacheMaxStale", KeeperSettings.Cache::maxStale);
        cache("keeper.throttle.backoff", "keeperThrottleBackoff", KeeperSettings.Cache::throttleBackoff);
        cache("keeper.failure.backoff", "keeperFailureBackoff", KeeperSettings.Cache::failureBackoff);
        cache("keeper.password-updates", "keeperPasswordUpdates", KeeperSettings.Cache::passwordUpdates);
    }

    private KeeperOptionOverrides() {
    }

    private static void hsm(String key, String option, Function<KeeperSettings.Hsm, String> value) {
        HSM.put(key, value);
        OPTION_NAMES.put(key, option);
    }

    private static void cache(String key, String option, Function<KeeperSettings.Cache, String> value) {
        CACHE.put(key, value);
        OPTION_NAMES.put(key, option);
    }

    /** The HSM settings file's keys (empty without a file) with the HSM options that are set laid over them. */
    static Map<String, String> hsmProperties(Map<String, String> file, KeeperSettings.Hsm options) {
        return merged(file, HSM, options);
    }

    /** The mapping file's keys with the cache options that are set laid over them. */
    static Map<String, String> storeProperties(Map<String, String> file, KeeperSettings.Cache options) {
        return merged(file, CACHE, options);
    }

    /**
     * The message with each file key that an option can set followed by that option's name, so that a user who
     * configured by options knows which one to fix: {@code 'key-alias' (option keeperHsmKeyAlias)}.
     */
    static String withOptionNames(String message) {
        String result = message;
        for (Map.Entry<String, String> e : OPTION_NAMES.entrySet()) {
            // HSM keys are short words, named in quotes; the mapping file's dotted keys are distinct as they stand
            String key = HSM.containsKey(e.getKey()) ? "'" + e.getKey() + "'" : e.getKey();
            result = result.replace(key, key + " (option " + e.getValue() + ")");
        }
        return result;
    }

    private static <T> Map<String, String> merged(Map<String, String> file, Map<String, Function<T, String>> keys,
                                                  T options) {
        Map<String, String> merged = new TreeMap<>(file);
        keys.forEach((key, option) -> {
            String value = option.apply(options);
            if (value != null && !value.isBlank()) {
                merged.put(key, value.strip());
            }
        });
        return merged;
    }
}
