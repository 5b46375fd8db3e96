package io.camelksm.store.keeper;

import java.time.Clock;

import com.keepersecurity.secretsManager.core.InMemoryStorage;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;
import io.camelksm.testsupport.TestClock;

/** Builds the real stack on the fake backend: SDK with the fake as transport, our client, the store. */
final class KeeperTestSupport {

    private KeeperTestSupport() {
    }

    /** A store on a client config bound to the backend (SDK's InMemoryStorage). */
    static KeeperCredentialStore store(FakeKeeperBackend backend, KeeperStoreSettings settings, Clock clock) {
        InMemoryStorage storage = new InMemoryStorage();
        backend.writeBoundConfig(storage);
        return new KeeperCredentialStore(KeeperClient.sdk(storage, backend.transport()), settings, clock);
    }

    static KeeperCredentialStore store(FakeKeeperBackend backend, KeeperStoreSettings settings) {
        return store(backend, settings, new TestClock());
    }

    static Credential find(KeeperCredentialStore store, String name) {
        return store.find(CredentialName.of(name)).orElseThrow();
    }
}
