package io.camelksm.store.keeper;

import static io.camelksm.store.keeper.KeeperTestSupport.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.credential.StaleCredentialException;
import io.camelksm.testsupport.LogCapture;
import io.camelksm.testsupport.TestClock;

/** Writes: create and delete are refused; a password change goes to Keeper through the SDK's updateSecret. */
class KeeperPasswordUpdateTest {

    private final FakeKeeperBackend keeper = new FakeKeeperBackend();
    private final TestClock clock = new TestClock();
    private KeeperCredentialStore store;
    private String uid;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private KeeperCredentialStore store(boolean passwordUpdates) {
        uid = keeper.add(FakeRecord.login("Portal", "rpa-user", "old-password").custom("text", "site", "eu"));
        store = KeeperTestSupport.store(keeper, KeeperStoreSettings.builder().credential("portal", uid)
                .credential("portal-token", "keeper://" + uid + "/field/password")
                .passwordUpdates(passwordUpdates).ttl(Duration.ofMinutes(5)).build(), clock);
        return store;
    }

    private static Credential withPassword(Credential c, String password) {
        return c.toBuilder().secret(CredentialField.PASSWORD, Secret.of(password)).build();
    }

    @Test
    void readOnlyByDefault() {
        store(false);
        assertThat(store.isWritable()).isFalse();
        Credential current = find(store, "portal");
        assertThatThrownBy(() -> store.update(withPassword(current, "new")))
                .isInstanceOf(KeeperStoreException.class).hasMessageContaining("Keeper store is read-only here")
                .hasMessageContaining("keeper.password-updates=true");
        assertThat(keeper.updateCalls()).isZero();
    }

    @Test
    void createAndDeleteAreAlwaysRefused() {
        store(true);
        Credential fresh = Credential.builder("new", CredentialType.BASIC).value(CredentialField.USERNAME, "u")
                .value(CredentialField.PASSWORD, "p").build();
        assertThatThrownBy(() -> store.create(fresh)).isInstanceOf(KeeperStoreException.class)
                .hasMessageContaining("Keeper store is read-only here").hasMessageContaining("'new'");
        assertThatThrownBy(() -> store.delete(CredentialName.of("portal"))).isInstanceOf(KeeperStoreException.class)
                .hasMessageContaining("Keeper store is read-only here");
        assertThat(store.delete(CredentialName.of("unmapped"))).isFalse();
    }

    @Test
    void passwordChangeGoesToKeeperAndIsServedAtOnce() {
        store(true);
        assertThat(store.isWritable()).isTrue();
        Credential current = find(store, "portal");
        long revision = current.version();

        Credential updated;
        try (LogCapture logs = new LogCapture()) {
            updated = store.update(withPassword(current, "new-password"));
            assertThat(logs.text()).contains("Wrote a new value to Keeper record '" + uid + "' (credential 'portal')")
                    .doesNotContain("new-password").doesNotContain("old-password");
        }

        assertThat(keeper.updateCalls()).isEqualTo(1);
        assertThat(keeper.recordJson(uid)).contains("new-password").doesNotContain("old-password")
                .contains("rpa-user").contains("\"site\"");
        assertThat(keeper.revision(uid)).isEqualTo(revision + 1);
        assertThat(updated.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo("new-password");
        assertThat(updated.version()).isEqualTo(revision + 1);
        assertThat(find(store, "portal-token").secret(CredentialField.TOKEN).orElseThrow().reveal())
                .isEqualTo("new-password");
    }

    @Test
    void changedPasswordIsServedEvenWhenKeeperThrottlesTheReRead() {
        store(true);
        Credential current = find(store, "portal");
        // the update makes three calls: get_secret (revision check), update_secret, get_secret (re-read)
        keeper.failCall(keeper.calls() + 3, 403, "{\"error\":\"throttled\",\"retry_after\":60}");

        Credential updated = store.update(withPassword(current, "rotated"));

        assertThat(keeper.updateCalls()).isEqualTo(1);
        assertThat(store.statistics().throttled()).isEqualTo(1);
        assertThat(updated.secret(CredentialField.PASSWORD).orElseThrow().reveal())
                .as("written through to the cache: not the old password").isEqualTo("rotated");
        assertThat(find(store, "portal-token").secret(CredentialField.TOKEN).orElseThrow().reveal())
                .isEqualTo("rotated");
    }

    @Test
    void tokenFromThePasswordFieldCanBeRotatedToo() {
        store(true);
        Credential token = find(store, "portal-token");
        Credential updated = store.update(token.toBuilder().secret(CredentialField.TOKEN, Secret.of("tok-2")).build());
        assertThat(updated.secret(CredentialField.TOKEN).orElseThrow().reveal()).isEqualTo("tok-2");
        assertThat(keeper.recordJson(uid)).contains("tok-2");
    }

    @Test
    void staleVersionIsRefused() {
        store(true);
        Credential current = find(store, "portal");
        keeper.put(uid, FakeRecord.login("Portal", "rpa-user", "changed-in-keeper").custom("text", "site", "eu"));

        assertThatThrownBy(() -> store.update(withPassword(current, "mine")))
                .isInstanceOf(StaleCredentialException.class).hasMessageContaining("'portal'")
                .hasMessageContaining("expected version " + current.version());
        assertThat(keeper.updateCalls()).isZero();
        assertThat(find(store, "portal").secret(CredentialField.PASSWORD).orElseThrow().reveal())
                .as("the stale cache was dropped").isEqualTo("changed-in-keeper");
    }

    @Test
    void otherChangesAreRefusedNamingThem() {
        store(true);
        Credential current = find(store, "portal");
        Credential changed = current.toBuilder().field(CredentialField.USERNAME, "other-user")
                .secret(CredentialField.PASSWORD, Secret.of("p2"))
                .property(CredentialProperty.plain("site", "us")).build();

        assertThatThrownBy(() -> store.update(changed)).isInstanceOf(KeeperStoreException.class)
                .hasMessageContaining("changes only the password").hasMessageContaining("username")
                .hasMessageContaining("properties").hasMessageNotContaining("p2").hasMessageNotContaining("other-user'");
        assertThat(keeper.updateCalls()).isZero();
    }

    @Test
    void unchangedCredentialMakesNoCall() {
        store(true);
        Credential current = find(store, "portal");
        store.update(current);
        assertThat(keeper.updateCalls()).isZero();
    }

    @Test
    void unmappedNameIsNotFound() {
        store(true);
        Credential other = Credential.builder("unmapped", CredentialType.BEARER).value(CredentialField.TOKEN, "t")
                .build();
        assertThatThrownBy(() -> store.update(other)).isInstanceOf(CredentialNotFoundException.class);
    }
}
