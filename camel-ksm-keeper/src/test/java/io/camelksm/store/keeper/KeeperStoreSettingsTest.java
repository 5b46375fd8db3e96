package io.camelksm.store.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;

/** The keeper.* configuration: credential mappings and cache options. */
class KeeperStoreSettingsTest {

    private static final String A = "9UoR7lVRv2ZtsUNgmyMarg";
    private static final String B = "Ue8h6JyWUs7Iu6eY_mha-w";

    @Test
    void credentialsAndOptionsFromProperties() {
        KeeperStoreSettings s = KeeperStoreSettings.fromProperties(Map.of(
                "keeper.credentials.servicenow", A,
                "keeper.credentials.sap gui", "keeper://" + B,
                "keeper.credentials.sap gui.type", "general",
                "keeper.credentials.github.token", "keeper://" + B + "/custom_field/token",
                "keeper.cache.ttl", "2m",
                "keeper.cache.max-stale", "PT12H",
                "keeper.throttle.backoff", "90s",
                "keeper.failure.backoff", "500ms",
                "keeper.password-updates", "true",
                "camel.other", "ignored"));

        assertThat(s.credentials().keySet()).containsExactly(CredentialName.of("github.token"),
                CredentialName.of("sap gui"), CredentialName.of("servicenow"));
        assertThat(s.credentials().get(CredentialName.of("SAP GUI")).type()).isEqualTo(CredentialType.GENERAL);
        assertThat(s.credentials().get(CredentialName.of("servicenow")).ref()).isEqualTo(KeeperRecordRef.record(A));
        assertThat(s.credentials().get(CredentialName.of("github.token")).ref().selector().name()).isEqualTo("token");
        assertThat(s.recordUids()).containsExactlyInAnyOrder(A, B);
        assertThat(s.ttl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.maxStale()).isEqualTo(Duration.ofHours(12));
        assertThat(s.throttleBackoff()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.failureBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.passwordUpdates()).isTrue();
    }

    @Test
    void defaults() {
        Properties p = new Properties();
        p.setProperty("keeper.credentials.x", A);
        KeeperStoreSettings s = KeeperStoreSettings.fromProperties(p);
        assertThat(s.ttl()).isEqualTo(KeeperStoreSettings.DEFAULT_TTL);
        assertThat(s.maxStale()).isEqualTo(Duration.ofHours(24));
        assertThat(s.throttleBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.failureBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.passwordUpdates()).isFalse();
    }

    @Test
    void badConfigurationNamesTheKey() {
        assertThatThrownBy(() -> KeeperStoreSettings.fromProperties(Map.of("keeper.credentials.x", "My Title")))
                .hasMessageStartingWith("keeper.credentials.x: ").hasMessageContaining("not by title");
        assertThatThrownBy(() -> KeeperStoreSettings.fromProperties(Map.of("keeper.credentials.x", A,
                "keeper.credentials.x.type", "kerberos")))
                .hasMessageStartingWith("keeper.credentials.x.type: ").hasMessageContaining("Unknown credential type");
        assertThatThrownBy(() -> KeeperStoreSettings.fromProperties(Map.of("keeper.credentials.x.type", "BASIC")))
                .hasMessageContaining("keeper.credentials.x (the record UID) is not");
        assertThatThrownBy(() -> KeeperStoreSettings.fromProperties(Map.of("keeper.cache.tll", "5m")))
                .hasMessageContaining("Unknown Keeper store option 'keeper.cache.tll'");
        assertThatThrownBy(() -> KeeperStoreSettings.fromProperties(Map.of("keeper.cache.ttl", "five minutes")))
                .hasMessageContaining("keeper.cache.ttl='five minutes' is not a duration");
        assertThatThrownBy(() -> KeeperStoreSettings.fromProperties(Map.of("keeper.cache.ttl", "0s")))
                .hasMessageContaining("keeper.cache.ttl must be positive");
        assertThatThrownBy(() -> KeeperStoreSettings.fromProperties(Map.of("keeper.cache.ttl", "2h",
                "keeper.cache.max-stale", "1h"))).hasMessageContaining("must not be shorter than keeper.cache.ttl");
        assertThatThrownBy(() -> KeeperStoreSettings.fromProperties(Map.of("keeper.password-updates", "yes")))
                .hasMessageContaining("is not true or false");
        assertThatThrownBy(() -> KeeperStoreSettings.fromProperties(Map.of("keeper.credentials.x",
                "keeper://" + A + "/field/password", "keeper.credentials.x.type", "BASIC")))
                .hasMessageContaining("selects one value, which makes a BEARER credential, not BASIC");
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        assertThatThrownBy(() -> KeeperStoreSettings.builder().credential("Bot", A).credential("bot", B))
                .hasMessageContaining("'bot' is mapped twice");
    }
}
