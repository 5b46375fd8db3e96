package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that run {@code ksm-admin} on an embedded database in a temporary home: every run is kept, and
 * after each test none of them may have printed one of the test's secrets.
 */
abstract class AdminTestSupport {

    @TempDir
    Path home;

    /** Every run of the test, to check at the end that none of them printed a secret. */
    final List<AdminRun> runs = new ArrayList<>();

    /** The secret values the test uses: no output may contain one. */
    abstract List<String> secrets();

    AdminRun admin(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        AdminRun run = AdminRun.run(stdin, all.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    AdminRun ok(String stdin, String... args) {
        AdminRun run = admin(stdin, args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    AdminRun userError(String stdin, String... args) {
        AdminRun run = admin(stdin, args);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        return run;
    }

    @AfterEach
    void noRunPrintedASecret() {
        for (AdminRun run : runs) {
            for (String secret : secrets()) {
                assertThat(run.all()).doesNotContain(secret);
            }
        }
    }
}
