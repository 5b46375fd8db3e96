package io.camelksm.hsm;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.credential.Secret;

/**
 * Runs in a child JVM for tests that need a process of its own: a fresh PKCS#11 login (a login is shared by the whole
 * process), or a writer that gets killed. Protocol lines on stdout start with {@code CHILD }; the PIN comes from the
 * environment variable {@code KSM_CHILD_PIN}, never from the command line.
 *
 * <pre>
 * open        pkcs11|pkcs12 CONFIG ALIAS           prints "CHILD opened" or "CHILD error MESSAGE"
 * write-loop  pkcs11|pkcs12 CONFIG ALIAS FILE      rewrites FILE forever; "CHILD ready N", then "CHILD ok N" per write
 * outage-loop pkcs11|pkcs12 CONFIG ALIAS FILE      the same, every 20 ms, going on after a failed write: "CHILD fail
 *                                                  MESSAGE" (one storage and cipher for the whole run)
 * scheme-unwrap pkcs11 CONFIG ALIAS HEX            unwraps a scheme data key through the ServiceLoader provider:
 *                                                  "CHILD unwrapped SHA-256-OF-KEY" or "CHILD error MESSAGE"
 * </pre>
 */
public final class HsmChildMain {

    static final String BLOB = "blob";

    private HsmChildMain() {
    }

    public static void main(String[] args) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        if ("scheme-unwrap".equals(args[0])) {
            schemeUnwrap(Path.of(args[2]), args[3], args[4]);
            return;
        }
        HsmSettings settings = settings(args[1], Path.of(args[2]), args[3]);
        switch (args[0]) {
            case "open" -> open(settings);
            case "write-loop" -> writeLoop(settings, Path.of(args[4]));
            case "outage-loop" -> outageLoop(settings, Path.of(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static HsmSettings settings(String provider, Path config, String alias) {
        Secret pin = Secret.of(System.getenv("KSM_CHILD_PIN"));
        return "pkcs11".equals(provider) ? HsmSettings.pkcs11(config, pin, alias)
                : HsmSettings.softwarePkcs12(config, pin, alias);
    }

    /** Prints a digest of the key, never the key: what a second node's store would do with it is unwrap it. */
    private static void schemeUnwrap(Path config, String alias, String wrappedHex) {
        io.camelksm.crypto.HsmKeySettings settings = new io.camelksm.crypto.HsmKeySettings("SunPKCS11", config, null,
                Secret.of(System.getenv("KSM_CHILD_PIN")), alias);
        io.camelksm.crypto.HsmKeyWrapperProvider provider = java.util.ServiceLoader
                .load(io.camelksm.crypto.HsmKeyWrapperProvider.class).findFirst().orElseThrow();
        try (io.camelksm.crypto.HsmKeyWrapper wrapper = provider.open(settings)) {
            byte[] key = wrapper.unwrap(java.util.HexFormat.of().parseHex(wrappedHex));
            System.out.println("CHILD unwrapped " + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(key)));
        } catch (io.camelksm.KsmException e) {
            System.out.println("CHILD error " + e.getMessage().replace('\n', ' '));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void open(HsmSettings settings) {
        try (ConfigCipher cipher = HsmConfigCiphers.open(settings)) {
            System.out.println("CHILD opened " + cipher.description());
        } catch (HsmException e) {
            System.out.println("CHILD error " + e.getMessage());
        }
    }

    /** Each write stores "N:" plus 32 KB of random data, so every write changes the whole file. */
    private static void writeLoop(HsmSettings settings, Path file) {
        ConfigCipher cipher = HsmConfigCiphers.open(settings);
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(file, cipher);
        long n = counter(storage.getString(BLOB));
        System.out.println("CHILD ready " + n);
        System.out.flush();
        SecureRandom random = new SecureRandom();
        byte[] padding = new byte[24 * 1024];
        while (true) {
            random.nextBytes(padding);
            n++;
            storage.saveString(BLOB, n + ":" + Base64.getEncoder().encodeToString(padding));
            System.out.println("CHILD ok " + n);
            System.out.flush();
        }
    }

    private static void outageLoop(HsmSettings settings, Path file) {
        ConfigCipher cipher = HsmConfigCiphers.open(settings);
        HsmKeyValueStorage storage = HsmKeyValueStorage.open(file, cipher);
        long n = counter(storage.getString(BLOB));
        System.out.println("CHILD ready " + n);
        System.out.flush();
        while (true) {
            try {
                storage.saveString(BLOB, (n + 1) + ":x");
                n++;
                System.out.println("CHILD ok " + n);
            } catch (HsmException e) {
                System.out.println("CHILD fail " + e.getMessage().replace('\n', ' '));
            }
            System.out.flush();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static long counter(String blob) {
        return blob == null ? 0 : Long.parseLong(blob.substring(0, blob.indexOf(':')));
    }
}
