package io.camelksm.store.jdbc;

import java.nio.file.Path;

import io.camelksm.runtime.Reencryption;
import io.camelksm.runtime.ReencryptionResult;

/**
 * The re-encryption process that {@link PostgresReencryptionCrashTest} kills: runs {@link Reencryption} on the
 * fixture's database and prints {@code batch <n> <rows done>} after each committed batch, so the test can kill it
 * at a moment of its choosing. Exit code 0: nothing remains; 3: rows remain; 2: the run failed (message on stderr).
 * Arguments: JDBC URL, fixture directory, batch size.
 */
public final class ReencryptionChild {

    private ReencryptionChild() {
    }

    public static void main(String[] args) {
        try (ReencryptionFixture fixture = ReencryptionFixture.open(args[0], Path.of(args[1]))) {
            ReencryptionResult result = new Reencryption(fixture.reencryptor()).run(Integer.parseInt(args[2]),
                    Integer.MAX_VALUE, progress -> {
                        System.out.println("batch " + progress.batches() + " " + progress.rowsDone());
                        System.out.flush();
                    });
            System.out.println("done " + result.rowsDone() + " remaining " + result.rowsRemaining());
            System.exit(result.complete() ? 0 : 3);
        } catch (RuntimeException e) {
            System.err.println("FAILED: " + e.getMessage());
            System.exit(2);
        }
    }
}
