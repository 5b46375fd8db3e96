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
        references.add(reference.stored(clock.instant(), null, null));
    }

    @Override
    public synchronized boolean markStopped(CredentialReference reference) {
        for (int i = 0; i < references.size(); i++) {
            CredentialReference kept = references.get(i);
            if (kept.samePlace(reference) && kept.running()) {
                references.set(i, kept.stored(kept.registeredAt(), null, clock.instant()));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized int removeStopped(String node) {
        int before = references.size();
        references.removeIf(r -> r.node().equals(node) && !r.running());
        return before - references.size();
    }

    @Override
    public synchronized List<CredentialReference> of(CredentialName credential) {
        return references.stream().filter(r -> r.credential().equals(credential)).toList();
    }
}
