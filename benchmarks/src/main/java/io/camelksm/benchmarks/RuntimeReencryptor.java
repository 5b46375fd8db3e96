package io.camelksm.benchmarks;

import io.camelksm.runtime.Reencryption;
import io.camelksm.runtime.ReencryptionResult;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * camel-ksm's own re-encryption, {@link Reencryption} over the data set's database (what
 * {@code KsmRuntime.reencryption()} and {@code ksm-admin reencrypt} use): each call makes the other of the data set's
 * two schemes the default and runs until no value is left on an older scheme.
 */
final class RuntimeReencryptor implements Reencryptor {

    private final ReencryptionDataSet data;
    private final Reencryption reencryption;

    RuntimeReencryptor(ReencryptionDataSet data) {
        this.data = data;
        this.reencryption = new Reencryption(data.database().reencryptor());
    }

    @Override
    public long reencryptToNextScheme(int batchSize) {
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

    @Override
    public String currentSchemeId() {
        return data.currentSchemeId();
    }
}
