package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.Secret;
import io.camelksm.runtime.Reencryption;
import io.camelksm.runtime.ReencryptionListener;
import io.camelksm.runtime.ReencryptionResult;

/** Two re-encryptors (two nodes) and a writer updating every third credential at once, on any database. */
final class ReencryptionRaces {

    private ReencryptionRaces() {
    }

    static void liveUpdatesAndTwoReencryptors(ReencryptionFixture fixture, int credentials) throws Exception {
        long values = 2L * credentials;
        CredentialStore live = fixture.credentials();
        Map<Integer, String> updatedPasswords = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<ReencryptionResult> nodeA = threads.submit(
                    () -> new Reencryption(fixture.reencryptor()).run(5, 100_000, ReencryptionListener.NONE));
            Future<ReencryptionResult> nodeB = threads.submit(
                    () -> new Reencryption(fixture.reencryptor()).run(5, 100_000, ReencryptionListener.NONE));
            Future<?> writer = threads.submit(() -> {
                for (int i = 0; i < credentials; i += 3) {
                    Credential current = live.find(CredentialName.of("Cred-" + i)).orElseThrow();
                    String password = "changed-" + i;
                    live.update(current.toBuilder().secret(CredentialField.PASSWORD, Secret.of(password)).build());
                    updatedPasswords.put(i, password);
                }
                return null;
            });
            writer.get();
            ReencryptionResult a = nodeA.get();
            ReencryptionResult b = nodeB.get();
            // a value re-encrypted by one node, or rewritten by the writer, is not counted again by the other
            assertThat(a.rowsDone() + b.rowsDone()).isLessThanOrEqualTo(values);
        } finally {
            threads.shutdownNow();
        }
        new Reencryption(fixture.reencryptor()).run(100, 100, ReencryptionListener.NONE);

        assertThat(fixture.valuesPerScheme()).containsOnly(Map.entry(ReencryptionFixture.NEW_SCHEME_ID, values));
        assertThat(updatedPasswords).hasSize((credentials + 2) / 3);
        for (int i = 0; i < credentials; i++) {
            Credential read = live.find(CredentialName.of("Cred-" + i)).orElseThrow();
            assertThat(read.secret(CredentialField.PASSWORD).orElseThrow().reveal())
                    .as("password of Cred-%d", i)
                    .isEqualTo(updatedPasswords.getOrDefault(i, ReencryptionFixture.password(i)));
            assertThat(read.properties().get("apiKey").value().reveal()).isEqualTo(ReencryptionFixture.apiKey(i));
        }
    }
}
