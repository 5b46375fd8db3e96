package io.camelksm.cli;

import io.camelksm.runtime.ReencryptionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reencrypt [--batch-size N] [--max-iterations M]}: moves stored secrets to the current default scheme. */
@Command(name = "reencrypt", mixinStandardHelpOptions = true, versionProvider = KsmAdminVersion.class,
         description = "Re-encrypts every stored secret value that an older encryption scheme wrote with the current"
                       + " default scheme, in batches of one transaction each. Safe beside running nodes and beside"
                       + " a second reencrypt; resumable: stopped or killed, the next run continues where it stopped."
                       + " Shows a progress bar on a terminal, progress lines otherwise, and a summary.%n"
                       + "Exit code 0: nothing remains; " + KsmAdmin.EXIT_ROWS_REMAIN + ": rows remain (the"
                       + " --max-iterations limit was reached, or live writes raced it): run it again; 1 user error;"
                       + " 2 failure (database down, a value no scheme here can decrypt); what was committed before"
                       + " stays done.")
final class ReencryptCommand extends AdminCommand {

    static final int DEFAULT_BATCH_SIZE = 1000;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + DEFAULT_BATCH_SIZE,
            description = "Values per batch (transaction). Default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--max-iterations", paramLabel = "M", defaultValue = "" + Integer.MAX_VALUE,
            description = "Batches at most in this run. Default: until nothing remains")
    int maxIterations;

    private boolean rowsRemain;

    @Override
    void execute() {
        if (batchSize < 1) {
            throw new UserInputException("--batch-size must be at least 1, was " + batchSize);
        }
        if (maxIterations < 1) {
            throw new UserInputException("--max-iterations must be at least 1, was " + maxIterations);
        }
        ReencryptionProgress progress = new ReencryptionProgress(out(), System.console() != null);
        ReencryptionResult result;
        try (AdminSession session = application().openSession()) {
            result = session.reencryption().run(batchSize, maxIterations, progress);
        } finally {
            progress.finish();
        }
        out().println(ReencryptionProgress.summary(result));
        rowsRemain = !result.complete();
    }

    @Override
    int exitCode() {
        return rowsRemain ? KsmAdmin.EXIT_ROWS_REMAIN : KsmAdmin.EXIT_OK;
    }
}
