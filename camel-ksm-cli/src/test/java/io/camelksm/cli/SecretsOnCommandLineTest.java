package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Secrets are never taken from the command line, and a refused or mistyped argument is never echoed back (it might be
 * the secret).
 */
class SecretsOnCommandLineTest {

    private static final String SECRET = "hunter2-Sup3rS3cret";

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = { "--password", "--token", "--client-secret", "--private-key", "--secret" })
    void secretOptionsAreRefusedWithEqualsSign(String option) {
        AdminRun run = AdminRun.run("", "--home", home.toString(), "credential", "add", "--name", "X", "--type",
                "basic", "--username", "u", option + "=" + SECRET);

        assertRefused(run);
    }

    @ParameterizedTest
    @ValueSource(strings = { "--password", "--token", "--client-secret", "--private-key", "--secret" })
    void secretOptionsAreRefusedWithSeparateValueOnUpdateToo(String option) {
        AdminRun run = AdminRun.run("", "--home", home.toString(), "credential", "update", "X", option, SECRET);

        assertRefused(run);
    }

    @Test
    void theRefusalNamesTheFieldToReadFromStandardInput() {
        AdminRun run = AdminRun.run("", "credential", "add", "--name", "X", "--type", "bearer", "--token=" + SECRET);

        assertThat(run.err()).contains("--token is refused").contains("--secret-from-stdin token");
    }

    @Test
    void aSecretFieldThroughTheGenericFieldOptionIsRefused() {
        AdminRun run = AdminRun.run("", "--home", home.toString(), "credential", "add", "--name", "X", "--type",
                "basic", "--username", "u", "--field", "password=" + SECRET);

        assertRefused(run);
        assertThat(run.err()).contains("Field 'password' is secret");
    }

    @Test
    void aSecretPropertyValueOnTheCommandLineIsRefused() {
        AdminRun run = AdminRun.run("irrelevant\n", "--home", home.toString(), "credential", "add", "--name", "X",
                "--type", "basic", "--username", "u", "--secret-property", "apiKey=" + SECRET);

        assertRefused(run);
        assertThat(run.err()).contains("--secret-property takes only the property name");
    }

    @Test
    void aMistypedOptionIsNamedButItsValueIsNotEchoed() {
        AdminRun run = AdminRun.run("", "credential", "add", "--name", "X", "--type", "basic", "--passwd=" + SECRET);

        assertThat(run.exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(run.err()).contains("Unknown option '--passwd=…'").doesNotContain(SECRET);
    }

    @Test
    void aStrayArgumentIsNotEchoed() {
        AdminRun run = AdminRun.run("", "credential", "show", "ExampleApi", SECRET);

        assertThat(run.exitCode()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(run.err()).contains("1 unexpected argument (not shown").doesNotContain(SECRET);
    }

    private static void assertRefused(AdminRun run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(run.err()).contains("standard input");
        assertThat(run.all()).doesNotContain(SECRET);
    }
}
