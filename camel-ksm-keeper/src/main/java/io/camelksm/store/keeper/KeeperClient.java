package io.camelksm.store.keeper;

import java.util.List;
import java.util.Set;

import com.keepersecurity.secretsManager.core.EncryptedPayload;
import com.keepersecurity.secretsManager.core.KeeperHttpResponse;
import com.keepersecurity.secretsManager.core.KeyValueStorage;
import com.keepersecurity.secretsManager.core.TransmissionKey;

import io.camelksm.credential.Secret;
import kotlin.jvm.functions.Function3;

/**
 * Our narrow view of Keeper Secrets Manager: fetch records by UID, change a record's password. The store logic only
 * knows this interface; {@link #sdk(KeyValueStorage)} is the implementation on Keeper's official SDK.
 */
public interface KeeperClient extends AutoCloseable {

    /**
     * Fetches the records of these UIDs in one call. Records that do not exist or are not shared with the application
     * are simply absent from the answer. An empty set fetches nothing (it never means "all records").
     *
     * @throws KeeperThrottledException if Keeper throttles this client
     * @throws KeeperStoreException     if Keeper cannot be reached or refuses
     */
    List<KeeperRecordView> fetch(Set<String> recordUids);

    /**
     * Sets the first value of the record's standard {@code password} field, provided the record still has the
     * revision the caller read.
     *
     * @throws KeeperStaleRecordException if the record has another revision now
     * @throws KeeperStoreException       if the record does not exist, has no password field, or Keeper refuses
     */
    void updatePassword(String recordUid, long expectedRevision, Secret newPassword);

    /** Forgets what the client holds; the storage is not closed (its owner closes it). */
    @Override
    default void close() {
    }

    /**
     * The client on Keeper's SDK, talking HTTPS to the host in the storage's config.
     *
     * @param storage the bound client config (e.g. an {@code HsmKeyValueStorage}); it must stay writable, the SDK
     *                rewrites it on key rotation
     */
    static KeeperClient sdk(KeyValueStorage storage) {
        return new SdkKeeperClient(storage, null);
    }

    /**
     * The client on Keeper's SDK with its transport replaced (the SDK's {@code queryFunction}: it receives the URL, the
     * transmission key and the encrypted, signed request, and returns the encrypted answer). For proxies and tests.
     */
    static KeeperClient sdk(KeyValueStorage storage,
                            Function3<String, TransmissionKey, EncryptedPayload, KeeperHttpResponse> transport) {
        return new SdkKeeperClient(storage, transport);
    }
}
