package io.camelksm.access;

import java.util.Objects;

/** The three restrictions of one access mode (read or write); all three must allow a caller. */
public record Restrictions(Restriction roles, Restriction processes, Restriction resources) {

    /** Nobody in any dimension: what a right nobody granted looks like. */
    public static final Restrictions NOBODY = new Restrictions(Restriction.NOBODY, Restriction.NOBODY,
            Restriction.NOBODY);

    public Restrictions {
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(processes, "processes");
        Objects.requireNonNull(resources, "resources");
    }

    public Restriction of(Dimension dimension) {
        return switch (dimension) {
            case ROLE -> roles;
            case PROCESS -> processes;
            case RESOURCE -> resources;
        };
    }

    /** Whether nothing at all was granted (every dimension allows nobody). */
    public boolean isNobody() {
        return equals(NOBODY);
    }

    @Override
    public String toString() {
        return "roles=" + roles + "; processes=" + processes + "; resources=" + resources;
    }
}
