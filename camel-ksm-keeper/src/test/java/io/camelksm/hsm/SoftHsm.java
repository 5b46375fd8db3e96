package io.camelksm.hsm;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.KeyGenerator;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Assumptions;

import io.camelksm.credential.Secret;

/**
 * The SoftHSM2 test token. Taken from the environment that {@code .ci/softhsm-setup.sh} prints
 * ({@code KSM_TEST_PKCS11_CONFIG}, {@code KSM_TEST_PKCS11_PIN}, ...); when that is not set, the tests run the script
 * themselves into the directory of {@code SOFTHSM2_CONF} (Maven's surefire sets it to {@code target/softhsm}). When
 * there is no token, HSM tests are skipped, except when the environment variable {@code CI} is set: then they fail,
 * so CI never skips them silently.
 */
public final class SoftHsm {

    private static Token token;
    private static String unavailable;

    private SoftHsm() {
    }

    /** The token's settings and key aliases. */
    public record Token(Path pkcs11Config, String pin, String keyAlias, String key2Alias, String hmacAlias,
                        String schemeKeyAlias) {

        public HsmSettings settings() {
            return settings(keyAlias);
        }

        HsmSettings settings(String alias) {
            return HsmSettings.pkcs11(pkcs11Config, Secret.of(pin), alias);
        }

        /** A second, independent provider session on the token, as another process would have. */
        KeyStore otherSession() throws Exception {
            Provider provider = Security.getProvider("SunPKCS11").configure(pkcs11Config.toString());
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin.toCharArray());
            return keyStore;
        }

        /** Creates a token AES-256 key for a test that destroys it. */
        void createAesKey(String alias) throws Exception {
            KeyStore keyStore = otherSession();
            KeyGenerator generator = KeyGenerator.getInstance("AES", keyStore.getProvider());
            generator.init(256);
            keyStore.setEntry(alias, new KeyStore.SecretKeyEntry(generator.generateKey()), null);
        }

        /**
         * Imports known AES-256 key bytes as a token key, as restoring a key from an HSM backup would: the same key
         * under the same label, a new object (and object handle).
         */
        void importAesKey(String alias, byte[] key) throws Exception {
            otherSession().setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "AES")), null);
        }

        /** Deletes a key from the token (from another session): the HSM key is gone. */
        void deleteKey(String alias) throws Exception {
            otherSession().deleteEntry(alias);
        }
    }

    /** The token, or the test is skipped (no CI) / failed (CI). */
    public static synchronized Token token() {
        if (token == null && unavailable == null) {
            try {
                token = find();
            } catch (Exception e) {
                unavailable = e.getMessage();
            }
        }
        if (token != null) {
            return token;
        }
        String why = "no SoftHSM2 test token: " + unavailable;
        if (System.getenv("CI") != null) {
            fail(why + " (CI is set, so HSM tests must not be skipped)");
        }
        Assumptions.abort(why);
        return null;
    }

    private static Token find() throws Exception {
        Map<String, String> env = System.getenv();
        if (env.get("KSM_TEST_PKCS11_CONFIG") != null && env.get("KSM_TEST_PKCS11_PIN") != null) {
            return token(env);
        }
        String conf = env.get("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("neither KSM_TEST_PKCS11_CONFIG nor SOFTHSM2_CONF is set (run"
                                            + " `eval \"$(.ci/softhsm-setup.sh)\"`, or the tests through Maven)");
        }
        Path confPath = Path.of(conf).toAbsolutePath();
        if (!"softhsm2.conf".equals(confPath.getFileName().toString())) {
            throw new IllegalStateException("SOFTHSM2_CONF=" + conf + " was not made by .ci/softhsm-setup.sh and"
                                            + " KSM_TEST_PKCS11_CONFIG is not set");
        }
        if (!onPath("softhsm2-util") && System.getenv("CI") == null) {
            throw new IllegalStateException("softhsm2 is not installed (apt-get install softhsm2 opensc, or run"
                                            + " .ci/softhsm-setup.sh)");
        }
        Path script = script();
        Path dir = confPath.getParent();
        Path log = Files.createTempFile("softhsm-setup", ".log");
        Process process = new ProcessBuilder("bash", script.toString(), dir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish in 10 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(script + " failed (" + process.exitValue() + "): "
                                            + Files.readString(log, StandardCharsets.UTF_8));
        }
        Files.deleteIfExists(log);
        Map<String, String> vars = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("env.sh"), StandardCharsets.UTF_8)) {
            if (line.startsWith("export ") && line.contains("=")) {
                String assignment = line.substring("export ".length());
                int eq = assignment.indexOf('=');
                vars.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
        }
        if (!confPath.toString().equals(vars.get("SOFTHSM2_CONF"))) {
            throw new IllegalStateException("the script made " + vars.get("SOFTHSM2_CONF") + ", this JVM reads "
                                            + confPath);
        }
        return token(vars);
    }

    private static Token token(Map<String, String> vars) {
        return new Token(Path.of(vars.get("KSM_TEST_PKCS11_CONFIG")), vars.get("KSM_TEST_PKCS11_PIN"),
                vars.getOrDefault("KSM_TEST_PKCS11_KEY_ALIAS", "ksm-config-key"),
                vars.getOrDefault("KSM_TEST_PKCS11_KEY2_ALIAS", "ksm-config-key-2"),
                vars.getOrDefault("KSM_TEST_PKCS11_HMAC_ALIAS", "ksm-config-hmac"),
                vars.getOrDefault("KSM_TEST_PKCS11_SCHEME_KEY_ALIAS", "ksm-scheme-wrap"));
    }

    /** {@code .ci/softhsm-setup.sh}, found from the working directory upwards (surefire runs in the module). */
    static Path script() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".ci").resolve("softhsm-setup.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IOException(".ci/softhsm-setup.sh not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : List.of(path.split(java.io.File.pathSeparator))) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
