package io.camelksm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.camelksm.credential.Secret;
import io.camelksm.hsm.HsmException;
import io.camelksm.hsm.HsmProviderType;
import io.camelksm.hsm.HsmSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every {@code config} command shares: the encrypted config file and the HSM key that protects it. The
 * HSM settings come from a properties file ({@code --hsm-settings}, the keys of
 * {@link HsmSettings#fromProperties(Map, Secret)}) and/or options, options winning. The PIN or passphrase comes only
 * from the environment variable {@value #PIN_VARIABLE} or a prompt: {@code --pin} and friends are refused.
 */
final class HsmOptions {

    /** The environment variable holding the HSM PIN, nShield passphrase or PKCS#12 password. */
    static final String PIN_VARIABLE = "KSM_HSM_PIN";

    /** The keys {@link HsmSettings#fromProperties} understands. */
    static final List<String> SETTING_KEYS = List.of("provider", "key-alias", "hmac-key-alias", "mechanism",
            "pkcs11-config", "keystore-file", "keystore-type", "provider-name", "provider-class");

    private static final List<String> SECRET_KEYS = List.of("pin", "password", "passphrase", "hsm-pin");

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--config-file", required = true, paramLabel = "FILE",
            description = "The HSM-encrypted Keeper client config file, e.g. /var/lib/camel-ksm/keeper-config.enc")
    Path configFile;

    @Option(names = "--hsm-settings", paramLabel = "FILE",
            description = "A properties file with the HSM settings (keys: provider, key-alias, hmac-key-alias,"
                          + " mechanism, pkcs11-config, keystore-file, keystore-type, provider-name, provider-class);"
                          + " the options below override it. No PIN in it.")
    Path settingsFile;

    @Option(names = "--hsm-provider", paramLabel = "TYPE",
            description = "pkcs11 (any PKCS#11 HSM through SunPKCS11), ncipher (Entrust nShield, nCipherKM) or pkcs12"
                          + " (a SOFTWARE key file: development only)")
    String provider;

    @Option(names = "--pkcs11-config", paramLabel = "FILE",
            description = "SunPKCS11 config file (name, library, slot or slotListIndex) for --hsm-provider pkcs11")
    Path pkcs11Config;

    @Option(names = "--key-alias", paramLabel = "ALIAS",
            description = "The AES-256 key that encrypts the config (PKCS#11: its CKA_LABEL). For a file that exists,"
                          + " the default is the alias its header names.")
    String keyAlias;

    @Option(names = "--hmac-key-alias", paramLabel = "ALIAS",
            description = "An HMAC-SHA256 key in the same HSM, for AES-CBC + HMAC where the HSM offers no AES-GCM")
    String hmacKeyAlias;

    @Option(names = "--mechanism", paramLabel = "MODE", description = "auto (default: AES-GCM where offered), gcm or"
                                                                       + " cbc-hmac")
    String mechanism;

    @Option(names = "--keystore-file", paramLabel = "FILE",
            description = "The key store file: required for pkcs12, optional for ncipher")
    Path keyStoreFile;

    @Option(names = "--keystore-type", paramLabel = "TYPE", description = "ncipher only; default nCipher.sworld")
    String keyStoreType;

    @Option(names = "--provider-name", paramLabel = "NAME", description = "ncipher only; default nCipherKM")
    String providerName;

    @Option(names = "--provider-class", paramLabel = "CLASS",
            description = "ncipher only; default com.ncipher.provider.km.nCipherKM")
    String providerClass;

    @Option(names = "--no-pin",
            description = "The key needs no PIN or passphrase (an nShield module-protected key): do not ask for one.")
    boolean noPin;

    // ---- refused: the PIN on the command line

    @Option(names = { "--pin", "--hsm-pin", "--passphrase", "--password" }, hidden = true, arity = "0..1",
            fallbackValue = "")
    void pin(String ignored) {
        throw new ParameterException(mixee.commandLine(), "The HSM PIN or passphrase is never taken from the command"
                + " line (other users and shell history can see it): set the environment variable " + PIN_VARIABLE
                + " or answer the prompt");
    }

    /** The config file, absolute. */
    Path configFile() {
        return configFile.toAbsolutePath();
    }

    /**
     * The HSM settings without a PIN, checked: a missing or unknown setting is a user error (exit code 1).
     *
     * @param aliasOfFile the key alias to use when none is configured (from an existing file's header), or null
     */
    HsmSettings settingsWithoutPin(String aliasOfFile) {
        return settings(properties(aliasOfFile), null);
    }

    /** The HSM settings with the PIN from {@value #PIN_VARIABLE} or a prompt (unless {@code --no-pin}). */
    HsmSettings settings(KsmAdmin application, String aliasOfFile) {
        Map<String, String> properties = properties(aliasOfFile);
        settings(properties, null); // every check that needs no PIN first: only then ask for it
        return settings(properties, pin(application));
    }

    /** Whether a key alias is configured (by option or in the settings file). */
    boolean hasKeyAlias() {
        String alias = properties(null).get("key-alias");
        return alias != null && !alias.isBlank();
    }

    private static HsmSettings settings(Map<String, String> properties, Secret pin) {
        HsmSettings settings;
        try {
            settings = HsmSettings.fromProperties(properties, pin);
        } catch (HsmException | InvalidPathException e) {
            throw new UserInputException("HSM settings: " + e.getMessage() + hint(e));
        }
        requireFile(settings.pkcs11Config(), "SunPKCS11 config file (--pkcs11-config)");
        if (settings.type() == HsmProviderType.SOFTWARE_PKCS12) {
            requireFile(settings.keyStoreFile(), "PKCS#12 key file (--keystore-file)");
        }
        return settings;
    }

    private static String hint(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("'provider'")) {
            return " (--hsm-provider pkcs11|ncipher|pkcs12)";
        }
        if (message.contains("'key-alias'")) {
            return " (--key-alias ALIAS)";
        }
        if (message.contains("'pkcs11-config'")) {
            return " (--pkcs11-config FILE)";
        }
        if (message.contains("'keystore-file'")) {
            return " (--keystore-file FILE)";
        }
        return "";
    }

    private static void requireFile(Path file, String what) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new UserInputException("The " + what + " " + file.toAbsolutePath() + " does not exist");
        }
    }

    /** The settings file's keys, overridden by the options given. */
    private Map<String, String> properties(String aliasOfFile) {
        Map<String, String> properties = new LinkedHashMap<>(readSettingsFile());
        put(properties, "provider", provider);
        put(properties, "pkcs11-config", pkcs11Config);
        put(properties, "key-alias", keyAlias);
        put(properties, "hmac-key-alias", hmacKeyAlias);
        put(properties, "mechanism", mechanism);
        put(properties, "keystore-file", keyStoreFile);
        put(properties, "keystore-type", keyStoreType);
        put(properties, "provider-name", providerName);
        put(properties, "provider-class", providerClass);
        if (aliasOfFile != null && (properties.get("key-alias") == null || properties.get("key-alias").isBlank())) {
            properties.put("key-alias", aliasOfFile);
        }
        return properties;
    }

    private static void put(Map<String, String> properties, String key, Object value) {
        if (value != null) {
            properties.put(key, value.toString());
        }
    }

    private Map<String, String> readSettingsFile() {
        if (settingsFile == null) {
            return Map.of();
        }
        Properties file = new Properties();
        try (InputStream in = Files.newInputStream(settingsFile)) {
            file.load(in);
        } catch (NoSuchFileException e) {
            throw new UserInputException("The HSM settings file " + settingsFile.toAbsolutePath() + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException("Cannot read the HSM settings file " + settingsFile.toAbsolutePath() + ": "
                                         + e.getMessage());
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String key : file.stringPropertyNames()) {
            String name = key.strip();
            if (SECRET_KEYS.contains(name)) {
                throw new UserInputException("The HSM settings file " + settingsFile.toAbsolutePath() + " has a '"
                        + name + "': the PIN is never read from a file; set the environment variable " + PIN_VARIABLE
                        + " or answer the prompt");
            }
            if (!SETTING_KEYS.contains(name)) {
                throw new UserInputException("Unknown key '" + name + "' in the HSM settings file "
                        + settingsFile.toAbsolutePath() + "; keys are: " + String.join(", ", SETTING_KEYS));
            }
            result.put(name, file.getProperty(key));
        }
        return result;
    }

    private Secret pin(KsmAdmin application) {
        String fromEnvironment = application.environmentVariable(PIN_VARIABLE);
        if (fromEnvironment != null) {
            return Secret.of(fromEnvironment);
        }
        if (noPin) {
            return null;
        }
        SecretSource source = application.secrets();
        if (!source.interactive()) {
            throw new UserInputException("The HSM PIN or passphrase is read from the environment variable "
                    + PIN_VARIABLE + " or a prompt on a terminal, and neither is there: set " + PIN_VARIABLE
                    + " (or give --no-pin for an nShield module-protected key)");
        }
        return source.readOnce("HSM PIN or passphrase");
    }
}
