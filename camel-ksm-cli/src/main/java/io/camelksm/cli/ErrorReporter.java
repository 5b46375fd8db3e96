package io.camelksm.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialUnavailableException;
import io.camelksm.credential.DuplicateCredentialException;
import io.camelksm.credential.StaleCredentialException;
import io.camelksm.hsm.InvalidConfigFileException;
import io.camelksm.store.jdbc.EncryptionSchemeRefusedException;
import io.camelksm.hsm.InvalidConfigJsonException;
import io.camelksm.hsm.PlaintextConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns errors into one clear line on standard error and an exit code: 1 for what the operator can fix (bad input,
 * unknown or duplicate credential, concurrent change, a config file that is not a valid encrypted config), 2 for
 * failures (database, HSM: wrong PIN, missing key, HSM unreachable; I/O, anything unexpected).
 *
 * <p>
 * Unmatched arguments are not echoed: a mistyped option could be carrying a secret ({@code --passwd=...}).
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = ex instanceof UnmatchedArgumentException unmatched ? describeUnmatched(unmatched)
                : ex.getMessage();
        err.println(cmd.getColorScheme().errorText("ksm-admin: " + message));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return KsmAdmin.EXIT_USER_ERROR;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean userError = isUserError(ex);
        err.println(cmd.getColorScheme().errorText(
                "ksm-admin: " + (userError ? ex.getMessage() : "failed: " + describeFailure(ex))));
        err.flush();
        return userError ? KsmAdmin.EXIT_USER_ERROR : KsmAdmin.EXIT_FAILURE;
    }

    static boolean isUserError(Throwable ex) {
        return ex instanceof UserInputException || ex instanceof IllegalArgumentException
               || ex instanceof CredentialNotFoundException || ex instanceof DuplicateCredentialException
               || ex instanceof StaleCredentialException || ex instanceof CredentialUnavailableException
               || ex instanceof KsmAccessDeniedException || ex instanceof EncryptionSchemeRefusedException
               // the config file's content, not the HSM, is wrong (a key mismatch is an InvalidConfigFileException)
               || ex instanceof InvalidConfigFileException || ex instanceof InvalidConfigJsonException
               || ex instanceof PlaintextConfigException;
    }

    /** The messages of the exception and its causes, so "cannot open the database" comes with its reason. */
    static String describeFailure(Throwable ex) {
        List<String> parts = new ArrayList<>();
        Throwable t = ex;
        for (int depth = 0; t != null && depth < 6; depth++, t = t.getCause() == t ? null : t.getCause()) {
            String text = t.getMessage() == null ? "" : t.getMessage().strip();
            if (!text.isEmpty() && parts.stream().anyMatch(p -> p.contains(text))) {
                continue; // a wrapper repeating its cause's message
            }
            // our own exceptions have self-explaining messages; name the type of everything else
            parts.add(isOurs(t) && !text.isEmpty() ? text
                    : t.getClass().getSimpleName() + (text.isEmpty() ? "" : ": " + text));
        }
        return String.join("; caused by: ", parts);
    }

    private static boolean isOurs(Throwable t) {
        return t.getClass().getName().startsWith("io.camelksm.");
    }

    private static String describeUnmatched(UnmatchedArgumentException ex) {
        List<String> options = new ArrayList<>();
        int others = 0;
        for (String arg : ex.getUnmatched()) {
            if (arg.startsWith("-")) {
                int eq = arg.indexOf('=');
                options.add("'" + (eq < 0 ? arg : arg.substring(0, eq) + "=…") + "'");
            } else {
                others++;
            }
        }
        List<String> parts = new ArrayList<>();
        if (!options.isEmpty()) {
            parts.add((options.size() == 1 ? "Unknown option " : "Unknown options ") + String.join(", ", options));
        }
        if (others > 0) {
            parts.add(others + " unexpected argument" + (others == 1 ? "" : "s")
                      + " (not shown, in case it is a secret)");
        }
        return String.join("; ", parts);
    }
}
