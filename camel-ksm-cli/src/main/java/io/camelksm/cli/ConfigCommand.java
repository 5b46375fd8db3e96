package io.camelksm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ksm-admin config ...}: the Keeper Secrets Manager client config, encrypted by an HSM key. */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Binds camel-ksm to a Keeper Secrets Manager application and manages its client config,"
                         + " which is kept in a file encrypted by an AES-256 key that never leaves the HSM.",
                 "The HSM PIN or passphrase is read from the environment variable " + HsmOptions.PIN_VARIABLE
                 + " or a prompt, never from arguments." },
         subcommands = { ConfigInitCommand.class, ConfigDecryptCommand.class, ConfigChangeKeyCommand.class,
                 ConfigMigrateCommand.class, ConfigDeleteCommand.class },
         footer = { "", "Exit codes: 0 done, 1 user error (bad option, missing file, not a valid encrypted config"
                        + " file, key alias mismatch), 2 failure (HSM: wrong PIN, missing key, HSM unreachable;"
                        + " network; I/O)." })
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: init, decrypt, change-key, migrate or delete");
    }
}
