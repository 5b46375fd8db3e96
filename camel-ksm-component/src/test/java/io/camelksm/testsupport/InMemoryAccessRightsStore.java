package io.camelksm.testsupport;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.camelksm.access.AccessRights;
import io.camelksm.access.AccessRightsStore;
import io.camelksm.access.Dimension;
import io.camelksm.access.Restriction;
import io.camelksm.credential.CredentialName;

/** Test-only access rights in memory; deny by default like the real store. */
public final class InMemoryAccessRightsStore implements AccessRightsStore {

    private final Map<CredentialName, Map<Dimension, Set<String>>> grants = new HashMap<>();

    @Override
    public synchronized AccessRights rightsOf(CredentialName credential) {
        Map<Dimension, Set<String>> granted = grants.get(credential);
        if (granted == null) {
            return AccessRights.DENY_ALL;
        }
        return new AccessRights(restriction(granted, Dimension.ROLE), restriction(granted, Dimension.PROCESS),
                restriction(granted, Dimension.RESOURCE));
    }

    private static Restriction restriction(Map<Dimension, Set<String>> granted, Dimension dimension) {
        return Restriction.of(granted.getOrDefault(dimension, Set.of()));
    }

    @Override
    public synchronized void grant(CredentialName credential, Dimension dimension, String value) {
        grants.computeIfAbsent(credential, c -> new EnumMap<>(Dimension.class))
                .computeIfAbsent(dimension, d -> new TreeSet<>()).add(value);
    }

    @Override
    public synchronized boolean revoke(CredentialName credential, Dimension dimension, String value) {
        Map<Dimension, Set<String>> granted = grants.get(credential);
        return granted != null && granted.getOrDefault(dimension, new TreeSet<>()).remove(value);
    }

    @Override
    public synchronized void revokeAll(CredentialName credential) {
        grants.remove(credential);
    }
}
