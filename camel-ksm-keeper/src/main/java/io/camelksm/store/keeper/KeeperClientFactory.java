package io.camelksm.store.keeper;

import com.keepersecurity.secretsManager.core.KeyValueStorage;

import io.camelksm.store.keeper.KeeperClient;

/**
 * Makes the Keeper client on the HSM-encrypted client config that the {@code ksm} component opened ({@code store=keeper}).
 * The default is {@link KeeperClient#sdk(KeyValueStorage)}, Keeper's SDK over HTTPS; give another one (a bean, option
 * {@code keeperClientFactory}) to route the SDK through a proxy, or through a fake Keeper service in tests.
 */
@FunctionalInterface
public interface KeeperClientFactory {

    /** The SDK's default transport: HTTPS to the host in the client config. */
    KeeperClientFactory SDK = KeeperClient::sdk;

    /**
     * @param storage the bound client config; the client may write to it (the SDK does, when binding and when Keeper
     *                rotates its key), the component closes what is behind it when it stops
     */
    KeeperClient create(KeyValueStorage storage);
}
