package io.camelksm.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The SoftHSM2 test token, found the way the component's HSM tests find it (io.camelksm.hsm.SoftHsm, test sources of
 * camel-ksm-component): from the environment {@code .ci/softhsm-setup.sh} prints ({@code KSM_TEST_PKCS11_CONFIG},
 * {@code KSM_TEST_PKCS11_PIN}, {@code KSM_TEST_PKCS11_*_ALIAS}); else by running that script into the directory of
 * {@code SOFTHSM2_CONF}, which this module's surefire sets to {@code target/softhsm}. Without a token the tests are
 * skipped, except when the environment variable {@code CI} is set: then they fail.
 */
final class SoftHsmToken {

    private static Token token;
    private static String unavailable;

    private SoftHsmToken() {
    }

    /** The token's SunPKCS11 config, user PIN and key aliases. */
    record Token(Path pkcs11Config, String pin, String keyAlias, String key2Alias, String hmacAlias) {
    }

    /** The token, or the test is skipped (no CI) / failed (CI). */
    static synchronized Token token() {
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
                vars.getOrDefault("KSM_TEST_PKCS11_HMAC_ALIAS", "ksm-config-hmac"));
    }

    /** {@code .ci/softhsm-setup.sh}, found from the working directory upwards (surefire runs in the module). */
    private static Path script() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".ci").resolve("softhsm-setup.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IOException(".ci/softhsm-setup.sh not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
