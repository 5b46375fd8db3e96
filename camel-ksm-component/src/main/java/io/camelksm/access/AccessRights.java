package io.camelksm.access;

import java.util.Objects;

/** The restrictions of one credential. A credential nobody was granted yet has {@link #DENY_ALL}. */
public record AccessRights(Restriction roles, Restriction processes, Restriction resources) {

    public static final AccessRights DENY_ALL = new AccessRights(Restriction.NOBODY, Restriction.NOBODY,
            Restriction.NOBODY);

    public AccessRights {
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

    @Override
    public String toString() {
        return "roles=" + roles + "; processes=" + processes + "; resources=" + resources;
    }
}
