package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --scheme-hsm-*} options (the HSM key of encryption schemes with key location HSM) reach every command that
 * opens the database, not the config commands, and half of them is a user error naming the missing one.
 */
class SchemeHsmOptionsTest {

    private static final String PIN = "Pin-0815-scheme";

    @TempDir
    Path home;

    @Test
    void everyDatabaseCommandTakesTheSchemeHsmOptionsAndNeverPrintsThePin() {
        AdminRun run = AdminRun.run("", Map.of(HsmOptions.PIN_VARIABLE, PIN), "--home", home.toString(),
                "credential", "list", "--scheme-hsm-provider", "pkcs11", "--scheme-hsm-key-alias", "ksm-scheme-wrap",
                "--scheme-hsm-pkcs11-config", home.resolve("pkcs11.cfg").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.all()).doesNotContain(PIN);
    }

    @Test
    void aProviderWithoutAKeyAliasIsAUserError() {
        AdminRun run = AdminRun.run("", Map.of(), "--home", home.toString(), "--scheme-hsm-provider", "ncipher",
                "credential", "list");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(run.err()).contains("--scheme-hsm-key-alias");
    }

    @Test
    void theHelpOfDatabaseCommandsListsThemAndTheConfigCommandsDoNot() {
        assertThat(AdminRun.run("", "credential", "list", "--help").out()).contains("--scheme-hsm-provider")
                .contains("--scheme-hsm-key-alias").contains("--scheme-hsm-pkcs11-config")
                .contains("--scheme-hsm-keystore-file");
        assertThat(AdminRun.run("", "config", "init", "--help").out()).doesNotContain("--scheme-hsm");
    }
}
