package io.camelksm.hsm;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.camelksm.credential.Secret;

/**
 * Which HSM, key store and key encrypt the config: the provider ({@link HsmProviderType}), where its key store is, the
 * PIN or passphrase, the alias of the AES-256 key and, for providers without AES-GCM, the alias of an HMAC key.
 * Immutable; the {@code with...} methods return changed copies. {@link #toString()} never shows the PIN.
 */
public final class HsmSettings {

    /** nShield's JCE provider name and class (its jars: nCipherKM.jar and friends from the nShield install). */
    public static final String NCIPHER_PROVIDER_NAME = "nCipherKM";
    public static final String NCIPHER_PROVIDER_CLASS = "com.ncipher.provider.km.nCipherKM";
    /** nShield's key store of Security World keys. */
    public static final String NCIPHER_KEYSTORE_TYPE = "nCipher.sworld";

    private final HsmProviderType type;
    private final Path pkcs11Config;
    private final String providerName;
    private final String providerClass;
    private final String keyStoreType;
    private final Path keyStoreFile;
    private final Secret pin;
    private final String keyAlias;
    private final String hmacKeyAlias;
    private final ConfigMechanism mechanism;

    private HsmSettings(HsmProviderType type, Path pkcs11Config, String providerName, String providerClass,
                        String keyStoreType, Path keyStoreFile, Secret pin, String keyAlias, String hmacKeyAlias,
                        ConfigMechanism mechanism) {
        this.type = Objects.requireNonNull(type, "type");
        this.pkcs11Config = pkcs11Config;
        this.providerName = providerName;
        this.providerClass = providerClass;
        this.keyStoreType = keyStoreType;
        this.keyStoreFile = keyStoreFile;
        this.pin = pin;
        this.keyAlias = requireAlias(keyAlias, "key alias");
        this.hmacKeyAlias = hmacKeyAlias == null || hmacKeyAlias.isBlank() ? null : hmacKeyAlias.trim();
        this.mechanism = mechanism;
    }

    /**
     * A key in any PKCS#11 HSM through SunPKCS11.
     *
     * @param pkcs11Config the SunPKCS11 config file ({@code name}, {@code library}, {@code slot} or
     *                     {@code slotListIndex})
     * @param pin          the user PIN of the token
     * @param keyAlias     the key's label ({@code CKA_LABEL})
     */
    public static HsmSettings pkcs11(Path pkcs11Config, Secret pin, String keyAlias) {
        Objects.requireNonNull(pkcs11Config, "pkcs11Config");
        return new HsmSettings(HsmProviderType.PKCS11, pkcs11Config, null, null, "PKCS11", null, pin, keyAlias, null,
                null);
    }

    /**
     * A Security World key in an Entrust nShield HSM through {@code nCipherKM}.
     *
     * @param keyStoreFile the nCipher key store file, or null to load the provider's key store without one
     * @param passphrase   the card set / softcard passphrase, or null for module-protected keys
     */
    public static HsmSettings nCipher(Path keyStoreFile, Secret passphrase, String keyAlias) {
        return new HsmSettings(HsmProviderType.NCIPHER, null, NCIPHER_PROVIDER_NAME, NCIPHER_PROVIDER_CLASS,
                NCIPHER_KEYSTORE_TYPE, keyStoreFile, passphrase, keyAlias, null, null);
    }

    /**
     * A SOFTWARE key in a PKCS#12 file, for development and the embedded default. Not an HSM: opening it logs a
     * warning. Create the file with {@link Pkcs12KeyFile}.
     */
    public static HsmSettings softwarePkcs12(Path keyStoreFile, Secret password, String keyAlias) {
        Objects.requireNonNull(keyStoreFile, "keyStoreFile");
        return new HsmSettings(HsmProviderType.SOFTWARE_PKCS12, null, null, null, "PKCS12", keyStoreFile, password,
                keyAlias, null, null);
    }

    /**
     * Settings from configuration keys (the Spring Boot starter and {@code ksm-admin} map theirs onto these):
     * <ul>
     * <li>{@code provider}: {@code ncipher}, {@code pkcs11} or {@code pkcs12} (required)</li>
     * <li>{@code key-alias}: the AES-256 key (required)</li>
     * <li>{@code hmac-key-alias}: the HMAC key for the CBC + HMAC mode (optional)</li>
     * <li>{@code mechanism}: {@code auto} (default: GCM where the provider offers it), {@code gcm} or
     * {@code cbc-hmac}</li>
     * <li>{@code pkcs11-config}: the SunPKCS11 config file (pkcs11)</li>
     * <li>{@code keystore-file}: the key store file (pkcs12: required; ncipher: optional)</li>
     * <li>{@code keystore-type}, {@code provider-name}, {@code provider-class}: nCipher overrides (defaults
     * {@code nCipher.sworld}, {@code nCipherKM}, {@code com.ncipher.provider.km.nCipherKM})</li>
     * </ul>
     *
     * @param pin the PIN, passphrase or key store password; kept out of the map so it never sits in plain config
     */
    public static HsmSettings fromProperties(Map<String, String> properties, Secret pin) {
        HsmProviderType type = HsmProviderType.parse(required(properties, "provider"));
        String alias = required(properties, "key-alias");
        HsmSettings settings = switch (type) {
            case PKCS11 -> pkcs11(Path.of(required(properties, "pkcs11-config")), pin, alias);
            case SOFTWARE_PKCS12 -> softwarePkcs12(Path.of(required(properties, "keystore-file")), pin, alias);
            case NCIPHER -> {
                String file = optional(properties, "keystore-file");
                HsmSettings n = nCipher(file == null ? null : Path.of(file), pin, alias);
                yield n.withJceProvider(orDefault(properties, "provider-name", NCIPHER_PROVIDER_NAME),
                        orDefault(properties, "provider-class", NCIPHER_PROVIDER_CLASS),
                        orDefault(properties, "keystore-type", NCIPHER_KEYSTORE_TYPE));
            }
        };
        settings = settings.withHmacKeyAlias(optional(properties, "hmac-key-alias"));
        return settings.withMechanism(parseMechanism(optional(properties, "mechanism")));
    }

    /** Also use an HMAC-SHA256 key of this alias (needed for the CBC + HMAC mode). */
    public HsmSettings withHmacKeyAlias(String alias) {
        return new HsmSettings(type, pkcs11Config, providerName, providerClass, keyStoreType, keyStoreFile, pin,
                keyAlias, alias, mechanism);
    }

    /** Force a mechanism; null chooses automatically (AES-GCM where the provider offers it, else CBC + HMAC). */
    public HsmSettings withMechanism(ConfigMechanism forced) {
        return new HsmSettings(type, pkcs11Config, providerName, providerClass, keyStoreType, keyStoreFile, pin,
                keyAlias, hmacKeyAlias, forced);
    }

    /** The same settings with another PIN (a copy the caller owns). */
    HsmSettings withPin(Secret otherPin) {
        return new HsmSettings(type, pkcs11Config, providerName, providerClass, keyStoreType, keyStoreFile, otherPin,
                keyAlias, hmacKeyAlias, mechanism);
    }

    /** The same HSM and PIN, another key (for {@link HsmKeyValueStorage#changeKey(ConfigCipher)}). */
    public HsmSettings withKeyAlias(String alias) {
        return new HsmSettings(type, pkcs11Config, providerName, providerClass, keyStoreType, keyStoreFile, pin,
                alias, hmacKeyAlias, mechanism);
    }

    /**
     * For {@link HsmProviderType#NCIPHER}: another provider name, class and key store type (a newer nShield release,
     * or another vendor's JCE provider that works the same way).
     */
    public HsmSettings withJceProvider(String name, String className, String keyStoreType) {
        if (type != HsmProviderType.NCIPHER) {
            throw new HsmException("a JCE provider by name applies to the ncipher provider type, not " + type);
        }
        return new HsmSettings(type, pkcs11Config, requireAlias(name, "provider name"), className,
                requireAlias(keyStoreType, "key store type"), keyStoreFile, pin, keyAlias, hmacKeyAlias, mechanism);
    }

    public HsmProviderType type() {
        return type;
    }

    /** The SunPKCS11 config file (PKCS11 only). */
    public Path pkcs11Config() {
        return pkcs11Config;
    }

    /** The JCE provider's name (NCIPHER only). */
    public String providerName() {
        return providerName;
    }

    /** The class to instantiate when the provider is not registered yet (NCIPHER only). */
    public String providerClass() {
        return providerClass;
    }

    public String keyStoreType() {
        return keyStoreType;
    }

    public Path keyStoreFile() {
        return keyStoreFile;
    }

    /** The PIN, passphrase or password, or null. */
    public Secret pin() {
        return pin;
    }

    public String keyAlias() {
        return keyAlias;
    }

    /** The HMAC key's alias, or null. */
    public String hmacKeyAlias() {
        return hmacKeyAlias;
    }

    /** The forced mechanism, or null for automatic. */
    public ConfigMechanism mechanism() {
        return mechanism;
    }

    private static ConfigMechanism parseMechanism(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "gcm", "aes-gcm", "aes_256_gcm" -> ConfigMechanism.AES_256_GCM;
            case "cbc-hmac", "aes-cbc-hmac", "aes_256_cbc_hmac_sha256" -> ConfigMechanism.AES_256_CBC_HMAC_SHA256;
            default -> throw new HsmException("unknown mechanism '" + value + "': use auto, gcm or cbc-hmac");
        };
    }

    private static String required(Map<String, String> properties, String key) {
        String value = optional(properties, key);
        if (value == null) {
            throw new HsmException("HSM setting '" + key + "' is missing");
        }
        return value;
    }

    private static String optional(Map<String, String> properties, String key) {
        String value = properties.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orDefault(Map<String, String> properties, String key, String fallback) {
        String value = optional(properties, key);
        return value == null ? fallback : value;
    }

    private static String requireAlias(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new HsmException(what + " is missing");
        }
        return value.trim();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("HsmSettings[").append(type.configName());
        if (pkcs11Config != null) {
            b.append(", pkcs11Config=").append(pkcs11Config);
        }
        if (providerName != null) {
            b.append(", provider=").append(providerName);
        }
        if (keyStoreFile != null) {
            b.append(", keyStore=").append(keyStoreType).append(':').append(keyStoreFile);
        }
        b.append(", keyAlias=").append(keyAlias);
        if (hmacKeyAlias != null) {
            b.append(", hmacKeyAlias=").append(hmacKeyAlias);
        }
        b.append(", mechanism=").append(mechanism == null ? "auto" : mechanism);
        return b.append(", pin=").append(pin == null ? "none" : "******").append(']').toString();
    }
}
