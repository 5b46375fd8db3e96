package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.hsm.SoftHsm;

/**
 * {@code ksm-admin scheme create --key-location HSM} with the {@code --scheme-hsm-*} options on an embedded H2 database
 * and the SoftHSM2 test token's scheme wrapping key; the PIN only from {@code KSM_HSM_PIN}.
 */
class SchemeCommandSoftHsmTest {

    @TempDir
    Path home;

    private AdminRun run(SoftHsm.Token token, boolean withHsm, String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        if (withHsm) {
            all.addAll(List.of("--scheme-hsm-provider", "pkcs11", "--scheme-hsm-pkcs11-config",
                    token.pkcs11Config().toString(), "--scheme-hsm-key-alias", token.schemeKeyAlias()));
        }
        AdminRun run = AdminRun.run("", Map.of(HsmOptions.PIN_VARIABLE, token.pin()), all.toArray(String[]::new));
        assertThat(run.all()).doesNotContain(token.pin());
        return run;
    }

    @Test
    void anHsmSchemeIsCreatedAndListedWithTheHsmOptionsAndRefusedWithoutThem() {
        SoftHsm.Token token = SoftHsm.token();

        AdminRun refused = run(token, false, "scheme", "create", "--name", "hsm-0", "--key-location", "HSM");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(refused.err()).contains("--key-location HSM needs").contains("--scheme-hsm-provider");

        AdminRun created = run(token, true, "scheme", "create", "--name", "hsm-1", "--key-location", "HSM");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("hsm-1").contains("HSM");

        AdminRun listed = run(token, true, "scheme", "list");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("hsm-1");
        assertThat(run(token, true, "scheme", "set-default", "hsm-1").exitCode()).isZero();
    }
}
