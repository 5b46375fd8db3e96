package io.camelksm.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialReference;
import io.camelksm.credential.CredentialReferenceStore;

/**
 * References kept in this process, for a runtime without a database (governed credentials given): nothing outside the
 * process sees them, and the last use is unknown (no audit table to read it from).
 */
final class MemoryCredentialReferenceStore implements CredentialReferenceStore {

    private final Clock clock;
    private final List<CredentialReference> references = new ArrayList<>();

    MemoryCredentialReferenceStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void add(CredentialReference reference) {
        references.removeIf(reference::samePlace);
        references.add(reference.stored(clock.instant(), null));
    }

    @Override
    public synchronized boolean remove(CredentialReference reference) {
        return references.removeIf(reference::samePlace);
    }

    @Override
    public synchronized List<CredentialReference> of(CredentialName credential) {
        return references.stream().filter(r -> r.credential().equals(credential)).toList();
    }
}
