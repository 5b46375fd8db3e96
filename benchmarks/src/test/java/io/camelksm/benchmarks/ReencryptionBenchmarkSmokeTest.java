package io.camelksm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.credential.CredentialField;
import io.camelksm.credential.Secret;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * The re-encryption benchmark's harness on a small embedded H2 data set (the benchmark itself runs on PostgreSQL with
 * {@code benchmarks/run-reencryption.sh}): every run makes the other scheme the default and moves every value to it with {@code runtime.Reencryption}, the values still decrypt
 * to what was seeded, and the store itself reads them once they are back on its default scheme.
 */
class ReencryptionBenchmarkSmokeTest {

    @TempDir
    Path dir;

    @Test
    void reencryptsEveryValueBackAndForthAndTheStoreStillReadsThem() throws Exception {
        try (ReencryptionDataSet data = new ReencryptionDataSet("jdbc:h2:file:" + dir.resolve("db/ksm"),
                dir.resolve("ksm.key"))) {
            RuntimeReencryptor reencryptor = new RuntimeReencryptor(data);
            data.seedUpTo(250);

            assertThat(reencryptor.reencryptToNextScheme(100)).isEqualTo(250);
            assertThat(reencryptor.currentSchemeId()).isEqualTo(ReencryptionDataSet.SECOND_SCHEME);
            assertThat(data.checkAll(ReencryptionDataSet.SECOND_SCHEME))
                    .isEqualTo(new ReencryptionDataSet.Check(250, 0, 0));

            data.seedUpTo(300); // 50 more, written with the current scheme (the second one)
            assertThat(reencryptor.reencryptToNextScheme(7)).isEqualTo(300);
            assertThat(data.checkAll(KsmDatabase.DEFAULT_SCHEME_ID))
                    .isEqualTo(new ReencryptionDataSet.Check(300, 0, 0));
            for (int index : new int[] {0, 149, 299}) {
                Secret password = data.database().credentials().find(ReencryptionDataSet.name(index)).orElseThrow()
                        .secret(CredentialField.PASSWORD).orElseThrow();
                assertThat(password.reveal()).isEqualTo(data.expectedPassword(index));
            }
        }
    }

    @Test
    void theDriverMeasuresEveryPhaseAndChecksTheValuesAtTheEnd() throws Exception {
        try (ReencryptionDataSet data = new ReencryptionDataSet("jdbc:h2:file:" + dir.resolve("db/ksm"),
                dir.resolve("ksm.key"));
             Connection floor = data.connection()) {
            String report = new ReencryptionBenchmark(data, new RuntimeReencryptor(data), floor)
                    .run(100, 400, new int[] {100, 1000}, "jdbc:postgresql://example.invalid:5432/x?user=u");

            assertThat(report)
                    .contains("re-encryption                  |      400 |    100 |      400 |")
                    .contains("re-encryption                  |      400 |   1000 |      400 |")
                    .contains("floor: one plain UPDATE        |      400 |    all |      400 |")
                    .contains("After the runs: 400 rows, 0 wrong values, 0 on another scheme.")
                    .contains("PostgreSQL example.invalid:5432;").doesNotContain("user=u");
        }
    }
}
