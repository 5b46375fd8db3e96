package io.camelksm.runtime;

import java.time.Duration;

/**
 * What a re-encryption run did, or how far it is (passed to {@link ReencryptionListener} after each batch).
 *
 * @param rowsDone      values this run re-encrypted
 * @param rowsRemaining values an older scheme still holds: counted at the end of a run; during a run an estimate
 *                      (the count at the start minus the rows done), as live writes also move values
 * @param batches       batches (transactions) this run committed
 * @param elapsed       time since the run started
 */
public record ReencryptionResult(long rowsDone, long rowsRemaining, int batches, Duration elapsed) {

    /** Whether every stored value is encrypted with the current scheme. */
    public boolean complete() {
        return rowsRemaining == 0;
    }

    /** Rows re-encrypted per second so far (0 before the first millisecond). */
    public double rowsPerSecond() {
        long millis = elapsed.toMillis();
        return millis == 0 ? 0 : rowsDone * 1000.0 / millis;
    }
}
