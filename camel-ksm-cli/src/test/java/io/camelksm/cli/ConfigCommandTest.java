package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.camelksm.credential.Secret;
import io.camelksm.hsm.ConfigMechanism;
import io.camelksm.hsm.EncryptedConfigHeader;
import io.camelksm.hsm.Pkcs12KeyFile;
import io.camelksm.testsupport.Bytes;

/**
 * {@code ksm-admin config ...} with a software AES-256 key in a PKCS#12 file (the explicitly configured development
 * provider): the real storage, the real Keeper SDK binding code, real files. The same commands on SoftHSM2 are in
 * {@link ConfigCommandSoftHsmTest}.
 */
class ConfigCommandTest {

    private static final String PIN = "p12-Passw0rd-7f3a";
    private static final String WRONG_PIN = "wrong-Passw0rd-9c1e";
    private static final String KEY = "config-key";
    private static final String KEY2 = "config-key-2";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path keyStore;
    private Path config;
    private byte[] tokenKey;
    private String token;

    /** Every run, to check at the end that none printed the PIN or the token. */
    private final List<AdminRun> runs = new ArrayList<>();
    /** Runs whose standard output is the decrypted config by design (it holds clientKey and privateKey). */
    private final List<AdminRun> configPrints = new ArrayList<>();

    @BeforeEach
    void keys() {
        keyStore = dir.resolve("config-keys.p12");
        Pkcs12KeyFile.addAesKey(keyStore, Secret.of(PIN), KEY);
        Pkcs12KeyFile.addAesKey(keyStore, Secret.of(PIN), KEY2);
        config = dir.resolve("keeper-config.enc");
        tokenKey = new byte[32];
        new SecureRandom().nextBytes(tokenKey);
        token = "EU:" + Base64.getUrlEncoder().withoutPadding().encodeToString(tokenKey);
    }

    @AfterEach
    void nothingPrintedThePinOrTheToken() {
        String tokenKeyText = token.substring(token.indexOf(':') + 1);
        for (AdminRun run : runs) {
            String printed = configPrints.contains(run) ? run.err() : run.all();
            assertThat(printed).as(run.toString()).doesNotContain(PIN, WRONG_PIN, tokenKeyText);
        }
    }

    // ---- running ksm-admin

    private List<String> hsm(String... more) {
        List<String> args = new ArrayList<>(List.of("--config-file", config.toString(), "--hsm-provider", "pkcs12",
                "--keystore-file", keyStore.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private AdminRun config(String stdin, Map<String, String> env, String command, List<String> args) {
        List<String> all = new ArrayList<>(List.of("config", command));
        all.addAll(args);
        AdminRun run = AdminRun.run(stdin, env, all.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    private AdminRun config(String stdin, String command, String... args) {
        return config(stdin, Map.of(HsmOptions.PIN_VARIABLE, PIN), command, hsm(args));
    }

    private static AdminRun ok(AdminRun run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private static AdminRun userError(AdminRun run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        return run;
    }

    private static AdminRun failure(AdminRun run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(KsmAdmin.EXIT_FAILURE);
        return run;
    }

    private AdminRun init() {
        return ok(config(token + "\n", "init", "--key-alias", KEY));
    }

    private JsonNode decrypt(String... args) throws IOException {
        AdminRun run = ok(config("", "decrypt", args));
        configPrints.add(run);
        return JSON.readTree(run.out());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    // ---- init

    @Test
    void initWritesTheConfigEncryptedAndDecryptPrintsIt() throws IOException {
        AdminRun run = init();

        assertThat(run.out()).contains("Initialized the Keeper client config " + config + " for keepersecurity.eu")
                .contains("encrypted with software key '" + KEY + "' (AES_256_GCM)")
                .contains("Not bound yet: the first fetch");
        assertThat(EncryptedConfigHeader.read(config))
                .isEqualTo(new EncryptedConfigHeader(1, ConfigMechanism.AES_256_GCM, KEY));
        byte[] raw = Files.readAllBytes(config);
        String rawText = new String(raw, StandardCharsets.ISO_8859_1);
        assertThat(rawText).doesNotContain("clientKey", "hostname", "keepersecurity", "privateKey",
                Base64.getEncoder().encodeToString(tokenKey), token.substring(3));
        assertThat(Bytes.indexOf(raw, tokenKey)).as("raw clientKey bytes in the file").isNegative();
        if (Files.getFileStore(config).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        }

        JsonNode json = decrypt();
        assertThat(json.get("hostname").asText()).isEqualTo("keepersecurity.eu");
        assertThat(Base64.getDecoder().decode(json.get("clientKey").asText())).isEqualTo(tokenKey);
        assertThat(json.get("clientId").asText()).isNotEmpty();
        assertThat(json.get("privateKey").asText()).isNotEmpty();
        assertThat(json.has("appKey")).as("not bound yet").isFalse();
        // decrypting wrote nothing
        assertThat(files()).containsExactly(keyStore, config);
    }

    @Test
    void theTokenCanComeFromTheEnvironmentAndAHostFromAnOption() throws IOException {
        String bareToken = token.substring(3);
        Map<String, String> env = Map.of(HsmOptions.PIN_VARIABLE, PIN, ConfigInitCommand.TOKEN_VARIABLE, bareToken);

        AdminRun run = ok(config("", env, "init", hsm("--key-alias", KEY, "--host", "keepersecurity.com")));

        assertThat(run.out()).contains("for keepersecurity.com,");
        JsonNode json = decrypt();
        assertThat(json.get("hostname").asText()).isEqualTo("keepersecurity.com");
        assertThat(Base64.getDecoder().decode(json.get("clientKey").asText())).isEqualTo(tokenKey);
    }

    @ParameterizedTest
    @ValueSource(strings = { "--token=", "--token", "--one-time-token=", "--client-key" })
    void aTokenOnTheCommandLineIsRefused(String option) {
        List<String> args = hsm("--key-alias", KEY);
        if (option.endsWith("=")) {
            args.add(option + token);
        } else {
            args.addAll(List.of(option, token));
        }
        AdminRun run = userError(config(token + "\n", Map.of(HsmOptions.PIN_VARIABLE, PIN), "init", args));

        assertThat(run.err()).contains("never taken from the command line").contains("standard input")
                .contains(ConfigInitCommand.TOKEN_VARIABLE).doesNotContain(token);
        assertThat(config).doesNotExist();
    }

    @Test
    void aMalformedTokenIsRefusedWithoutShowingIt() {
        String bad = "EU:not+base64/at-all!";
        AdminRun run = userError(config(bad + "\n", "init", "--key-alias", KEY));
        assertThat(run.err()).contains("is not a Keeper one-time access token").contains("not URL-safe Base64")
                .doesNotContain("not+base64");
        assertThat(config).doesNotExist();

        AdminRun noRegion = userError(config(token.substring(3) + "\n", "init", "--key-alias", KEY));
        assertThat(noRegion.err()).contains("no region prefix").contains("--host");

        AdminRun noToken = userError(config("", "init", "--key-alias", KEY));
        assertThat(noToken.err()).contains("one-time access token on standard input");
        assertThat(config).doesNotExist();
    }

    @Test
    void initNeverOverwritesAnExistingFile() throws IOException {
        init();
        byte[] before = Files.readAllBytes(config);

        AdminRun run = userError(config(token + "\n", "init", "--key-alias", KEY));

        assertThat(run.err()).contains(config + " already exists");
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
    }

    @Test
    void initNeedsAKeyAliasAndAProvider() {
        assertThat(userError(config(token + "\n", "init")).err()).contains("'key-alias' is missing")
                .contains("--key-alias");
        AdminRun noProvider = userError(config(token + "\n", Map.of(HsmOptions.PIN_VARIABLE, PIN), "init",
                List.of("--config-file", config.toString(), "--key-alias", KEY)));
        assertThat(noProvider.err()).contains("'provider' is missing").contains("--hsm-provider pkcs11|ncipher|pkcs12");
        AdminRun badProvider = userError(config(token + "\n", Map.of(HsmOptions.PIN_VARIABLE, PIN), "init",
                List.of("--config-file", config.toString(), "--hsm-provider", "vault", "--key-alias", KEY)));
        assertThat(badProvider.err()).contains("unknown HSM provider 'vault'");
        assertThat(config).doesNotExist();
    }

    // ---- the PIN

    @ParameterizedTest
    @ValueSource(strings = { "--pin=", "--pin", "--passphrase=", "--hsm-pin" })
    void aPinOnTheCommandLineIsRefused(String option) {
        List<String> args = hsm("--key-alias", KEY);
        if (option.endsWith("=")) {
            args.add(option + PIN);
        } else {
            args.addAll(List.of(option, PIN));
        }
        AdminRun run = userError(config(token + "\n", Map.of(), "init", args));

        assertThat(run.err()).contains("never taken from the command line").contains(HsmOptions.PIN_VARIABLE);
        assertThat(config).doesNotExist();
    }

    @Test
    void withoutTerminalThePinMustComeFromTheEnvironment() {
        AdminRun run = userError(config(PIN + "\n" + token + "\n", Map.of(), "init", hsm("--key-alias", KEY)));

        assertThat(run.err()).contains("environment variable " + HsmOptions.PIN_VARIABLE);
        assertThat(config).doesNotExist();
    }

    @Test
    void aWrongPasswordIsAFailureThatDoesNotShowIt() throws IOException {
        Map<String, String> wrong = Map.of(HsmOptions.PIN_VARIABLE, WRONG_PIN);
        AdminRun run = failure(config(token + "\n", wrong, "init", hsm("--key-alias", KEY)));
        assertThat(run.err()).contains("wrong PIN or password?");
        assertThat(config).doesNotExist();

        init();
        AdminRun decrypt = failure(config("", wrong, "decrypt", hsm()));
        assertThat(decrypt.err()).contains("wrong PIN or password?");
        assertThat(decrypt.out()).isEmpty();
    }

    // ---- decrypt

    @Test
    void decryptingACorruptFileIsAUserErrorNamingTheFile() throws IOException {
        init();
        byte[] good = Files.readAllBytes(config);
        byte[] flipped = good.clone();
        flipped[flipped.length - 1] ^= 0x01;
        Map<byte[], String> cases = new HashMap<>();
        cases.put(new byte[0], "the file is empty");
        cases.put(Arrays.copyOf(good, good.length - 5), "truncated");
        cases.put(flipped, "it does not authenticate");
        cases.put("\u00ff\u00fe garbage".getBytes(StandardCharsets.ISO_8859_1), "unknown format");

        for (Map.Entry<byte[], String> c : cases.entrySet()) {
            Files.write(config, c.getKey());
            for (List<String> alias : List.of(List.<String>of(), List.of("--key-alias", KEY))) {
                AdminRun run = userError(config("", "decrypt", alias.toArray(String[]::new)));
                assertThat(run.err()).as(c.getValue())
                        .contains(config + " is not a valid encrypted config file").contains(c.getValue());
                assertThat(run.out()).isEmpty();
            }
        }
    }

    @Test
    void decryptOfAMissingFileIsAUserError() {
        AdminRun run = userError(config("", "decrypt"));
        assertThat(run.err()).contains("The config file " + config + " does not exist");
    }

    @Test
    void decryptToAFileWritesItOwnerOnlyAndWarns() throws IOException {
        init();
        Path out = dir.resolve("plain.json");

        AdminRun run = ok(config("", "decrypt", "--out", out.toString()));

        assertThat(run.err()).contains("WARNING").contains("PLAINTEXT to " + out);
        assertThat(run.out()).doesNotContain("clientKey");
        JsonNode json = JSON.readTree(out.toFile());
        assertThat(Base64.getDecoder().decode(json.get("clientKey").asText())).isEqualTo(tokenKey);
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        }
        // an existing file is never overwritten, least of all the encrypted config
        assertThat(userError(config("", "decrypt", "--out", out.toString())).err()).contains("already exists");
        byte[] encrypted = Files.readAllBytes(config);
        userError(config("", "decrypt", "--out", config.toString()));
        assertThat(Files.readAllBytes(config)).isEqualTo(encrypted);
    }

    // ---- change-key

    @Test
    void changeKeyReencryptsUnderTheNewKeyAndTheOldAliasFailsClearly() throws IOException {
        init();
        JsonNode before = decrypt();

        AdminRun run = ok(config("", "change-key", "--key-alias", KEY, "--new-key-alias", KEY2));

        assertThat(run.out()).contains("Re-encrypted " + config).contains("'" + KEY2 + "'");
        assertThat(EncryptedConfigHeader.read(config).keyAlias()).isEqualTo(KEY2);
        assertThat(decrypt("--key-alias", KEY2)).isEqualTo(before);
        assertThat(decrypt()).as("alias from the header").isEqualTo(before);
        AdminRun old = userError(config("", "decrypt", "--key-alias", KEY));
        assertThat(old.err()).contains(config + " is not a valid encrypted config file: it was encrypted with HSM key '"
                                       + KEY2 + "', but the configured key is '" + KEY + "'");
        assertThat(old.out()).isEmpty();
    }

    @Test
    void aFailedKeyChangeKeepsTheOldKeyAndFile() throws IOException {
        init();
        byte[] before = Files.readAllBytes(config);

        AdminRun run = failure(config("", "change-key", "--new-key-alias", "no-such-key"));

        assertThat(run.err()).contains("key 'no-such-key' not found in PKCS#12 file");
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
        assertThat(decrypt("--key-alias", KEY).get("hostname").asText()).isEqualTo("keepersecurity.eu");
        assertThat(files()).containsExactly(keyStore, config);

        assertThat(userError(config("", "change-key", "--new-key-alias", KEY)).err()).contains("nothing to change");
        assertThat(userError(config("", "change-key")).err()).contains("--new-key-alias");
    }

    // ---- migrate

    @Test
    void migrateEncryptsAPlaintextConfigOnlyWhenAsked() throws IOException {
        String plaintext = "{\"hostname\":\"keepersecurity.com\",\"clientId\":\"Q2xpZW50SWQ=\","
                           + "\"privateKey\":\"MIGHAgEAMBMGByqGSM49-plain\",\"appKey\":\"QXBwS2V5QXBwS2V5\"}";
        Files.writeString(config, plaintext);

        // decrypt does not encrypt it silently
        AdminRun refused = userError(config("", "decrypt", "--key-alias", KEY));
        assertThat(refused.err()).contains("plaintext (unencrypted) config").contains("ksm-admin config migrate");
        assertThat(userError(config("", "decrypt")).err()).as("without alias")
                .contains("plaintext (unencrypted) config");
        assertThat(Files.readString(config)).isEqualTo(plaintext);

        AdminRun run = ok(config("", "migrate", "--key-alias", KEY));

        assertThat(run.out()).contains("Encrypted the plaintext config " + config + " (4 values)");
        assertThat(new String(Files.readAllBytes(config), StandardCharsets.ISO_8859_1))
                .doesNotContain("MIGHAgEA", "keepersecurity", "privateKey");
        assertThat(decrypt()).isEqualTo(JSON.readTree(plaintext));

        assertThat(userError(config("", "migrate", "--key-alias", KEY)).err())
                .contains("already an encrypted config file");
    }

    @Test
    void migrateRefusesWhatIsNotAPlaintextConfig() throws IOException {
        assertThat(userError(config("", "migrate", "--key-alias", KEY)).err()).contains("does not exist");

        Files.writeString(config, "hostname=keepersecurity.com\n");
        AdminRun run = userError(config("", "migrate", "--key-alias", KEY));
        assertThat(run.err()).contains(config + " does not hold a valid config");
        assertThat(Files.readString(config)).isEqualTo("hostname=keepersecurity.com\n");
    }

    // ---- delete

    @Test
    void deleteRemovesTheFileWhenConfirmed() throws IOException {
        init();
        AdminRun noTerminal = userError(config("", "delete"));
        assertThat(noTerminal.err()).contains("--yes");
        assertThat(config).exists();

        AdminRun declined = userError(interactive(false, "delete"));
        assertThat(declined.err()).contains("not confirmed");
        assertThat(config).exists();

        ok(interactive(true, "delete"));
        assertThat(config).doesNotExist();

        init();
        AdminRun run = ok(config("", "delete", "--yes"));
        assertThat(run.out()).contains("Deleted the Keeper client config " + config);
        assertThat(files()).containsExactly(keyStore);
        assertThat(userError(config("", "delete", "--yes")).err()).contains("does not exist");
    }

    private AdminRun interactive(boolean answer, String command) {
        SecretSource terminal = new SecretSource() {
            @Override
            public Secret read(String label) {
                throw new UserInputException("no secret expected in this test: " + label);
            }

            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public boolean confirm(String question) {
                return answer;
            }
        };
        List<String> args = new ArrayList<>(List.of("config", command));
        args.addAll(hsm());
        AdminRun run = AdminRun.run(terminal, Map.of(HsmOptions.PIN_VARIABLE, PIN), args.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    // ---- settings file

    @Test
    void hsmSettingsComeFromAPropertiesFileWithoutPin() throws IOException {
        Path settings = dir.resolve("hsm.properties");
        Files.writeString(settings, "provider = pkcs12\nkeystore-file = " + keyStore + "\nkey-alias = " + KEY + "\n");
        List<String> args = List.of("--config-file", config.toString(), "--hsm-settings", settings.toString());

        ok(config(token + "\n", Map.of(HsmOptions.PIN_VARIABLE, PIN), "init", args));
        assertThat(EncryptedConfigHeader.read(config).keyAlias()).isEqualTo(KEY);
        // an option overrides the file
        List<String> override = new ArrayList<>(args);
        override.addAll(List.of("--key-alias", KEY2));
        AdminRun mismatch = userError(config("", Map.of(HsmOptions.PIN_VARIABLE, PIN), "decrypt", override));
        assertThat(mismatch.err()).contains("the configured key is '" + KEY2 + "'");

        Files.writeString(settings, "provider=pkcs12\nkeystore-file=" + keyStore + "\nkey-alias=" + KEY + "\npin="
                                    + PIN + "\n");
        AdminRun pinInFile = userError(config("", Map.of(HsmOptions.PIN_VARIABLE, PIN), "decrypt", args));
        assertThat(pinInFile.err()).contains("has a 'pin'").contains(HsmOptions.PIN_VARIABLE);

        Files.writeString(settings, "provider=pkcs12\nkeystore-file=" + keyStore + "\nkey-allias=" + KEY + "\n");
        AdminRun typo = userError(config("", Map.of(HsmOptions.PIN_VARIABLE, PIN), "decrypt", args));
        assertThat(typo.err()).contains("Unknown key 'key-allias'").contains("key-alias");

        AdminRun missing = userError(config("", Map.of(HsmOptions.PIN_VARIABLE, PIN), "decrypt",
                List.of("--config-file", config.toString(), "--hsm-settings", dir.resolve("nope").toString())));
        assertThat(missing.err()).contains("HSM settings file").contains("does not exist");
    }

    @Test
    void aMissingKeyStoreFileIsNamed() {
        AdminRun run = userError(config(token + "\n", Map.of(HsmOptions.PIN_VARIABLE, PIN), "init",
                List.of("--config-file", config.toString(), "--hsm-provider", "pkcs12", "--keystore-file",
                        dir.resolve("none.p12").toString(), "--key-alias", KEY)));
        assertThat(run.err()).contains("PKCS#12 key file (--keystore-file)").contains("none.p12 does not exist");
    }

    @Test
    void withoutTheNshieldJarsNcipherFailsNamingThem() {
        // a module-protected nShield key needs no PIN: --no-pin, nothing read from the environment or a prompt
        AdminRun run = failure(config(token + "\n", Map.of(), "init", List.of("--config-file", config.toString(),
                "--hsm-provider", "ncipher", "--key-alias", KEY, "--no-pin")));

        assertThat(run.err()).contains("JCE provider nCipherKM is not available")
                .contains("nCipherKM.jar and the other nShield Java jars");
        assertThat(config).doesNotExist();
    }

    // ---- --bind-now (offline: only its failure can be shown without Keeper)

    @Test
    void bindNowThatCannotReachKeeperFailsAndKeepsTheInitializedConfig() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        // hang up at once: no TLS, no Keeper
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            closer.setDaemon(true);
            closer.start();
            String host = "127.0.0.1:" + server.getLocalPort();

            AdminRun run = failure(config(token.substring(3) + "\n", "init", "--key-alias", KEY, "--host", host,
                    "--bind-now"));

            assertThat(run.out()).contains("Initialized the Keeper client config " + config + " for " + host);
            assertThat(run.err()).contains("is initialized, but binding it with " + host + " failed")
                    .contains("The file stays");
        }
        JsonNode json = decrypt();
        assertThat(json.get("hostname").asText()).startsWith("127.0.0.1:");
        assertThat(Base64.getDecoder().decode(json.get("clientKey").asText())).isEqualTo(tokenKey);
        assertThat(json.has("appKey")).isFalse();
    }
}
