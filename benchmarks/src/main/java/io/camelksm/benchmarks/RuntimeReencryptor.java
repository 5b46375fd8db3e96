package io.camelksm.benchmarks;

import io.camelksm.runtime.Reencryption;
import io.camelksm.runtime.ReencryptionResult;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * What the re-encryption benchmark measures: camel-ksm's own re-encryption, {@link Reencryption} over the data set's
 * database (what {@code KsmRuntime.reencryption()} and {@code ksm-admin reencrypt} use). Each call makes the other of
 * the data set's two schemes the default and runs until no value is left on an older scheme, so the same data set can
 * be re-encrypted again with the next batch size.
 */
final class RuntimeReencryptor {

    private final ReencryptionDataSet data;
    private final Reencryption reencryption;

    RuntimeReencryptor(ReencryptionDataSet data) {
        this.data = data;
        this.reencryption = new Reencryption(data.database().reencryptor());
    }

    /** Makes the next scheme the default and re-encrypts every value to it; returns the rows re-encrypted. */
    long reencryptToNextScheme(int batchSize) {
        String next = data.currentSchemeId().equals(KsmDatabase.DEFAULT_SCHEME_ID)
                ? ReencryptionDataSet.SECOND_SCHEME : KsmDatabase.DEFAULT_SCHEME_ID;
        data.database().schemes().setDefault(next);
        ReencryptionResult result = reencryption.run(batchSize, Integer.MAX_VALUE, progress -> {
        });
        if (result.rowsRemaining() != 0) {
            throw new IllegalStateException("Re-encryption to '" + next + "' left " + result.rowsRemaining()
                                            + " values");
        }
        return result.rowsDone();
    }

    /** The scheme every value should have after the last call. */
    String currentSchemeId() {
        return data.currentSchemeId();
    }
}
