package io.camelksm.runtime;

/** Told after each committed batch of a re-encryption run, on the thread that runs it (for a progress display). */
@FunctionalInterface
public interface ReencryptionListener {

    ReencryptionListener NONE = progress -> { };

    void batchDone(ReencryptionResult progress);
}
