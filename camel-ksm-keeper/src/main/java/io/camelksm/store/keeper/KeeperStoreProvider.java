package io.camelksm.store.keeper;

import java.time.Clock;

import io.camelksm.runtime.KeeperSettings;
import io.camelksm.runtime.SecretStoreProvider;
import io.camelksm.runtime.StoreKind;

/** {@code store=keeper}: found by the runtime through {@link java.util.ServiceLoader} when this module is on the class path. */
public final class KeeperStoreProvider implements SecretStoreProvider {

    @Override
    public StoreKind kind() {
        return StoreKind.KEEPER;
    }

    @Override
    public Session prepare(KeeperSettings settings, Clock clock) {
        return new KeeperStoreFactory(settings, clock);
    }
}
