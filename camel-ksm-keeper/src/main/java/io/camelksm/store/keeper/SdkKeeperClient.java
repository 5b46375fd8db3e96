package io.camelksm.store.keeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.keepersecurity.secretsManager.core.EncryptedPayload;
import com.keepersecurity.secretsManager.core.KeeperHttpResponse;
import com.keepersecurity.secretsManager.core.KeeperRecord;
import com.keepersecurity.secretsManager.core.KeeperRecordData;
import com.keepersecurity.secretsManager.core.KeeperSecrets;
import com.keepersecurity.secretsManager.core.KeyValueStorage;
import com.keepersecurity.secretsManager.core.Password;
import com.keepersecurity.secretsManager.core.SecretsManager;
import com.keepersecurity.secretsManager.core.SecretsManagerOptions;
import com.keepersecurity.secretsManager.core.TransmissionKey;
import kotlin.jvm.functions.Function3;
import kotlinx.serialization.json.Json;

import io.camelksm.credential.Secret;

/**
 * {@link KeeperClient} on Keeper's official Java SDK ({@code SecretsManager.getSecrets} by record UID,
 * {@code SecretsManager.updateSecret}). Records are turned into {@link KeeperRecordView}s through the SDK's own JSON
 * form of the record, so every field type the SDK knows is read the same way.
 */
final class SdkKeeperClient implements KeeperClient {

    private final SecretsManagerOptions options;

    SdkKeeperClient(KeyValueStorage storage,
                    Function3<String, TransmissionKey, EncryptedPayload, KeeperHttpResponse> transport) {
        Objects.requireNonNull(storage, "storage");
        try {
            // the constructor probes SecureRandom.getInstanceStrong() and throws on slow entropy
            this.options = transport == null ? new SecretsManagerOptions(storage)
                    : new SecretsManagerOptions(storage, transport);
        } catch (Exception e) {
            throw new KeeperStoreException("Cannot set up the Keeper SDK: " + e.getClass().getSimpleName() + ": "
                                           + e.getMessage(), e);
        }
    }

    @Override
    public List<KeeperRecordView> fetch(Set<String> recordUids) {
        if (recordUids.isEmpty()) {
            return List.of(); // an empty filter would fetch every record shared with the application
        }
        KeeperSecrets secrets = getSecrets(List.copyOf(recordUids));
        List<KeeperRecordView> out = new ArrayList<>(recordUids.size());
        for (KeeperRecord record : secrets.getRecords()) {
            if (recordUids.contains(record.getRecordUid())) {
                out.add(view(record));
            }
        }
        return out;
    }

    @Override
    public void updatePassword(String recordUid, long expectedRevision, Secret newPassword) {
        KeeperRecord record = getSecrets(List.of(recordUid)).getRecordByUid(recordUid);
        if (record == null) {
            throw new KeeperStoreException("Keeper record '" + recordUid + "' was not returned by Keeper: unknown UID,"
                                           + " or not shared with this application");
        }
        if (record.getRevision() != expectedRevision) {
            throw new KeeperStaleRecordException(recordUid, expectedRevision, record.getRevision());
        }
        if (record.getData().getField(Password.class) == null) {
            throw new KeeperStoreException("Keeper record '" + recordUid + "' has no standard password field to"
                                           + " update");
        }
        record.updatePassword(newPassword.reveal());
        try {
            SecretsManager.updateSecret(options, record, null);
        } catch (Exception e) {
            throw KeeperErrors.translate("update_secret", e);
        }
    }

    private KeeperSecrets getSecrets(List<String> uids) {
        try {
            return SecretsManager.getSecrets(options, uids);
        } catch (Exception e) {
            throw KeeperErrors.translate("get_secret", e);
        }
    }

    private static KeeperRecordView view(KeeperRecord record) {
        String json = Json.Default.encodeToString(KeeperRecordData.Companion.serializer(), record.getData());
        return KeeperRecordJson.parse(record.getRecordUid(), record.getRevision(), json);
    }

    @Override
    public String toString() {
        return "KeeperClient[sdk" + (options.getQueryFunction() == null ? "" : ", custom transport") + "]";
    }
}
