package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Help, version and the exit code of parse errors, for every command. */
class KsmAdminHelpTest {

    @Test
    void everyCommandAnswersHelpWithItsUsage() {
        List<List<String>> paths = new ArrayList<>();
        collect(KsmAdmin.commandLine(new KsmAdmin(SecretSource.of(InputStream.nullInputStream()), Map.of())),
                new ArrayList<>(), paths);
        assertThat(paths).extracting(p -> String.join(" ", p)).contains("", "credential", "credential add",
                "credential update", "credential list", "credential show", "credential delete", "credential grant",
                "credential revoke", "audit", "audit tail", "config", "config init", "config decrypt",
                "config change-key", "config migrate", "config delete");

        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            AdminRun run = AdminRun.run("", args.toArray(String[]::new));
            assertThat(run.exitCode()).as("exit code of %s", args).isZero();
            assertThat(run.out()).as("help of %s", args)
                    .startsWith("Usage: ksm-admin" + (path.isEmpty() ? "" : " " + String.join(" ", path)));
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            collect(sub, subPath, paths);
        });
    }

    @Test
    void helpOfAddDocumentsTheOrderOfSecretsOnStandardInput() {
        AdminRun run = AdminRun.run("", "credential", "add", "--help");

        assertThat(run.out()).contains("--secret-from-stdin", "one per line", "-----END", "--secret-property")
                .doesNotContain("--password");
    }

    @Test
    void versionIsPrinted() {
        AdminRun run = AdminRun.run("", "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("ksm-admin ");
    }

    @Test
    void aMissingCommandIsAUserError() {
        assertThat(AdminRun.run("")).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
            assertThat(run.err()).contains("Missing command").contains("ksm-admin --help");
        });
        assertThat(AdminRun.run("", "credential")).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
            assertThat(run.err()).contains("Missing command: add, update");
        });
        assertThat(AdminRun.run("", "audit").exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(AdminRun.run("", "config")).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
            assertThat(run.err()).contains("Missing command: init, decrypt, change-key, migrate or delete");
        });
    }

    @Test
    void parseErrorsAreUserErrorsNamingWhatWasWrong() {
        AdminRun missingType = AdminRun.run("", "credential", "add", "--name", "X");
        assertThat(missingType.exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(missingType.err()).contains("--type");

        AdminRun badType = AdminRun.run("", "credential", "add", "--name", "X", "--type", "kerberos");
        assertThat(badType.exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(badType.err()).contains("Unknown credential type 'kerberos'").contains("BASIC");

        AdminRun badDate = AdminRun.run("", "credential", "add", "--name", "X", "--type", "basic", "--expires",
                "soon");
        assertThat(badDate.exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(badDate.err()).contains("--expires").contains("'soon'");

        AdminRun missingName = AdminRun.run("", "credential", "show");
        assertThat(missingName.exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(missingName.err()).contains("NAME");

        AdminRun badCount = AdminRun.run("", "audit", "tail", "-n", "many");
        assertThat(badCount.exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(badCount.err()).contains("'many'");
    }
}
