package io.camelksm.runtime;

import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.KsmException;
import io.camelksm.store.jdbc.JdbcReencryptor;

/**
 * Forced re-encryption of the database's stored secrets: every value an older scheme wrote is moved to the current
 * default scheme, in batches of one transaction each. Idempotent and resumable: a run stopped (limit of batches,
 * crash, database outage) leaves each value either old or new and readable, and the next run continues with what is
 * left. Safe beside live writes and beside a second re-encryptor (see {@link JdbcReencryptor}). Obtained from
 * {@link KsmRuntime#reencryption()}.
 */
public final class Reencryption {

    private static final Logger LOG = LoggerFactory.getLogger(Reencryption.class);

    private final JdbcReencryptor reencryptor;

    public Reencryption(JdbcReencryptor reencryptor) {
        this.reencryptor = Objects.requireNonNull(reencryptor, "reencryptor");
    }

    /** How many stored values an older scheme wrote. */
    public long outdatedRows() {
        return reencryptor.countOutdated();
    }

    /**
     * Re-encrypts until nothing is left or {@code maxIterations} batches were committed.
     *
     * @param batchSize     values per batch (transaction), at least 1
     * @param maxIterations batches at most in this run, at least 1
     * @throws KsmException when the database fails or a value cannot be decrypted, saying how many batches and values
     *                       were committed before (they stay done)
     */
    public ReencryptionResult run(int batchSize, int maxIterations, ReencryptionListener listener) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, was " + batchSize);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("The maximum number of iterations must be at least 1, was "
                                               + maxIterations);
        }
        Objects.requireNonNull(listener, "listener");
        long start = System.nanoTime();
        long outdatedAtStart = reencryptor.countOutdated();
        LOG.info("Re-encrypting {} values to scheme '{}' (batches of {}, at most {})", outdatedAtStart,
                 reencryptor.currentSchemeId(), batchSize, maxIterations);
        long done = 0;
        int batches = 0;
        while (batches < maxIterations) {
            JdbcReencryptor.Batch batch;
            try {
                batch = reencryptor.reencryptBatch(batchSize);
            } catch (KsmException e) {
                throw new KsmException("Re-encryption stopped after " + batches + " batches (" + done + " values"
                                       + " re-encrypted and committed; the next run continues from there): "
                                       + e.getMessage(), e);
            }
            if (batch.rowsRead() == 0) {
                break;
            }
            batches++;
            done += batch.rowsReencrypted();
            listener.batchDone(new ReencryptionResult(done, Math.max(0, outdatedAtStart - done), batches,
                    elapsedSince(start)));
        }
        ReencryptionResult result = new ReencryptionResult(done, reencryptor.countOutdated(), batches,
                elapsedSince(start));
        LOG.info("Re-encrypted {} values in {} batches; {} remain", result.rowsDone(), result.batches(),
                 result.rowsRemaining());
        return result;
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
