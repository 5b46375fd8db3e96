package io.camelksm.access;

import java.util.Objects;

/**
 * What a credential allows routes: the read right (authorize, get), the write right (set, setProperty), each with its
 * own three AND-combined restrictions, and whether a route's write may change more than the secret values. Everything
 * is denied until granted: a credential nobody was granted yet has {@link #DENY_ALL}.
 *
 * @param read                the restrictions of the read right
 * @param write               the restrictions of the write right, granted apart from the read right
 * @param routeMetadataWrites whether routes with the write right may also change non-secret fields and plain
 *                            properties (false: secret values and the expiry only)
 */
public record AccessRights(Restrictions read, Restrictions write, boolean routeMetadataWrites) {

    public static final AccessRights DENY_ALL = new AccessRights(Restrictions.NOBODY, Restrictions.NOBODY, false);

    public AccessRights {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
    }

    /** Read rights only: nobody may write. */
    public AccessRights(Restriction roles, Restriction processes, Restriction resources) {
        this(new Restrictions(roles, processes, resources), Restrictions.NOBODY, false);
    }

    /** The restrictions of one access mode. */
    public Restrictions of(AccessMode mode) {
        return mode == AccessMode.WRITE ? write : read;
    }

    /** The roles allowed to read. */
    public Restriction roles() {
        return read.roles();
    }

    /** The processes allowed to read. */
    public Restriction processes() {
        return read.processes();
    }

    /** The resources allowed to read. */
    public Restriction resources() {
        return read.resources();
    }

    /** A restriction of the read right. */
    public Restriction of(Dimension dimension) {
        return read.of(dimension);
    }

    @Override
    public String toString() {
        return "read: " + read + " | write: " + write + (routeMetadataWrites ? " (route writes may change metadata)"
                : " (route writes: secret values and expiry only)");
    }
}
