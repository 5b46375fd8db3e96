package io.camelksm.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.DuplicateCredentialException;
import io.camelksm.credential.Secret;
import io.camelksm.credential.StaleCredentialException;

/**
 * Test-only credential store in memory. Like a real store it hands out fresh copies (callers may destroy them) and
 * keeps its own copies of what it is given, with optimistic-lock versions.
 */
public final class InMemoryCredentialStore implements CredentialStore {

    private final TreeMap<CredentialName, Credential> credentials = new TreeMap<>();

    @Override
    public synchronized Optional<Credential> find(CredentialName name) {
        return Optional.ofNullable(credentials.get(name)).map(c -> copy(c, c.version()));
    }

    @Override
    public synchronized List<CredentialName> names() {
        return new ArrayList<>(credentials.keySet());
    }

    @Override
    public synchronized Credential create(Credential credential) {
        if (credentials.containsKey(credential.name())) {
            throw new DuplicateCredentialException(credential.name());
        }
        credentials.put(credential.name(), copy(credential, 1));
        return copy(credential, 1);
    }

    @Override
    public synchronized Credential update(Credential credential) {
        Credential current = credentials.get(credential.name());
        if (current == null) {
            throw new CredentialNotFoundException(credential.name());
        }
        if (current.version() != credential.version()) {
            throw new StaleCredentialException(credential.name(), credential.version(), current.version());
        }
        current.destroySecrets();
        credentials.put(credential.name(), copy(credential, credential.version() + 1));
        return copy(credential, credential.version() + 1);
    }

    @Override
    public synchronized boolean delete(CredentialName name) {
        Credential removed = credentials.remove(name);
        if (removed != null) {
            removed.destroySecrets();
        }
        return removed != null;
    }

    private static Credential copy(Credential credential, long version) {
        Credential.Builder b = credential.toBuilder().version(version);
        credential.secrets().forEach((field, secret) -> b.secret(field, copy(secret)));
        credential.properties().values()
                .forEach(p -> b.property(new CredentialProperty(p.name(), copy(p.value()), p.secret())));
        return b.build();
    }

    private static Secret copy(Secret secret) {
        char[] chars = secret.chars();
        try {
            return Secret.of(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
