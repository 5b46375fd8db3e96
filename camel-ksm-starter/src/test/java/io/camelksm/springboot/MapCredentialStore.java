package io.camelksm.springboot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialStore;

/** An application's own credential store, in memory: where the tests' credentials live when it replaces the database. */
final class MapCredentialStore implements CredentialStore {

    private final Map<CredentialName, Credential> credentials = new ConcurrentHashMap<>();

    @Override
    public Optional<Credential> find(CredentialName name) {
        return Optional.ofNullable(credentials.get(name));
    }

    @Override
    public List<CredentialName> names() {
        return new ArrayList<>(credentials.keySet());
    }

    @Override
    public Credential create(Credential credential) {
        credentials.put(credential.name(), credential);
        return credential;
    }

    @Override
    public Credential update(Credential credential) {
        credentials.put(credential.name(), credential);
        return credential;
    }

    @Override
    public boolean delete(CredentialName name) {
        return credentials.remove(name) != null;
    }
}
