package io.camelksm.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import com.keepersecurity.secretsManager.core.KeeperSecrets;
import com.keepersecurity.secretsManager.core.SecretsManager;
import com.keepersecurity.secretsManager.core.SecretsManagerOptions;

import io.camelksm.credential.Secret;
import io.camelksm.hsm.ConfigCipher;
import io.camelksm.hsm.HsmConfigCiphers;
import io.camelksm.hsm.HsmKeyValueStorage;
import io.camelksm.hsm.HsmSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code config init}: writes a new Keeper client config from a one-time access token, encrypted by the HSM key, through
 * the Keeper SDK's own {@code SecretsManager.initializeStorage}. The token comes from {@value #TOKEN_VARIABLE} or
 * standard input (a prompt on a terminal), never from arguments.
 */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = { "Writes a new Keeper Secrets Manager client config from a one-time access token, encrypted"
                         + " by the HSM key; plaintext never touches the disk.",
                 "The token (REGION:KEY, valid for a limited time) is read from the environment variable "
                 + ConfigInitCommand.TOKEN_VARIABLE + ", else from standard input (one line) or a prompt; never"
                 + " from arguments.",
                 "Binding completes with the first fetch from Keeper: the application's first start with this config,"
                 + " or --bind-now here (needs network access to Keeper)." },
         footer = { "", "Example (SoftHSM2 or any PKCS#11 HSM):",
                 "  export " + HsmOptions.PIN_VARIABLE + "=...    # or answer the prompt",
                 "  printf '%%s\\n' \"$TOKEN\" | ksm-admin config init --config-file /var/lib/camel-ksm/keeper-config.enc"
                 + " --hsm-provider pkcs11 --pkcs11-config /etc/camel-ksm/pkcs11.cfg --key-alias ksm-config-key" })
final class ConfigInitCommand extends ConfigFileCommand {

    /** The environment variable that may hold the one-time token. */
    static final String TOKEN_VARIABLE = "KSM_ONE_TIME_TOKEN";

    @Option(names = "--host", paramLabel = "HOST",
            description = "The Keeper host for a token without a region prefix (e.g. keepersecurity.com)")
    String host;

    @Option(names = "--bind-now",
            description = "Complete the binding now with one fetch from Keeper (needs network access to Keeper);"
                          + " otherwise the application's first fetch does it.")
    boolean bindNow;

    @Option(names = { "--token", "--one-time-token", "--client-key" }, hidden = true, arity = "0..1",
            fallbackValue = "")
    void token(String ignored) {
        throw new ParameterException(spec.commandLine(), "The one-time token is never taken from the command line"
                + " (other users and shell history can see it): pipe it on standard input, set the environment"
                + " variable " + TOKEN_VARIABLE + ", or answer the prompt");
    }

    @Override
    void execute() {
        Path file = hsm.configFile();
        if (Files.exists(file)) {
            throw new UserInputException("The config file " + file + " already exists; init writes a new one only:"
                    + " choose another --config-file, or remove this one first (ksm-admin config delete)");
        }
        HsmSettings settings = hsm.settings(application(), null);
        Secret token = null;
        try {
            token = readToken();
            String keeperHost = OneTimeToken.hostOf(token.reveal(), host);
            try (ConfigCipher cipher = HsmConfigCiphers.open(settings)) {
                HsmKeyValueStorage storage = HsmKeyValueStorage.open(file, cipher);
                initialize(storage, token, host == null || host.isBlank() ? null : host.strip());
                out().println("Initialized the Keeper client config " + file + " for " + keeperHost + ",");
                out().println("encrypted with " + cipher.description() + ".");
                if (bindNow) {
                    bind(storage, keeperHost);
                } else {
                    out().println("Not bound yet: the first fetch from Keeper binds it. Start the application with"
                                  + " this file and the same HSM settings while the one-time token is valid.");
                }
            }
        } finally {
            if (token != null) {
                token.destroy();
            }
            forgetPin(settings);
        }
    }

    private Secret readToken() {
        String fromEnvironment = application().environmentVariable(TOKEN_VARIABLE);
        if (fromEnvironment != null) {
            return Secret.of(fromEnvironment.strip());
        }
        return application().secrets().readOnce("Keeper one-time access token");
    }

    /** The SDK parses the token and writes hostname, clientId, clientKey and a new key pair; undone if that fails. */
    private static void initialize(HsmKeyValueStorage storage, Secret token, String host) {
        try {
            SecretsManager.initializeStorage(storage, token.reveal().strip(), host);
        } catch (RuntimeException e) {
            try {
                storage.deleteAll(); // the file did not exist: leave nothing half-initialized behind
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void bind(HsmKeyValueStorage storage, String keeperHost) {
        KeeperSecrets secrets;
        try {
            secrets = SecretsManager.getSecrets(new SecretsManagerOptions(storage));
        } catch (Exception e) {
            throw new ConfigBindingException("The config " + storage.file() + " is initialized, but binding it with"
                    + " " + keeperHost + " failed: " + ErrorReporter.describeFailure(e) + ". The file stays: the"
                    + " application's first fetch can still bind it while the token is valid", e);
        }
        out().println("Bound to " + keeperHost + ": the config now holds the application key; "
                      + secrets.getRecords().size() + " record(s) are shared with this application.");
    }
}
