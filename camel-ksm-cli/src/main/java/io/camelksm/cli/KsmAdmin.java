package io.camelksm.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.camelksm.credential.Secret;
import io.camelksm.crypto.HsmKeySettings;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.SchemeSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code ksm-admin}: administers camel-ksm's credentials, their access rights, the audit trail and the HSM-encrypted Keeper
 * client config from the command line. Secret values are read from standard input, the environment or a prompt, never
 * from arguments.
 *
 * <p>
 * Run it with {@link #main(String[])}, or in-process with {@link #commandLine(KsmAdmin)} (which installs the exit-code
 * mapping: 0 done, 1 user error, 2 failure).
 */
@Command(name = "ksm-admin", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Administers camel-ksm credentials, their access rights, the encryption schemes, the audit"
                       + " trail and the HSM-encrypted Keeper client config.%n"
                       + "Secret values are read from standard input, the environment or an interactive prompt, never"
                       + " from arguments.",
         subcommands = { CredentialCommand.class, SchemeCommand.class, ReencryptCommand.class, AuditCommand.class,
                         ConfigCommand.class },
         footer = { "", "Exit codes: 0 done, 1 user error (bad input, unknown or duplicate credential, invalid config"
                        + " file), 2 failure (database, HSM, I/O), 3 audit verify found the audit trail tampered with, or"
                        + " reencrypt left rows to do.",
                 "The database password, if one is needed, is read from the environment variable "
                         + KsmAdmin.PASSWORD_VARIABLE + ";",
                 "the HSM PIN or passphrase from " + HsmOptions.PIN_VARIABLE + " or a prompt." })
public final class KsmAdmin implements Runnable {

    /** The environment variable holding the database password (never an option: argv is visible to everyone). */
    public static final String PASSWORD_VARIABLE = "KSM_DB_PASSWORD";

    public static final int EXIT_OK = 0;
    public static final int EXIT_USER_ERROR = 1;
    public static final int EXIT_FAILURE = 2;
    /** {@code audit verify}: the audit trail's MAC chain is broken. */
    public static final int EXIT_TAMPERED = 3;
    /** {@code reencrypt}: values an older scheme wrote remain (limit of batches reached): run it again. */
    public static final int EXIT_ROWS_REMAIN = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Directory of the embedded database (ksm.mv.db) and its key file (ksm.key)."
                          + " Default: ~/.camel-ksm")
    private Path home;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "JDBC URL of the database (H2 or PostgreSQL). Default: the embedded H2 database in --home.")
    private String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", scope = ScopeType.INHERIT,
            description = "Database user. The password comes from the environment variable " + PASSWORD_VARIABLE
                          + ".")
    private String dbUser;

    @Option(names = "--key-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The AES-256 key file that encrypts secrets at rest. Default: ksm.key in --home.")
    private Path keyFile;

    @Option(names = "--db-connection-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            converter = DurationConverter.class,
            description = "How long to wait for a database connection before failing (e.g. 500ms, 5s; at least"
                          + " 250ms). Default: 5s.")
    private Duration dbConnectionTimeout = DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT;

    @Option(names = "--db-schema", paramLabel = "SCHEMA", scope = ScopeType.INHERIT,
            description = "The schema of camel-ksm's tables, as the component's databaseSchema option names it (e.g."
                          + " ksm when the application's DataSource holds them). Default: the connection's default"
                          + " schema.")
    private String dbSchema;

    @Option(names = "--no-migrate", scope = ScopeType.INHERIT,
            description = "Do not create or migrate the database schema, only check that it is up to date: for a"
                          + " database role that may not change the schema (the schema owner's role migrates).")
    private boolean noMigrate;

    // global, not only on scheme ...: every command that reads or writes a value of a SERVER scheme needs its key file
    @Option(names = "--scheme-key-directory", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Directory of the SERVER encryption schemes' key files (<scheme>.key), as the component's"
                          + " schemeKeyDirectory option names it. Default: the key file's directory.")
    private Path schemeKeyDirectory;

    @Mixin
    private SchemeHsmOptions schemeHsm = new SchemeHsmOptions();

    private final SecretSource secrets;
    private final Map<String, String> environment;

    /** Reads secrets from the terminal or standard input, and the database password from the real environment. */
    public KsmAdmin() {
        this(SecretSource.system(), System.getenv());
    }

    /**
     * @param secrets     where secret values come from
     * @param environment the environment variables to read {@value #PASSWORD_VARIABLE} from
     */
    public KsmAdmin(SecretSource secrets, Map<String, String> environment) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(commandLine(new KsmAdmin()).execute(args));
    }

    /** A command line for the given application, with camel-ksm's error reporting and exit codes installed. */
    public static CommandLine commandLine(KsmAdmin admin) {
        CommandLine commandLine = new CommandLine(admin);
        ErrorReporter errors = new ErrorReporter();
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        withoutDatabaseOptions(commandLine.getSubcommands().get("config"));
        return commandLine;
    }

    /**
     * The config commands do not touch the database: its inherited options would only confuse (--key-file next to
     * --key-alias and --keystore-file).
     */
    private static void withoutDatabaseOptions(CommandLine command) {
        for (OptionSpec option : List.copyOf(command.getCommandSpec().options())) {
            if (option.inherited()) {
                command.getCommandSpec().remove(option);
            }
        }
        command.getSubcommands().values().forEach(KsmAdmin::withoutDatabaseOptions);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: credential, scheme, audit or config");
    }

    SecretSource secrets() {
        return secrets;
    }

    /** An environment variable's value; null when it is not set or empty. */
    String environmentVariable(String name) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The database to work on, from the options, the embedded defaults and the environment. */
    DatabaseSettings databaseSettings() {
        DatabaseSettings base = home != null ? DatabaseSettings.embedded(home) : DatabaseSettings.embeddedDefaults();
        String password = environment.get(PASSWORD_VARIABLE);
        if (dbConnectionTimeout.compareTo(DatabaseSettings.MIN_CONNECTION_TIMEOUT) < 0) {
            throw new ParameterException(spec.commandLine(), "--db-connection-timeout must be at least "
                                                             + DatabaseSettings.MIN_CONNECTION_TIMEOUT.toMillis()
                                                             + "ms, got " + dbConnectionTimeout.toMillis() + "ms");
        }
        try {
            return new DatabaseSettings(dbUrl != null ? dbUrl.strip() : base.jdbcUrl(), dbUser,
                    password == null || password.isEmpty() ? null : Secret.of(password),
                    keyFile != null ? keyFile.toAbsolutePath() : base.keyFile(), dbConnectionTimeout, !noMigrate,
                    null, dbSchema);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--db-schema: " + e.getMessage());
        }
    }

    AdminSession openSession() {
        return AdminSession.open(databaseSettings(), new SchemeSettings(
                schemeKeyDirectory == null ? null : schemeKeyDirectory.toAbsolutePath(), schemeHsmSettings()));
    }

    /** Whether {@code --scheme-hsm-*} name an HSM key (checked before anything asks for its PIN). */
    boolean schemeHsmGiven() {
        return schemeHsm.given();
    }

    /** The HSM key of encryption schemes with key location HSM ({@code --scheme-hsm-*}), or null. */
    HsmKeySettings schemeHsmSettings() {
        return schemeHsm.settings(this);
    }
}
