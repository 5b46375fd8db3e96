package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.hsm.ConfigMechanism;
import io.camelksm.hsm.EncryptedConfigHeader;
import io.camelksm.hsm.SoftHsm;

/**
 * {@code ksm-admin config ...} on a real (software) HSM: SoftHSM2 through SunPKCS11, with the sensitive,
 * non-extractable keys {@code .ci/softhsm-setup.sh} generates inside the token. Skipped without a token, except under
 * CI, where it fails.
 */
class ConfigCommandSoftHsmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private SoftHsm.Token hsmToken;
    private Path config;
    private byte[] tokenKey;
    private String token;

    private final List<AdminRun> runs = new ArrayList<>();
    private final List<AdminRun> configPrints = new ArrayList<>();

    @BeforeEach
    void token() {
        // per test, so a missing token shows as skipped tests (or failed ones under CI), not as no tests
        hsmToken = SoftHsm.token();
        config = dir.resolve("keeper-config.enc");
        tokenKey = new byte[32];
        new SecureRandom().nextBytes(tokenKey);
        token = "US:" + Base64.getUrlEncoder().withoutPadding().encodeToString(tokenKey);
    }

    @AfterEach
    void nothingPrintedThePinOrTheToken() {
        if (hsmToken == null) {
            return;
        }
        for (AdminRun run : runs) {
            String printed = configPrints.contains(run) ? run.err() : run.all();
            assertThat(printed).as(run.toString()).doesNotContain(hsmToken.pin(), token.substring(3));
        }
    }

    private List<String> hsm(String... more) {
        List<String> args = new ArrayList<>(List.of("--config-file", config.toString(), "--hsm-provider", "pkcs11",
                "--pkcs11-config", hsmToken.pkcs11Config().toString()));
        args.addAll(List.of(more));
        return args;
    }

    private AdminRun config(String stdin, String command, String... args) {
        List<String> all = new ArrayList<>(List.of("config", command));
        all.addAll(hsm(args));
        AdminRun run = AdminRun.run(stdin, Map.of(HsmOptions.PIN_VARIABLE, hsmToken.pin()),
                all.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    private static AdminRun exit(int code, AdminRun run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(code);
        return run;
    }

    private JsonNode decrypt(String... args) throws IOException {
        AdminRun run = exit(0, config("", "decrypt", args));
        configPrints.add(run);
        return JSON.readTree(run.out());
    }

    @Test
    void initEncryptsTheConfigWithANonExtractableTokenKey() throws IOException {
        AdminRun run = exit(0, config(token + "\n", "init", "--key-alias", hsmToken.keyAlias()));

        assertThat(run.out()).contains("for keepersecurity.com,")
                .contains("SunPKCS11-SoftHSM-camel-ksm key '" + hsmToken.keyAlias() + "' (AES_256_GCM)");
        assertThat(EncryptedConfigHeader.read(config))
                .isEqualTo(new EncryptedConfigHeader(1, ConfigMechanism.AES_256_GCM, hsmToken.keyAlias()));
        assertThat(new String(Files.readAllBytes(config), StandardCharsets.ISO_8859_1))
                .doesNotContain("clientKey", "keepersecurity", Base64.getEncoder().encodeToString(tokenKey));

        JsonNode json = decrypt();
        assertThat(json.get("hostname").asText()).isEqualTo("keepersecurity.com");
        assertThat(Base64.getDecoder().decode(json.get("clientKey").asText())).isEqualTo(tokenKey);
    }

    @Test
    void changeKeyMovesTheConfigToTheSecondTokenKey() throws IOException {
        exit(0, config(token + "\n", "init", "--key-alias", hsmToken.keyAlias()));
        JsonNode before = decrypt();

        exit(0, config("", "change-key", "--new-key-alias", hsmToken.key2Alias()));

        assertThat(EncryptedConfigHeader.read(config).keyAlias()).isEqualTo(hsmToken.key2Alias());
        assertThat(decrypt("--key-alias", hsmToken.key2Alias())).isEqualTo(before);
        AdminRun old = exit(1, config("", "decrypt", "--key-alias", hsmToken.keyAlias()));
        assertThat(old.err()).contains("it was encrypted with HSM key '" + hsmToken.key2Alias()
                                       + "', but the configured key is '" + hsmToken.keyAlias() + "'");
    }

    @Test
    void aKeyChangeToAKeyTheTokenDoesNotHaveKeepsTheFile() throws IOException {
        exit(0, config(token + "\n", "init", "--key-alias", hsmToken.keyAlias()));
        byte[] before = Files.readAllBytes(config);

        AdminRun run = exit(2, config("", "change-key", "--new-key-alias", "no-such-key"));

        assertThat(run.err()).contains("key 'no-such-key' not found in SunPKCS11-SoftHSM-camel-ksm");
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
        assertThat(decrypt().get("hostname").asText()).isEqualTo("keepersecurity.com");
    }

    @Test
    void cbcWithTheTokensHmacKey() throws IOException {
        exit(0, config(token + "\n", "init", "--key-alias", hsmToken.keyAlias(), "--hmac-key-alias",
                hsmToken.hmacAlias(), "--mechanism", "cbc-hmac"));

        assertThat(EncryptedConfigHeader.read(config).mechanism()).isEqualTo(ConfigMechanism.AES_256_CBC_HMAC_SHA256);
        assertThat(decrypt("--hmac-key-alias", hsmToken.hmacAlias()).get("hostname").asText())
                .isEqualTo("keepersecurity.com");
        AdminRun noHmac = exit(2, config("", "decrypt"));
        assertThat(noHmac.err()).contains("needs an HMAC key");
        assertThat(noHmac.out()).isEmpty();
    }

    @Test
    void migrateAndDeleteOnTheToken() throws IOException {
        String plaintext = "{\"hostname\":\"keepersecurity.eu\",\"clientId\":\"Y2xpZW50\",\"privateKey\":\"MIGHAgEA-x\"}";
        Files.writeString(config, plaintext);

        exit(0, config("", "migrate", "--key-alias", hsmToken.keyAlias()));

        assertThat(Files.readString(config, StandardCharsets.ISO_8859_1)).doesNotContain("MIGHAgEA", "hostname");
        assertThat(decrypt()).isEqualTo(JSON.readTree(plaintext));

        exit(0, config("", "delete", "--yes"));
        assertThat(config).doesNotExist();
    }

    @Test
    void aMissingKeyIsAnHsmFailureAndWritesNothing() {
        AdminRun run = exit(2, config(token + "\n", "init", "--key-alias", "no-such-key"));

        assertThat(run.err()).contains("key 'no-such-key' not found in SunPKCS11-SoftHSM-camel-ksm ("
                                       + hsmToken.pkcs11Config() + ")");
        assertThat(config).doesNotExist();
    }

    @Test
    void aMissingPkcs11ConfigIsAUserError() {
        List<String> args = new ArrayList<>(List.of("config", "init", "--config-file", config.toString(),
                "--hsm-provider", "pkcs11", "--pkcs11-config", dir.resolve("none.cfg").toString(), "--key-alias",
                hsmToken.keyAlias()));
        AdminRun run = AdminRun.run(token + "\n", Map.of(HsmOptions.PIN_VARIABLE, hsmToken.pin()),
                args.toArray(String[]::new));
        runs.add(run);

        exit(1, run);
        assertThat(run.err()).contains("SunPKCS11 config file (--pkcs11-config)").contains("none.cfg does not exist");
        assertThat(config).doesNotExist();
    }

    /** A PKCS#11 login is shared by the whole JVM: the wrong PIN is tried by ksm-admin in a process of its own. */
    @Test
    void aWrongPinExitsWithTwoAndDoesNotShowThePin() throws Exception {
        String wrongPin = "98765432";
        List<String> args = new ArrayList<>(List.of("config", "init"));
        args.addAll(hsm("--key-alias", hsmToken.keyAlias()));

        AdminProcess wrong = AdminProcess.run(Map.of(HsmOptions.PIN_VARIABLE, wrongPin,
                ConfigInitCommand.TOKEN_VARIABLE, token), args.toArray(String[]::new));

        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(KsmAdmin.EXIT_FAILURE);
        assertThat(wrong.err()).contains("ksm-admin: failed: login to the PKCS11 key store of"
                                         + " SunPKCS11-SoftHSM-camel-ksm failed: wrong PIN or password?");
        assertThat(wrong.all()).doesNotContain(wrongPin, hsmToken.pin(), token.substring(3));
        assertThat(config).doesNotExist();

        // the same process with the right PIN: the harness itself works
        AdminProcess right = AdminProcess.run(Map.of(HsmOptions.PIN_VARIABLE, hsmToken.pin(),
                ConfigInitCommand.TOKEN_VARIABLE, token), args.toArray(String[]::new));

        assertThat(right.exitCode()).as(right.toString()).isZero();
        assertThat(right.all()).doesNotContain(hsmToken.pin(), token.substring(3));
        assertThat(EncryptedConfigHeader.read(config).keyAlias()).isEqualTo(hsmToken.keyAlias());
    }
}
