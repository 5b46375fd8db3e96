package io.camelksm.benchmarks;

/**
 * What the re-encryption benchmark measures: moving every stored secret to another scheme in batches. Each call makes
 * a different scheme the default and re-encrypts every value to it, so the same data set can be re-encrypted again
 * with the next batch size.
 */
interface Reencryptor {

    /** Makes the next scheme the default and re-encrypts every value to it; returns the rows re-encrypted. */
    long reencryptToNextScheme(int batchSize) throws Exception;

    /** The scheme every value should have after the last call. */
    String currentSchemeId();
}
