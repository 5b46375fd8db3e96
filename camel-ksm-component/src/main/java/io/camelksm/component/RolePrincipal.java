package io.camelksm.component;

import java.security.Principal;

/**
 * A role of the authenticated user, to put next to the user's own principal in the {@link javax.security.auth.Subject}
 * a route sets in {@code CamelAuthentication}. Recognised as a role by default ({@code rolePrincipalClasses}).
 */
public record RolePrincipal(String name) implements Principal {

    public RolePrincipal {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A role principal needs a name");
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "RolePrincipal[" + name + "]";
    }
}
