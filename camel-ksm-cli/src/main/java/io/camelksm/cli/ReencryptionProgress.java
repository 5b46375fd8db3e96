package io.camelksm.cli;

import java.io.PrintWriter;
import java.util.Locale;

import io.camelksm.runtime.ReencryptionListener;
import io.camelksm.runtime.ReencryptionResult;

/**
 * Shows how far {@code ksm-admin reencrypt} is: on a terminal one progress bar redrawn in place, otherwise (a pipe, a
 * log file) a plain line at most every {@value #LINE_EVERY_MILLIS} ms, so a long run does not flood the log.
 */
final class ReencryptionProgress implements ReencryptionListener {

    static final long LINE_EVERY_MILLIS = 2_000;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private long nextLineMillis;
    private boolean barShown;

    ReencryptionProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void batchDone(ReencryptionResult progress) {
        if (terminal) {
            out.print('\r' + bar(progress));
            out.flush();
            barShown = true;
        } else if (progress.elapsed().toMillis() >= nextLineMillis) {
            out.println(line(progress));
            out.flush();
            nextLineMillis = progress.elapsed().toMillis() + LINE_EVERY_MILLIS;
        }
    }

    /** Ends the bar's line, so the summary starts on a line of its own. */
    void finish() {
        if (barShown) {
            out.println();
        }
    }

    /** {@code [###########-------------------]  37% 3,700 done, 6,300 remaining, 12,345 rows/s} */
    static String bar(ReencryptionResult progress) {
        long total = progress.rowsDone() + progress.rowsRemaining();
        int percent = total == 0 ? 100 : (int) (progress.rowsDone() * 100 / total);
        int filled = percent * BAR_WIDTH / 100;
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
               + String.format(Locale.ROOT, "%3d%% ", percent) + counts(progress);
    }

    /** {@code Re-encrypted 3,700 rows in 37 batches, 6,300 remaining, 12,345 rows/s} */
    static String line(ReencryptionResult progress) {
        return String.format(Locale.ROOT, "Re-encrypted %,d rows in %,d batches, %,d remaining, %,.0f rows/s",
                progress.rowsDone(), progress.batches(), progress.rowsRemaining(), progress.rowsPerSecond());
    }

    static String summary(ReencryptionResult result) {
        String done = String.format(Locale.ROOT, "Re-encrypted %,d rows in %,d batches in %.1f s (%,.0f rows/s).",
                result.rowsDone(), result.batches(), result.elapsed().toMillis() / 1000.0, result.rowsPerSecond());
        return done + (result.complete()
                ? " Every stored value is encrypted with the current scheme."
                : String.format(Locale.ROOT, " %,d rows remain: run reencrypt again to continue.",
                        result.rowsRemaining()));
    }

    private static String counts(ReencryptionResult progress) {
        return String.format(Locale.ROOT, "%,d done, %,d remaining, %,.0f rows/s", progress.rowsDone(),
                progress.rowsRemaining(), progress.rowsPerSecond());
    }
}
