package io.camelksm.governance;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.camelksm.access.AccessMode;
import io.camelksm.access.AccessRightsStore;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.credential.AllowedHosts;
import io.camelksm.credential.ConfusableNames;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialInUseException;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialReference;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.CredentialValidator;
import io.camelksm.credential.SendTargets;

/**
 * The administrative writes of {@link GovernedCredentials}: done on an operator's behalf, audited, not checked against
 * the credential's rights. Credential writes go through {@link CredentialChanges}; rights changes drop the cache entry.
 */
final class CredentialAdministration {

    private final CredentialStore store;
    private final AccessRightsStore rights;
    private final CredentialCache cache;
    private final CredentialChanges changes;
    private final AuditedRequests requests;
    // the validator can be replaced on GovernedCredentials at any time: read it at each write
    private final Supplier<CredentialValidator> writeValidator;

    CredentialAdministration(CredentialStore store, AccessRightsStore rights, CredentialCache cache,
                             CredentialChanges changes, AuditedRequests requests,
                             Supplier<CredentialValidator> writeValidator) {
        this.store = store;
        this.rights = rights;
        this.cache = cache;
        this.changes = changes;
        this.requests = requests;
        this.writeValidator = writeValidator;
    }

    Credential create(Credential credential, Caller admin) {
        return requests.run(credential.name(), "create", admin, null, () -> {
            ConfusableNames.checkNewName(credential.name(), store.names());
            checkHostProperties(credential);
            writeValidator.get().validate(credential);
            return store.create(credential);
        }, "created");
    }

    Credential update(Credential credential, Caller admin) {
        return requests.run(credential.name(), "update", admin, null, () -> {
            checkHostProperties(credential);
            writeValidator.get().validate(credential);
            return changes.changed(credential.name(), store.update(credential));
        }, "updated");
    }

    boolean delete(CredentialName name, Caller admin) {
        return requests.run(name, "delete", admin, null, () -> deleteNow(name), "deleted");
    }

    boolean delete(CredentialName name, Caller admin, List<CredentialReference> references, boolean force) {
        if (references.isEmpty()) {
            return delete(name, admin);
        }
        if (!force) {
            throw requests.refused(null, name, "delete", admin, null, new CredentialInUseException(name, references),
                    null);
        }
        return requests.run(name, "delete", admin, null, () -> deleteNow(name), "deleted by force, overriding "
                + references.size() + " reference" + (references.size() == 1 ? "" : "s") + ": "
                + references.stream().map(CredentialReference::describe).collect(Collectors.joining("; ")));
    }

    private boolean deleteNow(CredentialName name) {
        if (!store.delete(name)) {
            throw new CredentialNotFoundException(name);
        }
        rights.revokeAll(name);
        return changes.changed(name, true);
    }

    void grant(CredentialName name, AccessMode mode, Dimension dimension, String value, Caller admin) {
        requests.run(name, "grant", admin, null, () -> {
            rights.grant(name, mode, dimension, value);
            cache.invalidate(name);
            return null;
        }, "granted " + mode.label() + " " + dimension.label() + " '" + value + "'");
    }

    boolean revoke(CredentialName name, AccessMode mode, Dimension dimension, String value, Caller admin) {
        return requests.run(name, "revoke", admin, null, () -> {
            boolean revoked = rights.revoke(name, mode, dimension, value);
            cache.invalidate(name);
            return revoked;
        }, "revoked " + mode.label() + " " + dimension.label() + " '" + value + "'");
    }

    boolean allowRouteMetadataWrites(CredentialName name, boolean allowed, Caller admin) {
        return requests.run(name, allowed ? "grant" : "revoke", admin, null, () -> {
            boolean changed = rights.allowRouteMetadataWrites(name, allowed);
            cache.invalidate(name);
            return changed;
        }, allowed ? "allowed route metadata writes" : "route writes limited to secret values");
    }

    /** A token URL outside the credential's own allowed hosts, or a malformed {@code sendTo}, is refused. */
    private static void checkHostProperties(Credential credential) {
        credential.field(CredentialField.TOKEN_URL).ifPresent(url -> AllowedHosts.of(credential)
                .ifPresent(hosts -> hosts.check(url)));
        SendTargets.of(credential); // a malformed sendTo is refused when written, not at the first exchange
    }
}
