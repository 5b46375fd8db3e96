package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.KsmException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.Secret;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.runtime.Reencryption;
import io.camelksm.runtime.ReencryptionListener;
import io.camelksm.runtime.ReencryptionResult;

/** Re-encryption on an embedded H2 database: batches, resuming, live writes and a second re-encryptor. */
class H2ReencryptionTest {

    private static final int CREDENTIALS = 60;
    /** Each credential holds a password and a secret property. */
    private static final long VALUES = 2L * CREDENTIALS;

    @TempDir
    Path dir;

    private ReencryptionFixture fixture;

    @BeforeEach
    void seed() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/ksm");
        ReencryptionFixture.seed(url, dir, CREDENTIALS);
        fixture = ReencryptionFixture.open(url, dir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void movesEveryValueToTheCurrentSchemeInBatchesAndResumesWhereItStopped() throws Exception {
        Reencryption reencryption = new Reencryption(fixture.reencryptor());
        assertThat(reencryption.outdatedRows()).isEqualTo(VALUES);
        List<ReencryptionResult> progress = new ArrayList<>();

        ReencryptionResult first = reencryption.run(7, 3, progress::add);

        assertThat(first.batches()).isEqualTo(3);
        assertThat(first.rowsDone()).isEqualTo(21);
        assertThat(first.rowsRemaining()).isEqualTo(VALUES - 21);
        assertThat(first.complete()).isFalse();
        assertThat(progress).extracting(ReencryptionResult::rowsDone).containsExactly(7L, 14L, 21L);
        assertThat(progress).extracting(ReencryptionResult::rowsRemaining)
                .containsExactly(VALUES - 7, VALUES - 14, VALUES - 21);
        assertThat(fixture.valuesPerScheme()).containsEntry(ReencryptionFixture.NEW_SCHEME_ID, 21L)
                .containsEntry(KsmDatabase.DEFAULT_SCHEME_ID, VALUES - 21);
        assertEveryCredentialReadsAsSeeded();

        ReencryptionResult rest = new Reencryption(fixture.reencryptor()).run(50, 100, ReencryptionListener.NONE);

        assertThat(rest.rowsDone()).isEqualTo(VALUES - 21);
        // the 39 passwords left, then the 60 properties in 50 + 10: a batch takes its rows from one table
        assertThat(rest.batches()).isEqualTo(3);
        assertThat(rest.complete()).isTrue();
        assertThat(fixture.valuesPerScheme()).containsOnly(Map.entry(ReencryptionFixture.NEW_SCHEME_ID, VALUES));
        assertThat(fixture.rowCounts()).isEqualTo(CREDENTIALS + "/" + 2 * CREDENTIALS + "/" + CREDENTIALS);
        assertEveryCredentialReadsAsSeeded();

        ReencryptionResult again = new Reencryption(fixture.reencryptor()).run(50, 100, ReencryptionListener.NONE);
        assertThat(again.rowsDone()).isZero();
        assertThat(again.batches()).isZero();
        assertThat(again.complete()).isTrue();
    }

    @Test
    void liveUpdatesAndASecondReencryptorLoseNothing() throws Exception {
        ReencryptionRaces.liveUpdatesAndTwoReencryptors(fixture, CREDENTIALS);
    }

    @Test
    void aValueNoSchemeHereCanReadFailsTheBatchByNameAndLeavesItUntouched() throws Exception {
        try (Connection c = fixture.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO encryption_scheme (id, name, algorithm, key_location, available, created_at)"
                            + " VALUES ('elsewhere-1', 'other', 'AES-256-GCM', 'SERVER', TRUE,"
                            + " CURRENT_TIMESTAMP)");
            s.executeUpdate("UPDATE credential_field SET scheme_id = 'elsewhere-1' WHERE field_name = 'password'"
                            + " AND credential_id = (SELECT id FROM credential WHERE name = 'Cred-0')");
        }
        Map<String, Long> before = fixture.valuesPerScheme();

        assertThatThrownBy(() -> new Reencryption(fixture.reencryptor()).run(10, 10, ReencryptionListener.NONE))
                .isInstanceOf(KsmException.class)
                .hasMessageStartingWith("Re-encryption stopped after 0 batches (0 values re-encrypted and committed;")
                .hasMessageContaining("credential 'Cred-0' field 'password'")
                .hasMessageContaining("scheme 'elsewhere-1'")
                .hasMessageNotContaining(ReencryptionFixture.password(0));
        assertThat(fixture.valuesPerScheme()).isEqualTo(before);
    }

    @Test
    void theRuntimeReencryptsItsOwnDatabaseAndFindsNothingOutdatedOnAFreshOne() {
        try (KsmRuntime runtime = KsmRuntime.open(KsmSettings.builder()
                .database(DatabaseSettings.embedded(dir.resolve("fresh"))).build())) {
            runtime.credentials().store().create(ReencryptionFixture.credential(1));
            ReencryptionResult result = runtime.reencryption().run(10, 10, ReencryptionListener.NONE);
            assertThat(result.rowsDone()).isZero();
            assertThat(result.complete()).isTrue();
        }
    }

    @Test
    void refusesABatchSizeOrIterationLimitBelowOne() {
        Reencryption reencryption = new Reencryption(fixture.reencryptor());
        assertThatThrownBy(() -> reencryption.run(0, 1, ReencryptionListener.NONE))
                .hasMessage("The batch size must be at least 1, was 0");
        assertThatThrownBy(() -> reencryption.run(1, 0, ReencryptionListener.NONE))
                .hasMessage("The maximum number of iterations must be at least 1, was 0");
    }

    private void assertEveryCredentialReadsAsSeeded() {
        CredentialStore store = fixture.credentials();
        for (int i = 0; i < CREDENTIALS; i++) {
            Credential read = store.find(CredentialName.of("Cred-" + i)).orElseThrow();
            assertThat(read.secret(CredentialField.PASSWORD).orElseThrow().reveal())
                    .isEqualTo(ReencryptionFixture.password(i));
            CredentialProperty apiKey = read.properties().get("apiKey");
            assertThat(apiKey.value().reveal()).isEqualTo(ReencryptionFixture.apiKey(i));
        }
    }
}
