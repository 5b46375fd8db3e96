package io.camelksm.hsm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.credential.Secret;

/**
 * Opens the {@link ConfigCipher} that {@link HsmSettings} describe: loads the provider, logs in, finds the keys by
 * alias, chooses the mechanism (AES-GCM where the provider offers it, else CBC + HMAC) and proves the keys work with a
 * round trip before anything is written with them.
 */
public final class HsmConfigCiphers {

    private static final Logger LOG = LoggerFactory.getLogger(HsmConfigCiphers.class);
    private static final byte[] PROBE = "camel-ksm key probe".getBytes(StandardCharsets.US_ASCII);

    private HsmConfigCiphers() {
    }

    /**
     * Opens the cipher. An HSM cipher (PKCS#11, nCipher) logs in again and looks its keys up again when the HSM loses
     * its session or key handle, and keeps a copy of the PIN for that until it is closed.
     *
     * @throws HsmException naming what is wrong: provider not available, login failed, key alias not found, no usable
     *                      mechanism
     */
    public static ConfigCipher open(HsmSettings settings) {
        Keys keys = keys(settings);
        if (settings.type() != HsmProviderType.SOFTWARE_PKCS12 && keys.key().getEncoded() != null) {
            LOG.warn("Key '{}' in {} can be exported in clear: it is not protected like an HSM key should be",
                    settings.keyAlias(), keys.where());
        }
        JceConfigCipher cipher = chooseMechanism(settings, keys.provider(), keys.key(), keys.hmacKey(), keys.where());
        LOG.info("HSM cipher ready: {}", cipher.description());
        if (settings.type() == HsmProviderType.SOFTWARE_PKCS12) {
            return cipher; // a file: no session to lose
        }
        Secret pin = copy(settings.pin());
        Runnable wipePin = () -> {
            if (pin != null) {
                pin.destroy();
            }
        };
        HsmSettings again = settings.withPin(pin).withMechanism(cipher.mechanism());
        try {
            return new ReconnectingConfigCipher(cipher, () -> reopen(again), wipePin);
        } catch (RuntimeException e) {
            cipher.close();
            wipePin.run();
            throw e;
        }
    }

    /** The cipher's own copy: callers may wipe theirs once it is open. */
    private static Secret copy(Secret pin) {
        if (pin == null) {
            return null;
        }
        char[] chars = pin.chars();
        try {
            return Secret.of(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Logs in again and looks the keys up again, for the mechanism already chosen. */
    private static JceConfigCipher reopen(HsmSettings settings) {
        try {
            Keys keys = keys(settings);
            return new JceConfigCipher(keys.provider(), keys.key(), settings.keyAlias(), keys.hmacKey(),
                    settings.mechanism());
        } catch (HsmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new HsmException("cannot open the HSM key '" + settings.keyAlias() + "' again: "
                                   + JceProviders.causes(e), e);
        }
    }

    private record Keys(Provider provider, Key key, Key hmacKey, String where) {
    }

    /** Loads the provider, logs in and finds the keys. */
    private static Keys keys(HsmSettings settings) {
        Provider provider;
        KeyStore keyStore;
        char[] pin = settings.pin() == null ? null : settings.pin().chars();
        try {
            switch (settings.type()) {
                case PKCS11 -> {
                    provider = JceProviders.pkcs11(settings.pkcs11Config());
                    keyStore = load(settings, provider, null, pin);
                }
                case NCIPHER -> {
                    provider = JceProviders.byNameOrClass(settings.providerName(), settings.providerClass());
                    keyStore = load(settings, provider, settings.keyStoreFile(), pin);
                }
                case SOFTWARE_PKCS12 -> {
                    LOG.warn("The Keeper client config is encrypted with a SOFTWARE key (PKCS#12 file {}, alias '{}'),"
                             + " not an HSM key: it is only as safe as that file and its password. Use nCipherKM or"
                             + " a PKCS#11 HSM in production.", settings.keyStoreFile(), settings.keyAlias());
                    provider = null;
                    keyStore = load(settings, null, settings.keyStoreFile(), pin);
                }
                default -> throw new IllegalStateException(settings.type().toString());
            }
            // PKCS#11 keys need no password once logged in; key store entries of the others are protected by it
            char[] keyPassword = settings.type() == HsmProviderType.PKCS11 ? null : pin;
            String where = where(settings, provider);
            Key key = key(keyStore, settings.keyAlias(), keyPassword, where, "AES");
            Key hmacKey = settings.hmacKeyAlias() == null ? null
                    : key(keyStore, settings.hmacKeyAlias(), keyPassword, where, null);
            return new Keys(provider, key, hmacKey, where);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    private static KeyStore load(HsmSettings settings, Provider provider, Path file, char[] pin) {
        String what = settings.keyStoreType() + " key store" + (file != null ? " " + file : "")
                      + (provider != null ? " of " + provider.getName() : "");
        try {
            KeyStore keyStore = provider == null ? KeyStore.getInstance(settings.keyStoreType())
                    : KeyStore.getInstance(settings.keyStoreType(), provider);
            if (file == null) {
                keyStore.load(null, pin);
            } else {
                if (!Files.isRegularFile(file)) {
                    throw new HsmException(what + ": the file does not exist");
                }
                try (InputStream in = Files.newInputStream(file)) {
                    keyStore.load(in, pin);
                }
            }
            return keyStore;
        } catch (IOException e) {
            if (Pkcs11Failures.wrongPin(e)) {
                throw new HsmException("login to the " + what + " failed: wrong PIN or password?", e);
            }
            throw new HsmException("cannot open the " + what + ": " + JceProviders.causes(e), e);
        } catch (GeneralSecurityException e) {
            throw new HsmException("cannot open the " + what + ": " + JceProviders.causes(e), e);
        }
    }

    private static Key key(KeyStore keyStore, String alias, char[] password, String where, String algorithm) {
        try {
            if (!keyStore.containsAlias(alias)) {
                throw new HsmException("key '" + alias + "' not found in " + where);
            }
            Key key = keyStore.getKey(alias, password);
            if (key == null) {
                throw new HsmException("'" + alias + "' in " + where + " is not a secret key");
            }
            if (algorithm != null && !algorithm.equalsIgnoreCase(key.getAlgorithm())) {
                throw new HsmException("key '" + alias + "' in " + where + " is a " + key.getAlgorithm()
                                       + " key, not " + algorithm);
            }
            byte[] encoded = key.getEncoded();
            if (encoded != null) {
                // software keys show their size; HSM keys do not (and JDK 17's SunPKCS11 misreports it)
                int bits = encoded.length * 8;
                Arrays.fill(encoded, (byte) 0);
                if (algorithm != null && bits != 256) {
                    throw new HsmException("key '" + alias + "' in " + where + " is AES-" + bits + ", not AES-256");
                }
            }
            return key;
        } catch (UnrecoverableKeyException e) {
            throw new HsmException("key '" + alias + "' in " + where + " cannot be read: wrong password?", e);
        } catch (GeneralSecurityException e) {
            throw new HsmException("cannot read key '" + alias + "' from " + where + ": " + JceProviders.causes(e),
                    e);
        }
    }

    private static JceConfigCipher chooseMechanism(HsmSettings settings, Provider provider, Key key, Key hmacKey,
                                                   String where) {
        ConfigMechanism forced = settings.mechanism();
        if (forced == ConfigMechanism.AES_256_CBC_HMAC_SHA256 && hmacKey == null) {
            throw new HsmException(forced + " needs an HMAC key: set the HMAC key alias (" + where + ")");
        }
        if (forced != null) {
            return proven(new JceConfigCipher(provider, key, settings.keyAlias(), hmacKey, forced));
        }
        JceConfigCipher gcm = new JceConfigCipher(provider, key, settings.keyAlias(), hmacKey,
                ConfigMechanism.AES_256_GCM);
        HsmException gcmFailure = probe(gcm);
        if (gcmFailure == null) {
            return gcm;
        }
        if (hmacKey == null) {
            throw new HsmException(where + " cannot use AES-GCM with key '" + settings.keyAlias() + "' ("
                                   + gcmFailure.getMessage() + "), and no HMAC key alias is set for the CBC + HMAC"
                                   + " mode", gcmFailure);
        }
        LOG.info("{} offers no AES-GCM for key '{}': using AES-CBC + HMAC-SHA256", where, settings.keyAlias());
        return proven(new JceConfigCipher(provider, key, settings.keyAlias(), hmacKey,
                ConfigMechanism.AES_256_CBC_HMAC_SHA256));
    }

    private static JceConfigCipher proven(JceConfigCipher cipher) {
        HsmException failure = probe(cipher);
        if (failure != null) {
            throw new HsmException(cipher.description() + " does not work: " + failure.getMessage(), failure);
        }
        return cipher;
    }

    /** Encrypts and decrypts a probe; null if that worked, else why not. */
    private static HsmException probe(JceConfigCipher cipher) {
        try {
            byte[] aad = EncryptedConfigFormat.headerBytes(cipher.mechanism(), cipher.keyAlias());
            ConfigCipher.Sealed sealed = cipher.encrypt(PROBE, aad);
            byte[] back = cipher.decrypt(cipher.mechanism(), sealed.iv(), sealed.ciphertext(), aad);
            return Arrays.equals(back, PROBE) ? null : new HsmException("the round trip returned other bytes");
        } catch (HsmException e) {
            return e;
        }
    }

    private static String where(HsmSettings settings, Provider provider) {
        return switch (settings.type()) {
            case PKCS11 -> provider.getName() + " (" + settings.pkcs11Config() + ")";
            case NCIPHER -> provider.getName() + " " + settings.keyStoreType() + " key store";
            case SOFTWARE_PKCS12 -> "PKCS#12 file " + settings.keyStoreFile();
        };
    }
}
