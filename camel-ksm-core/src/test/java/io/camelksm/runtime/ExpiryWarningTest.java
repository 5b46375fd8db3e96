package io.camelksm.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.governance.CredentialExpiry;
import io.camelksm.governance.ExpiryWatch;
import io.camelksm.testsupport.LogCapture;
import io.camelksm.testsupport.TestClock;

/** The credentials in use, their expiry and the daily warning, on a real embedded database and a test clock. */
class ExpiryWarningTest {

    private static final String NODE = "node-a";
    private static final String PROCESS = "billing";
    private static final Caller ADMIN = new Caller("admin", Set.of(), "ksm-admin", NODE, null);
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant SOON = Instant.parse("2026-12-10T08:00:00Z");
    private static final Instant LATER = Instant.parse("2027-03-01T00:00:00Z");
    private static final CredentialName SOON_NAME = CredentialName.of("Soon");
    private static final CredentialName LATER_NAME = CredentialName.of("Later");
    private static final CredentialName NEVER_NAME = CredentialName.of("Never");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(START);
    private KsmRuntime runtime;

    private void open(KsmSettings.Builder settings) {
        runtime = KsmRuntime.open(settings.embeddedDatabase(dir).auditMode(AuditMode.SYNC).nodeName(NODE).clock(clock)
                .build());
        add("Soon", SOON, "soon-secret");
        add("Later", LATER, "later-secret");
        add("Never", null, "never-secret");
    }

    private void add(String name, Instant expiresAt, String token) {
        runtime.credentials().create(Credential.builder(name, CredentialType.BEARER)
                .secret(CredentialField.TOKEN, Secret.of(token)).expiresAt(expiresAt).build(), ADMIN);
        CredentialName n = CredentialName.of(name);
        runtime.credentials().grant(n, Dimension.ROLE, "*", ADMIN);
        runtime.credentials().grant(n, Dimension.PROCESS, PROCESS, ADMIN);
        runtime.credentials().grant(n, Dimension.RESOURCE, NODE, ADMIN);
    }

    private void readAll() {
        ProcessCredentials process = runtime.forProcess(PROCESS);
        for (CredentialName name : List.of(SOON_NAME, LATER_NAME, NEVER_NAME)) {
            process.field(name, "token");
        }
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void theDefaultWindowIsFourteenDays() {
        assertThat(KsmSettings.defaults().expiryWarning()).isEqualTo(Duration.ofDays(14));
        assertThatThrownBy(() -> KsmSettings.builder().expiryWarning(Duration.ofDays(-1)).build())
                .hasMessageContaining("expiryWarning must not be negative");
    }

    @Test
    void onlyCredentialsInUseWithAnExpiryAreTracked() {
        open(KsmSettings.builder());
        ExpiryWatch watch = runtime.expiries();
        assertThat(watch.inUse()).isEmpty();
        assertThat(watch.warning()).isEqualTo(KsmSettings.DEFAULT_EXPIRY_WARNING);

        runtime.forProcess(PROCESS).field(LATER_NAME, "token");
        assertThat(watch.inUse()).containsExactly(new CredentialExpiry(LATER_NAME, LATER));

        readAll();
        assertThat(watch.inUse()).containsExactly(new CredentialExpiry(SOON_NAME, SOON),
                new CredentialExpiry(LATER_NAME, LATER));
        assertThat(watch.lapsing()).containsExactly(new CredentialExpiry(SOON_NAME, SOON));
        assertThat(watch.daysLeft(SOON_NAME)).isEqualTo(9.0);
        assertThat(watch.daysLeft(NEVER_NAME)).isNaN();

        clock.set(LATER.minus(Duration.ofDays(13)));
        assertThat(watch.lapsing()).extracting(CredentialExpiry::name).containsExactly(SOON_NAME, LATER_NAME);
        assertThat(watch.daysLeft(SOON_NAME)).isNegative();
    }

    @Test
    void aDeletedOrChangedCredentialIsForgottenUntilUsedAgain() {
        open(KsmSettings.builder());
        readAll();
        runtime.credentials().delete(LATER_NAME, ADMIN);
        assertThat(runtime.expiries().inUse()).extracting(CredentialExpiry::name).containsExactly(SOON_NAME);

        Instant renewed = Instant.parse("2027-12-01T00:00:00Z");
        Credential soon = runtime.credentials().inspect(SOON_NAME).orElseThrow();
        runtime.credentials().update(soon.toBuilder().expiresAt(renewed).build(), ADMIN);
        assertThat(runtime.expiries().inUse()).isEmpty();
        runtime.forProcess(PROCESS).field(SOON_NAME, "token");
        assertThat(runtime.expiries().inUse()).containsExactly(new CredentialExpiry(SOON_NAME, renewed));
        assertThat(runtime.expiries().lapsing()).isEmpty();
    }

    @Test
    void warnsOnceADayPerCredentialNamingItsExpiryAndNoSecret() {
        open(KsmSettings.builder().expiryWarning(Duration.ofDays(14)));
        try (LogCapture log = new LogCapture()) {
            readAll();
            readAll();
            clock.advance(Duration.ofHours(23));
            readAll();
            List<String> warnings = log.messages(ExpiryWatch.LOGGER);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("'Soon'", "2026-12-10T08:00:00Z", "9.0 days left");

            clock.advance(Duration.ofHours(1));
            readAll();
            assertThat(log.messages(ExpiryWatch.LOGGER)).hasSize(2).last().asString().contains("8.0 days left");
            assertThat(log.text()).doesNotContain("soon-secret", "later-secret", "never-secret");
        }
    }

    @Test
    void aZeroWindowWarnsNever() {
        open(KsmSettings.builder().expiryWarning(Duration.ZERO));
        try (LogCapture log = new LogCapture()) {
            readAll();
            assertThat(log.messages(ExpiryWatch.LOGGER)).isEmpty();
            assertThat(runtime.expiries().lapsing()).isEmpty();
            assertThat(runtime.expiries().inUse()).hasSize(2);
        }
    }
}
