package io.camelksm.store.keeper;

import java.util.Objects;
import java.util.Optional;

import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;

/**
 * Which Keeper record holds a credential: {@code keeper.credentials.<name>=<UID or notation>}, optionally with
 * {@code keeper.credentials.<name>.type=<credential type>} to choose the type instead of the record's {@code ksm.type}
 * custom field.
 *
 * @param name the credential name
 * @param ref  the record (and, for a one-field credential, the value) it comes from
 * @param type the credential type chosen by configuration, or null to take it from the record
 */
public record KeeperCredentialMapping(CredentialName name, KeeperRecordRef ref, CredentialType type) {

    public KeeperCredentialMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ref, "ref");
        if (ref.selector() != null && type != null && type != CredentialType.BEARER) {
            throw new IllegalArgumentException("Credential '" + name + "': " + ref + " selects one value, which makes"
                                               + " a BEARER credential, not " + type + "; refer to the whole record ("
                                               + KeeperRecordRef.SCHEME + ref.uid() + ") for " + type);
        }
    }

    public Optional<CredentialType> typeIfConfigured() {
        return Optional.ofNullable(type);
    }

    @Override
    public String toString() {
        return name + " -> " + ref + (type == null ? "" : " as " + type);
    }
}
